import type { Now } from './storage';

/**
 * Sequencing for values that may be at hand (`Now<T>`): the next step runs at once when the value is no promise.
 * A command whose rows are all at hand (the memory store) then runs its token moves without an async frame and a
 * microtask per step — several hundred of them per approval instance, and their promises a large part of the
 * garbage collector's work. A store that answers with promises gets the same steps, one after the other.
 */
export function then<T, R>(value: Now<T>, next: (value: T) => Now<R>): Now<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/** `step` for each item in order, each once the one before is done */
export function each<T>(items: readonly T[], step: (item: T) => Now<unknown>, from = 0): Now<void> {
  for (let i = from; i < items.length; i++) {
    const done = step(items[i]);
    if (done instanceof Promise) return done.then(() => each(items, step, i + 1));
  }
}
