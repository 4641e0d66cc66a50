let counter = 0;
/** chosen once per process, so ids from several processes sharing a database never collide */
const processTag = Math.floor(Math.random() * 36 ** 5)
  .toString(36)
  .padStart(5, '0');

/**
 * Ids that sort by creation time (base-36 milliseconds, then a process tag and a counter), so
 * "ORDER BY id" gives insertion order in a relational store, which history timelines rely on.
 */
export function timeOrderedId(): string {
  counter = (counter + 1) % 36 ** 6;
  const now = Date.now();
  // a command makes dozens of ids within one millisecond: their time part is formatted once
  if (now !== prefixMs) {
    prefixMs = now;
    prefix = now.toString(36).padStart(9, '0') + processTag;
  }
  return prefix + counter.toString(36).padStart(6, '0');
}

let prefixMs = -1;
let prefix = '';
