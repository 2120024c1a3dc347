/**
 * How long to wait after a change before pushing diagnostics: not at all when the last push
 * that followed an edit of the file was cheap, or when keys arrive more slowly than a push
 * takes; while keys arrive faster than that, as long as the last push took (at most `max` ms),
 * so that the analysis runs once the typing pauses instead of once per key.
 */
export interface PushPacing {
  /** The wait in ms for a change of `key` (a file's key; none for changes on disk) at `now` ms. */
  delay(key: string | undefined, now: number): number;
  /** Records that a push covering the edits of `keys` took `ms` milliseconds. */
  took(keys: Iterable<string>, ms: number): void;
}

/** A push this fast is never deferred: waiting would cost more than running it again. */
export const CHEAP_PUSH_MS = 8;

export function createPushPacing(options: { max: number }): PushPacing {
  const cost = new Map<string, number>();
  const lastChange = new Map<string, number>();
  let lastCost = 0;
  return {
    delay(key, now) {
      const k = key ?? '';
      const previous = lastChange.get(k);
      lastChange.set(k, now);
      const c = cost.get(k) ?? lastCost;
      if (c <= CHEAP_PUSH_MS || previous === undefined || now - previous >= c) return 0;
      return Math.min(options.max, Math.ceil(c));
    },
    took(keys, ms) {
      lastCost = ms;
      for (const k of keys) cost.set(k, ms);
    },
  };
}
