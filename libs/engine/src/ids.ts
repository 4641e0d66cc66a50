let counter = 0;

/**
 * Ids that sort by creation time (base-36 milliseconds, a counter, random tail), so "ORDER BY id" gives
 * insertion order in a relational store, which history timelines rely on.
 */
export function timeOrderedId(): string {
  counter = (counter + 1) % 36 ** 4;
  const random = Math.floor(Math.random() * 36 ** 6).toString(36).padStart(6, '0');
  return Date.now().toString(36).padStart(9, '0') + counter.toString(36).padStart(4, '0') + random;
}
