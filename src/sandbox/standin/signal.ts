/** Lets test aids wait for a condition on the stand-in's state, re-checked after every change. */

interface Waiter {
  check(): boolean;
  cancel(reason: Error): void;
}

/** Default time a test aid waits before giving up. */
export const DEFAULT_WAIT_MS = 5_000;

export class Signal {
  readonly #waiters = new Set<Waiter>();
  readonly #listeners = new Set<() => void>();

  /** Something changed: re-check every pending wait, and tell every listener. */
  notify(): void {
    for (const waiter of [...this.#waiters]) waiter.check();
    for (const listener of [...this.#listeners]) listener();
  }

  /** Calls `listener` after every change; returns the function that stops it. */
  listen(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Resolves with the first defined value `probe` returns, checking now and after every {@link notify}.
   * Rejects after `timeoutMs` with a message naming `what`.
   */
  waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        check: () => {
          let value: T | undefined;
          try {
            value = probe();
          } catch (error) {
            finish();
            reject(error instanceof Error ? error : new Error(String(error)));
            return true;
          }
          if (value === undefined) return false;
          finish();
          resolve(value);
          return true;
        },
        cancel: (reason) => {
          finish();
          reject(reason);
        },
      };
      const timer = setTimeout(() => {
        waiter.cancel(new Error(`StandIn: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const finish = (): void => {
        clearTimeout(timer);
        this.#waiters.delete(waiter);
      };
      if (!waiter.check()) this.#waiters.add(waiter);
    });
  }

  /** Rejects every pending wait (used on close). */
  cancelAll(reason: Error): void {
    for (const waiter of [...this.#waiters]) waiter.cancel(reason);
  }
}
