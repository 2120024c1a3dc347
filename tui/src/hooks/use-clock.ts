import { useEffect, useRef, useState } from 'react';

/** The time from `now`, updated every `everyMs`, for "refreshed 12 s ago". The cleanup stops it. */
export function useClock(now: () => Date, everyMs = 1000): number {
  const source = useRef(now);
  source.current = now;
  const [time, setTime] = useState(() => now().getTime());
  useEffect(() => {
    const timer = setInterval(() => setTime(source.current().getTime()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return time;
}
