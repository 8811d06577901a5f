import type { DraftSummary, ReplyView } from '../backend';

/** Newest first, by last change; Rust already sends them so, and the list must not depend on it. */
export function newestFirst(drafts: readonly DraftSummary[]): DraftSummary[] {
  return [...drafts].sort((a, b) => b.updatedAt - a.updatedAt);
}

/** A conversation reads down: the oldest reply first, the newest at the bottom (replies of one moment keep their order). */
export function oldestFirst(replies: readonly ReplyView[]): ReplyView[] {
  return [...replies].sort((a, b) => a.at - b.at);
}
