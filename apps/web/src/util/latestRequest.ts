/**
 * The newest of a page's loads wins. Each load gets an AbortSignal and a ticket; starting another load (the user
 * turned the page, changed a filter) aborts the one before and makes its ticket stale, so an answer that arrives
 * late is dropped instead of overwriting the newer one. Framework-free: useLoad wraps it for React.
 */
export interface LoadTicket {
  signal: AbortSignal;
  /** true while no newer load has started and nobody cancelled this one */
  isCurrent(): boolean;
}

export class LatestRequest {
  private generation = 0;
  private controller: AbortController | null = null;

  begin(): LoadTicket {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const mine = ++this.generation;
    return { signal: controller.signal, isCurrent: () => mine === this.generation && !controller.signal.aborted };
  }

  /** The page is leaving: nothing still in flight may land. */
  cancel(): void {
    this.controller?.abort();
    this.controller = null;
    this.generation++;
  }

  /**
   * Runs one load; `apply` sees its result only if it is still the newest, `fail` its error likewise (an abort
   * is never reported: the caller asked for it).
   */
  async run<T>(load: (signal: AbortSignal) => Promise<T>, apply: (value: T) => void, fail: (error: unknown) => void): Promise<void> {
    const ticket = this.begin();
    try {
      const value = await load(ticket.signal);
      if (ticket.isCurrent()) apply(value);
    } catch (error) {
      if (ticket.isCurrent()) fail(error);
    }
  }
}
