import type { AnswerStatus, SubmissionKind } from '../backend';
import { msg } from '../i18n/i18n.svelte';

/** The message naming each kind of request. */
export const KIND_LABEL: Record<SubmissionKind, string> = {
  problem: msg('kind-problem'),
  request: msg('kind-request'),
  complaint: msg('kind-complaint'),
  proposal: msg('kind-proposal'),
  question: msg('kind-question'),
};

/**
 * Where a request stands for the person: still being written, sent and not yet answered, or what the
 * municipality says of it once it answered.
 */
export type RequestStatus = 'draft' | 'sent' | AnswerStatus;

/** A request as the list and the sent view know it: when it was sent, and the municipality's status. */
export function statusOf(request: { sentAt: number | null; answerStatus: AnswerStatus | null }): RequestStatus {
  if (request.sentAt === null) return 'draft';
  return request.answerStatus ?? 'sent';
}

type Look = { icon: string; label: string; tone: 'primary' | 'ok' | 'plain' };

/** How each status shows: an icon, a short word, and the badge's colour (never the colour alone). */
export const STATUS_LOOK: Record<RequestStatus, Look> = {
  draft: { icon: 'ui-pencil', label: msg('request-status-draft'), tone: 'primary' },
  sent: { icon: 'ui-send', label: msg('request-status-sent'), tone: 'ok' },
  received: { icon: 'ui-inbox', label: msg('request-status-received'), tone: 'primary' },
  'in-progress': { icon: 'ui-half', label: msg('request-status-in-progress'), tone: 'primary' },
  answered: { icon: 'ui-message', label: msg('request-status-answered'), tone: 'ok' },
  fixed: { icon: 'ui-check-circle', label: msg('request-status-fixed'), tone: 'ok' },
  'not-our-responsibility': { icon: 'ui-forward', label: msg('request-status-not-ours'), tone: 'plain' },
  closed: { icon: 'ui-archive', label: msg('request-status-closed'), tone: 'plain' },
};
