import type { DraftSummary, MessageView, ReplyView } from '../backend';

/** Newest first, by last change; Rust already sends them so, and the list must not depend on it. */
export function newestFirst(drafts: readonly DraftSummary[]): DraftSummary[] {
  return [...drafts].sort((a, b) => b.updatedAt - a.updatedAt);
}

/** A conversation reads down: the oldest reply first, the newest at the bottom (replies of one moment keep their order). */
export function oldestFirst(replies: readonly ReplyView[]): ReplyView[] {
  return [...replies].sort((a, b) => a.at - b.at);
}

/** One turn of a request's conversation: the person's own message, or a reply of the municipality. */
export type Turn = { who: 'me'; text: string; at: number } | { who: 'municipality'; by: string; text: string; at: number };

/**
 * The person's messages and the municipality's replies as one conversation, oldest first and the
 * newest at the bottom. At the same moment a reply comes before the message that answers it.
 */
export function conversation(messages: readonly MessageView[], replies: readonly ReplyView[]): Turn[] {
  const turns: Turn[] = [
    ...replies.map((r) => ({ who: 'municipality' as const, by: r.by, text: r.text, at: r.at })),
    ...messages.map((m) => ({ who: 'me' as const, text: m.text, at: m.at })),
  ];
  // A stable sort: replies (listed first) stay ahead of messages of the same moment, each in its own order.
  return turns.sort((a, b) => a.at - b.at);
}
