/** Text of a comment and who wrote it when: the API's field names are read tolerantly. */
export function commentParts(c: TaskComment): { text: string; who: string; at: string | undefined } {
  return { text: c.body ?? c.text ?? '', who: c.authorName ?? c.author ?? '', at: c.createdAt ?? c.at };
}
import type { TaskComment } from '@kcbx/api-contract';
