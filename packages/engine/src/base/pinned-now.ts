/**
 * `MESHGW_NOW`, read the same by the meshgw command and the language server: an ISO 8601 date (`2026-06-01`, `2026-06-01T00:00:00Z`, with an optional
 * fraction of a second and offset) that pins the clock. Unset or empty: no pin (null). Anything
 * else is an error sentence, never a silently wrong clock (`new Date('garbage')` is an invalid
 * date, `new Date('1')` is the year 2001).
 */
export function readPinnedNow(text: string | undefined): { now: Date | null } | { error: string } {
  if (text === undefined || text === '') return { now: null };
  const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
  const date = new Date(text);
  if (!iso.test(text.trim()) || Number.isNaN(date.getTime())) {
    return { error: `MESHGW_NOW must be an ISO 8601 date such as 2026-06-01T00:00:00Z, not "${text}"` };
  }
  return { now: date };
}
