import { useEffect, useRef, type Dispatch } from 'react';
import type { Loader } from '../data/loader.js';
import type { Action } from '../state/state.js';

export interface PollOptions {
  intervalMs: number;
  /** Changing it aborts the refresh in flight and starts one at once (with Secrets). */
  nonce: number;
  now: () => Date;
}

/**
 * Refreshes from the loader now and then `intervalMs` after each refresh ends, so at most one
 * refresh is in flight. The cleanup aborts the refresh in flight and the timer: a new loader
 * (another context), a manual refresh or unmounting never leaves requests behind.
 */
export function usePoll(loader: Loader, options: PollOptions, dispatch: Dispatch<Action>): void {
  const now = useRef(options.now);
  now.current = options.now;
  const { intervalMs, nonce } = options;
  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let first = true;
    const run = async (): Promise<void> => {
      const forceSecrets = first && nonce > 0;
      first = false;
      dispatch({ type: 'refreshStarted' });
      let outcome;
      try {
        outcome = await loader.refresh({ signal: controller.signal, now: now.current(), forceSecrets });
      } catch (error) {
        outcome = { ok: false as const, message: error instanceof Error ? error.message : String(error), aborted: false };
      }
      if (controller.signal.aborted) return;
      if (outcome.ok) dispatch({ type: 'loaded', data: outcome.data });
      else if (!outcome.aborted) dispatch({ type: 'failed', message: outcome.message, at: now.current().getTime() });
      timer = setTimeout(() => void run(), intervalMs);
    };
    void run();
    return () => {
      controller.abort();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [loader, intervalMs, nonce, dispatch]);
}
