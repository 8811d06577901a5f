import type { DraftSummary } from '../backend';

/** Newest first, by last change; Rust already sends them so, and the list must not depend on it. */
export function newestFirst(drafts: readonly DraftSummary[]): DraftSummary[] {
  return [...drafts].sort((a, b) => b.updatedAt - a.updatedAt);
}
