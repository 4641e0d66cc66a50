import { LatestRequest } from './latestRequest';

/** A load the test finishes by hand, in any order. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('LatestRequest', () => {
  it('given two loads, when the older answers after the newer, then the older answer never overwrites the newer', async () => {
    const requests = new LatestRequest();
    const shown: string[] = [];
    const first = deferred<string>();
    const second = deferred<string>();
    const one = requests.run(
      () => first.promise,
      (v) => shown.push(v),
      () => shown.push('error'),
    );
    const two = requests.run(
      () => second.promise,
      (v) => shown.push(v),
      () => shown.push('error'),
    );
    second.resolve('page 2');
    await two;
    first.resolve('page 1');
    await one;
    expect(shown).toEqual(['page 2']);
  });

  it('given two loads, when the older fails after the newer answered, then its error is not reported', async () => {
    const requests = new LatestRequest();
    const errors: unknown[] = [];
    const first = deferred<string>();
    const one = requests.run(
      () => first.promise,
      () => undefined,
      (e) => errors.push(e),
    );
    await requests.run(
      () => Promise.resolve('new'),
      () => undefined,
      (e) => errors.push(e),
    );
    first.reject(new Error('late failure'));
    await one;
    expect(errors).toEqual([]);
  });

  it('given a running load, when a newer one starts, then the older one is aborted', async () => {
    const requests = new LatestRequest();
    let firstSignal: AbortSignal | undefined;
    const first = deferred<string>();
    const one = requests.run(
      (signal) => ((firstSignal = signal), first.promise),
      () => undefined,
      () => undefined,
    );
    await requests.run(
      () => Promise.resolve('x'),
      () => undefined,
      () => undefined,
    );
    expect(firstSignal?.aborted).toBe(true);
    first.resolve('late');
    await one;
  });

  it('given a running load, when the page leaves (cancel), then its answer is dropped', async () => {
    const requests = new LatestRequest();
    const shown: string[] = [];
    const first = deferred<string>();
    const one = requests.run(
      () => first.promise,
      (v) => shown.push(v),
      () => undefined,
    );
    requests.cancel();
    first.resolve('after leaving');
    await one;
    expect(shown).toEqual([]);
  });

  it('given the newest load, when it answers or fails, then the page sees it', async () => {
    const requests = new LatestRequest();
    const seen: unknown[] = [];
    await requests.run(
      () => Promise.resolve(1),
      (v) => seen.push(v),
      () => undefined,
    );
    await requests.run(
      () => Promise.reject(new Error('down')),
      () => undefined,
      (e) => seen.push((e as Error).message),
    );
    expect(seen).toEqual([1, 'down']);
  });
});
