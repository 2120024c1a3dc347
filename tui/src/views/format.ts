/** Short human durations for the header: `just now`, `12 s ago`, `3 min ago`, `2 h ago`, `4 d ago`. */
export function ago(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 1) return 'just now';
  if (s < 120) return `${s} s ago`;
  const min = Math.floor(s / 60);
  if (min < 120) return `${min} min ago`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.floor(h / 24)} d ago`;
}

/** A duration without "ago": `200 ms`, `45 s`, `3 min`. */
export function duration(ms: number): string {
  if (ms > 0 && ms < 1000) return `${Math.round(ms)} ms`;
  return ago(ms).replace(/ ago$/, '').replace('just now', '0 s');
}

/** Cuts `text` to `width` columns, ending with `…` when cut. Widths are counted in UTF-16 units. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (text.length <= width) return text;
  if (width === 1) return '…';
  return `${text.slice(0, width - 1)}…`;
}

/** Cuts `text` to `width` columns keeping its end (for paths): `…/gateway.yaml`. */
export function truncateStart(text: string, width: number): string {
  if (width <= 0) return '';
  if (text.length <= width) return text;
  if (width === 1) return '…';
  return `…${text.slice(text.length - width + 1)}`;
}

/** Pads or cuts `text` to exactly `width` columns; `keepEnd` cuts the start instead of the end. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left', keepEnd = false): string {
  const cut = keepEnd ? truncateStart(text, width) : truncate(text, width);
  return align === 'left' ? cut.padEnd(width) : cut.padStart(width);
}

/** The `HH:MM:SS` of a time, in UTC so that tests and screens agree. */
export function clockTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

/** Splits text into lines of at most `width` characters at spaces (long words are cut). */
export function wrapWords(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      out.push(line);
      line = word;
    }
    while (line.length > width) {
      out.push(line.slice(0, width));
      line = line.slice(width);
    }
  }
  if (line !== '' || out.length === 0) out.push(line);
  return out;
}
