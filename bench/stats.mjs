/** Nearest-rank percentile `p` (0-100) of a list of numbers; NaN for an empty list. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

export function median(values) {
  return percentile(values, 50);
}

/** Milliseconds as a table shows them: one decimal under 10 ms, whole numbers above, `n/a` for none. */
export function ms(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return 'n/a';
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  return value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value).toLocaleString('en-US')} ms`;
}

/** `p50 / p95 / p99` of a list of milliseconds. */
export function spread(values, ps = [50, 95, 99]) {
  if (values.length === 0) return 'n/a';
  return ps.map((p) => ms(percentile(values, p)).replace(/ ms$/, '')).join(' / ') + ' ms';
}

export function mb(bytes) {
  return bytes === null || bytes === undefined ? 'n/a' : `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** `ours / theirs` as `0.12×`, or an empty cell when either is missing. */
export function ratio(ours, theirs) {
  if (!Number.isFinite(ours) || !Number.isFinite(theirs) || theirs === 0) return '';
  const r = ours / theirs;
  return `${r < 0.1 ? r.toFixed(3) : r.toFixed(2)}×`;
}

/** A markdown table from a header row and rows of cells. */
export function table(header, rows) {
  const line = (cells) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
