import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { LatestRequest } from './latestRequest';

export interface Loaded<T> {
  /** the newest answer; undefined until the first one arrives */
  data: T | undefined;
  loading: boolean;
  /** the newest load's error, if it failed */
  error: unknown;
  /** loads again with the same inputs (after a save, a retry button) */
  reload: () => void;
  /** replaces the shown data locally (an optimistic edit) without loading */
  setData: (data: T) => void;
}

/**
 * The one way pages load data: `load` runs when `deps` change (and on reload); only the newest load's answer is
 * kept (see LatestRequest), and a load still running when the page goes away never sets state. `onError` is for
 * showing the failure (useShowError); the error also stays in `error` for pages that render it.
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList, onError?: (error: unknown) => void): Loaded<T> {
  const [state, setState] = useState<{ data: T | undefined; loading: boolean; error: unknown }>({
    data: undefined,
    loading: true,
    error: undefined,
  });
  const [round, setRound] = useState(0);
  const latest = useRef(new LatestRequest());
  // The newest callbacks without making them inputs: a page's inline arrow functions change on every render.
  const loadRef = useRef(load);
  const onErrorRef = useRef(onError);
  loadRef.current = load;
  onErrorRef.current = onError;

  useEffect(() => {
    const requests = latest.current;
    setState((s) => ({ ...s, loading: true }));
    void requests.run(
      (signal) => loadRef.current(signal),
      // Not a transition: a page whose answer React may defer shows its frame without its rows for a while, and a
      // clerk who reloads to see a change can keep seeing the frame.
      (data) => setState({ data, loading: false, error: undefined }),
      (error) => {
        setState((s) => ({ ...s, loading: false, error }));
        onErrorRef.current?.(error);
      },
    );
    return () => requests.cancel();
    // The caller's deps are the inputs of `load` (read through loadRef), plus `round` for reload().
  }, [...deps, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  const setData = useCallback((data: T) => setState((s) => ({ ...s, data })), []);
  return { ...state, reload, setData };
}
