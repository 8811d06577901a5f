/** Whether the municipality's side of a request changed in a way worth saying: a first answer, a new status, a new reply. */
import type { AnswerView } from '../backend';

export function answerIsNews(before: AnswerView | null, after: AnswerView | null): boolean {
  if (after === null) return false;
  if (before === null) return true;
  return (
    before.status !== after.status ||
    before.expected !== after.expected ||
    after.replies.length !== before.replies.length ||
    after.replies.some((r, i) => r.text !== before.replies[i]?.text || r.at !== before.replies[i]?.at)
  );
}
