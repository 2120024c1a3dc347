import { useEffect, useRef, type Dispatch } from 'react';
import type { Action } from '../state/state.js';

/**
 * Reads `now` every `everyMs` and hands the time to the reducer, which draws the header's
 * "refreshed 12 s ago" and the banner's age from it. The cleanup stops the timer.
 */
export function useClock(now: () => Date, dispatch: Dispatch<Action>, everyMs = 1000): void {
  const source = useRef(now);
  source.current = now;
  useEffect(() => {
    const timer = setInterval(() => dispatch({ type: 'tick', at: source.current().getTime() }), everyMs);
    return () => clearInterval(timer);
  }, [everyMs, dispatch]);
}
