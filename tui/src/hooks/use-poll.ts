import { useEffect, useRef, type Dispatch } from 'react';
import type { LoadedData, Loader } from '../data/loader.js';
import type { Action } from '../state/state.js';

export interface PollOptions {
  intervalMs: number;
  /** Changing it aborts the refresh in flight and starts one at once (with Secrets). */
  nonce: number;
  now: () => Date;
}

/**
 * A timed refresh says so (`refreshStarted`, the header's ↻) only once it has run this long: a
 * quick one then costs one redraw, not three, and no key waits behind those frames.
 */
export const QUIET_REFRESH_MS = 300;

/**
 * Refreshes from the loader now and then `intervalMs` after each refresh ends, so at most one
 * refresh is in flight. The first refresh of a loader or nonce (the first load, a manual
 * refresh) is shown at once; a timed one after `QUIET_REFRESH_MS`. A first load's partial data
 * (see `RefreshOptions.onPartial`) is shown as it comes. The cleanup aborts the
 * refresh in flight and the timers: a new loader (another context), a manual refresh or
 * unmounting never leaves requests behind.
 */
export function usePoll(loader: Loader, options: PollOptions, dispatch: Dispatch<Action>): void {
  const now = useRef(options.now);
  now.current = options.now;
  const { intervalMs, nonce } = options;
  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let shown: ReturnType<typeof setTimeout> | undefined;
    let first = true;
    const run = async (): Promise<void> => {
      const forceSecrets = first && nonce > 0;
      if (first) dispatch({ type: 'refreshStarted' });
      else shown = setTimeout(() => dispatch({ type: 'refreshStarted' }), QUIET_REFRESH_MS);
      first = false;
      let outcome;
      try {
        const onPartial = (data: LoadedData): void => {
          if (!controller.signal.aborted) dispatch({ type: 'partial', data });
        };
        outcome = await loader.refresh({ signal: controller.signal, now: now.current(), forceSecrets, onPartial });
      } catch (error) {
        outcome = { ok: false as const, message: error instanceof Error ? error.message : String(error), aborted: false };
      }
      clearTimeout(shown);
      if (controller.signal.aborted) return;
      if (outcome.ok) dispatch({ type: 'loaded', data: outcome.data });
      else if (!outcome.aborted) dispatch({ type: 'failed', message: outcome.message, at: now.current().getTime() });
      timer = setTimeout(() => void run(), intervalMs);
    };
    void run();
    return () => {
      controller.abort();
      clearTimeout(timer);
      clearTimeout(shown);
    };
  }, [loader, intervalMs, nonce, dispatch]);
}
