/**
 * The day an analysis is made on, as a whole number of days since the Unix epoch (UTC). What
 * depends on `now` (certificate expiry in whole days) is the same for every instant of a day,
 * so caches of such results are keyed by it.
 */
export function analysisDay(now: Date): number {
  return Math.floor(now.getTime() / 86_400_000);
}
