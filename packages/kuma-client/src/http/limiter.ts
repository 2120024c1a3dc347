/**
 * Runs at most `limit` tasks at once; the rest wait in arrival order. A task whose signal fires
 * while it waits leaves the queue at once and resolves to `onAbort()` without running.
 */
export interface Limiter {
  run<T>(task: () => Promise<T>, signal: AbortSignal | undefined, onAbort: () => T): Promise<T>;
}

export function createLimiter(limit: number): Limiter {
  const max = Math.max(1, Math.floor(limit));
  let active = 0;
  const waiting: Array<() => void> = [];

  // A finishing task hands its slot straight to the first waiter, so `active` never overshoots.
  const release = (): void => {
    const next = waiting.shift();
    if (next !== undefined) next();
    else active -= 1;
  };

  return {
    async run<T>(task: () => Promise<T>, signal: AbortSignal | undefined, onAbort: () => T): Promise<T> {
      if (signal?.aborted === true) return onAbort();
      if (active >= max) {
        const admitted = await new Promise<boolean>((resolve) => {
          const start = (): void => {
            signal?.removeEventListener('abort', cancel);
            resolve(true);
          };
          const cancel = (): void => {
            const index = waiting.indexOf(start);
            if (index >= 0) waiting.splice(index, 1);
            resolve(false);
          };
          waiting.push(start);
          signal?.addEventListener('abort', cancel, { once: true });
        });
        if (!admitted) return onAbort();
      } else {
        active += 1;
      }
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
