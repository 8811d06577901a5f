import type { SubmissionKind } from '../backend';
import { msg } from '../i18n/i18n.svelte';

/** The message naming each kind of request. */
export const KIND_LABEL: Record<SubmissionKind, string> = {
  problem: msg('kind-problem'),
  request: msg('kind-request'),
  complaint: msg('kind-complaint'),
  proposal: msg('kind-proposal'),
  question: msg('kind-question'),
};
