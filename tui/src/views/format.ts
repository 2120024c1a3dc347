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

/**
 * Cuts `text` to at most `width` columns in the middle. A path keeps its leading folders that fit
 * whole and its last segment (`examples/…/later-listener.yaml`), or only its end when the last
 * segment alone is too long; other text keeps its start and end.
 */
export function truncateMiddle(text: string, width: number): string {
  if (width <= 0) return '';
  if (text.length <= width) return text;
  if (width === 1) return '…';
  const slash = text.lastIndexOf('/');
  if (slash > 0) {
    const tail = text.slice(slash);
    if (tail.length + 2 > width) return truncateStart(text, width);
    const head = text.slice(0, width - 1 - tail.length);
    // Whole folder names read better than a cut one: `examples/…/x.yaml`, not `examp…/x.yaml`.
    const whole = head.lastIndexOf('/');
    return `${whole > 0 ? head.slice(0, whole + 1) : head}…${tail}`;
  }
  const head = Math.ceil((width - 1) / 2);
  return `${text.slice(0, head)}…${text.slice(text.length - (width - 1 - head))}`;
}

/** Where a cell too long for its column is cut: at the end (`…`), or in the middle (paths). */
export type Cut = 'end' | 'middle';

/** Pads or cuts `text` to exactly `width` columns. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left', cut: Cut = 'end'): string {
  const short = cut === 'middle' ? truncateMiddle(text, width) : truncate(text, width);
  return align === 'left' ? short.padEnd(width) : short.padStart(width);
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
