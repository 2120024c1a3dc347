export interface LineParts {
  indent: number;
  dashes: number[];
  key: { text: string; start: number; end: number; colon: number } | null;
  value: { text: string; start: number; end: number } | null;
  /** Text that is neither a key nor a dash, with its columns. */
  bare: { text: string; start: number; end: number } | null;
}

export const KEY_RE = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"[\]{},&*!|>%@`-][^]*?|-[^\s][^]*?)[ \t]*:(?=[ \t]|$)/;

/** Splits one line (without its end) into its dashes, key, value or bare text. */
export function lineParts(line: string): LineParts {
  const parts: LineParts = { indent: 0, dashes: [], key: null, value: null, bare: null };
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  parts.indent = i;
  for (;;) {
    if (line[i] === '-' && (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t')) {
      parts.dashes.push(i);
      i++;
      while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
      continue;
    }
    break;
  }
  const rest = line.slice(i);
  if (rest === '' || rest.startsWith('#')) return parts;
  const m = KEY_RE.exec(rest);
  if (m) {
    const raw = m[1];
    const colon = i + m[0].length - 1;
    parts.key = { text: unquote(raw), start: i, end: i + raw.length, colon };
    let v = colon + 1;
    while (v < line.length && (line[v] === ' ' || line[v] === '\t')) v++;
    const end = valueEnd(line, v);
    parts.value = { text: line.slice(v, end), start: v, end };
    return parts;
  }
  const end = valueEnd(line, i);
  parts.bare = { text: line.slice(i, end), start: i, end };
  return parts;
}

/** The end of a value: before a ` #` comment outside quotes, trailing blanks dropped. */
export function valueEnd(line: string, start: number): number {
  let quote = '';
  let end = line.length;
  for (let i = start; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if ((c === '"' || c === "'") && i === start) quote = c;
    else if (c === '#' && (i === start || line[i - 1] === ' ' || line[i - 1] === '\t')) {
      end = i;
      break;
    }
  }
  while (end > start && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return end;
}

export function unquote(text: string): string {
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) return text.slice(1, -1).replace(/\\(.)/g, '$1');
  if (text.length >= 2 && text.startsWith("'") && text.endsWith("'")) return text.slice(1, -1).replace(/''/g, "'");
  return text;
}

/** The lines of a chunk with their start offsets; a byte order mark is not part of line 0. */
export function splitLines(text: string, base: number): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text.charCodeAt(i);
    if (i === text.length || c === 10 || c === 13) {
      out.push({ start: base + start, text: text.slice(start, i) });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  if (base === 0 && out.length > 0 && out[0].text.charCodeAt(0) === 0xfeff) {
    out[0] = { start: 1, text: out[0].text.slice(1) };
  }
  return out;
}

export function wordEnd(line: string, from: number): number {
  let i = from;
  while (i < line.length && line[i] !== ' ' && line[i] !== '\t' && line[i] !== ':' && line[i] !== '#') i++;
  return i;
}

export function commentBefore(line: string, col: number): boolean {
  let quote = '';
  for (let i = 0; i < col && i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) return true;
  }
  return false;
}

export function balanced(value: string): boolean {
  let depth = 0;
  for (const c of value) {
    if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  return depth <= 0;
}
