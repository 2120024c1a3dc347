import type { ResourceForm, ResourceKind } from '../kuma/kinds.js';
import type { PathKey } from './describe.js';
import type { Span } from '../base/types.js';
import { documentAround } from '../syntax/parse.js';
import { balanced, commentBefore, lineParts, splitLines, unquote, wordEnd } from './line-parts.js';
import { KUMA_API_GROUP, isKubernetesCustomKind, isResourceKind } from '../kuma/kinds.js';
import type { LineParts } from './line-parts.js';

/**
 * The cursor's place in a document read from its text and indentation alone, for completion
 * while the YAML is half typed. `path` is the container (key position: the map or list the key
 * goes into) or the key whose value is being written (value position).
 */
export interface TextContext {
  /** The document's kind and form as its text declares them; null when not (yet) declared. */
  kind: ResourceKind | null;
  form: ResourceForm;
  /** The mesh written in the document (`mesh:` or the `kuma.io/mesh` label); null if none. */
  mesh: string | null;
  /** True when the document holds nothing but comments and the word under the cursor. */
  empty: boolean;
  position: 'key' | 'value';
  path: PathKey[];
  /** Value position: the key. Key position: null. */
  key: string | null;
  /** What is typed before the cursor in the key or value. */
  prefix: string;
  /** The key or value text a completion replaces. */
  span: Span;
  /** Keys already written in the container map, as written (key position). */
  siblings: string[];
  /** Key position: a colon already follows the key on this line. */
  hasColon: boolean;
  /** Value position: the value starts right after the colon, so an insertion needs a space. */
  needsSpace: boolean;
  /** The column (UTF-16 units from the line start) where the key starts. */
  column: number;
  /** Key position: the key is the first of a list item on this line (`- |`). */
  afterDash: boolean;
}

/** One `key:` or `- ` of the lines before the cursor, with its place in the document. */
interface Entry {
  column: number;
  kind: 'key' | 'dash';
  key: string;
  value: string;
  path: PathKey[];
  parent: number;
  items: number;
}

/** The keys and list items seen so far, nested by indentation like the YAML they stand for. */
class Outline {
  readonly entries: Entry[] = [];
  private readonly stack: number[] = [];
  private rootItems = 0;

  /** Closes the entries a new `kind` at `column` ends; returns the one it nests in (or -1). */
  popTo(kind: 'key' | 'dash', column: number): number {
    while (this.stack.length > 0) {
      const top = this.entries[this.stack[this.stack.length - 1]];
      if (top.column > column || (top.column === column && !(kind === 'dash' && top.kind === 'key'))) this.stack.pop();
      else break;
    }
    return this.stack.length > 0 ? this.stack[this.stack.length - 1] : -1;
  }

  push(kind: 'key' | 'dash', column: number, key: string, value: string): number {
    const parent = this.popTo(kind, column);
    const parentPath = parent >= 0 ? this.entries[parent].path : [];
    const step: PathKey = kind === 'key' ? key : parent >= 0 ? this.entries[parent].items++ : this.rootItems++;
    this.entries.push({ column, kind, key, value, path: [...parentPath, step], parent, items: 0 });
    this.stack.push(this.entries.length - 1);
    return this.entries.length - 1;
  }

  /** The value of a top-level key other than the cursor's own entry. */
  top(key: string, cursorEntry: number): string | null {
    return this.entries.find((e, i) => i !== cursorEntry && e.parent === -1 && e.kind === 'key' && e.key === key)?.value ?? null;
  }
}

type Found = Omit<TextContext, 'kind' | 'form' | 'mesh' | 'empty' | 'path' | 'siblings'>;

/** What the cursor line says: the position found, the cursor's entry and its container. */
interface CursorLine {
  found: Found;
  cursorEntry: number;
  container: number;
}

type Line = { start: number; text: string };

const opensBlock = (value: string) => /^[|>][-+0-9]*$/.test(value) || (/^[[{]/.test(value) && !balanced(value));

/**
 * Describes the cursor at `offset` in `text` from indentation, `- ` markers and `key:` prefixes,
 * never from a parse, so it works on any text. Returns null when the cursor is inside a comment,
 * a block scalar or a flow collection, on a `---` line, or in the indentation of a line that
 * has content.
 */
export function describeTextAt(text: string, offset: number): TextContext | null {
  const chunk = documentAround(text, offset);
  const lines = splitLines(chunk.text, chunk.start);
  const cursorLine = lines.findIndex((l, i) => offset >= l.start && (i + 1 === lines.length || offset < lines[i + 1].start));
  if (cursorLine < 0) return null;
  const outline = new Outline();
  /** Lines indented deeper than this column belong to a block scalar or an open flow value. */
  let skipDeeperThan = -1;
  let contentBefore = false;
  let cursor: CursorLine | null = null;
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n].text;
    if (/^---(?=[ \t]|$)/.test(raw) || /^(\.\.\.|%)/.test(raw)) {
      if (n === cursorLine) return null;
      continue;
    }
    const parts = lineParts(raw);
    const blank = parts.dashes.length === 0 && !parts.key && !parts.bare;
    if (skipDeeperThan >= 0) {
      if (blank || parts.indent > skipDeeperThan) {
        if (n === cursorLine) return null;
        continue;
      }
      skipDeeperThan = -1;
    }
    if (n === cursorLine) {
      cursor = readCursorLine(lines[n], parts, offset - lines[n].start, outline);
      if (!cursor) return null;
      continue;
    }
    if (blank) continue;
    if (n < cursorLine) contentBefore = true;
    skipDeeperThan = readLine(parts, outline);
  }
  if (!cursor) return null;
  return contextOf(cursor, outline, lines, cursorLine, contentBefore);
}

/** Adds a line before or after the cursor to the outline; returns the column below which a block opens (or -1). */
function readLine(parts: LineParts, outline: Outline): number {
  for (const d of parts.dashes) outline.push('dash', d, '', '');
  if (parts.key) {
    const value = parts.value?.text ?? '';
    const e = outline.push('key', parts.key.start, parts.key.text, unquote(value));
    if (opensBlock(value)) return outline.entries[e].column;
  } else if (parts.bare && parts.dashes.length > 0 && opensBlock(parts.bare.text)) {
    return parts.dashes[parts.dashes.length - 1];
  }
  return -1;
}

/** The cursor line at column `col`: a value being written, or a key (typed, bare or not yet). */
function readCursorLine(line: Line, parts: LineParts, col: number, outline: Outline): CursorLine | null {
  const raw = line.text;
  const firstContent = parts.dashes[0] ?? parts.key?.start ?? parts.bare?.start ?? -1;
  if (firstContent >= 0 && col < firstContent) return null;
  if (commentBefore(raw, col)) return null;
  for (const d of parts.dashes) if (d < col) outline.push('dash', d, '', '');
  const lastDash = parts.dashes.length > 0 ? parts.dashes[parts.dashes.length - 1] : -1;
  if (parts.key && col > parts.key.colon) return valuePosition(line, parts.key, parts.value, col, lastDash, outline);
  // Key position: a key being typed (with or without its colon), bare text, or nothing yet.
  const word = parts.key ?? parts.bare;
  const column = word ? word.start : col;
  let cursorEntry = -1;
  let container: number;
  if (parts.key) {
    cursorEntry = outline.push('key', parts.key.start, parts.key.text, unquote(parts.value?.text ?? ''));
    container = outline.entries[cursorEntry].parent;
  } else {
    container = outline.popTo('key', column);
  }
  // A cursor before the word (`-| match`) inserts at the cursor and replaces nothing.
  const inWord = !!word && word.start <= col;
  const start = inWord ? word.start : col;
  const end = inWord ? Math.max(col, parts.key ? parts.key.end : wordEnd(raw, col)) : col;
  const found: Found = {
    position: 'key',
    key: null,
    prefix: raw.slice(start, col),
    span: { start: line.start + start, end: line.start + end },
    hasColon: !!parts.key,
    needsSpace: false,
    column,
    afterDash: lastDash >= 0 && lastDash < column,
  };
  return { found, cursorEntry, container };
}

function valuePosition(
  line: Line,
  key: NonNullable<LineParts['key']>,
  written: LineParts['value'],
  col: number,
  lastDash: number,
  outline: Outline,
): CursorLine | null {
  const raw = line.text;
  const value = written ?? { text: '', start: col, end: col };
  if (value.text.startsWith('[') || value.text.startsWith('{')) return null;
  const cursorEntry = outline.push('key', key.start, key.text, unquote(value.text));
  let start = value.start;
  let end = value.end;
  if (col < start || value.text === '') start = end = col;
  if (col > end) end = col;
  const quote = raw[start] === '"' || raw[start] === "'" ? raw[start] : '';
  if (quote && col > start) {
    start++;
    if (end > start && raw[end - 1] === quote) end--;
    if (end < col) end = col;
  }
  const found: Found = {
    position: 'value',
    key: key.text,
    prefix: raw.slice(start, col),
    span: { start: line.start + start, end: line.start + end },
    hasColon: true,
    needsSpace: start === key.colon + 1,
    column: key.start,
    afterDash: lastDash >= 0 && lastDash < key.start,
  };
  return { found, cursorEntry, container: -1 };
}

/** The document's declared kind and form, read from its top-level keys. */
function declaredKind(top: (key: string) => string | null): { kind: ResourceKind | null; form: ResourceForm } {
  const apiVersion = top('apiVersion');
  if (!apiVersion) {
    const t = top('type') ?? '';
    return { kind: isResourceKind(t) ? t : null, form: 'universal' };
  }
  const k = top('kind') ?? '';
  if (apiVersion === 'v1' && k === 'Secret') return { kind: top('type') === 'system.kuma.io/global-secret' ? 'GlobalSecret' : 'Secret', form: 'kubernetes' };
  const custom = apiVersion.startsWith(KUMA_API_GROUP) && isResourceKind(k) && isKubernetesCustomKind(k);
  return { kind: custom ? k : null, form: 'kubernetes' };
}

function contextOf(cursor: CursorLine, outline: Outline, lines: Line[], cursorLine: number, contentBefore: boolean): TextContext {
  const { found, cursorEntry, container } = cursor;
  const entries = outline.entries;
  const path: PathKey[] =
    found.position === 'value' ? [...entries[cursorEntry].path] : container >= 0 ? [...entries[container].path] : [];
  const siblings =
    found.position === 'key'
      ? entries.filter((e, i) => i !== cursorEntry && e.parent === container && e.kind === 'key').map((e) => e.key)
      : [];
  const top = (key: string) => outline.top(key, cursorEntry);
  const { kind, form } = declaredKind(top);
  const label = entries.find((e) => e.path.length === 3 && e.path[0] === 'metadata' && e.path[1] === 'labels' && e.key === 'kuma.io/mesh');
  const mesh = top('mesh') || label?.value || null;
  const contentAfter = lines.slice(cursorLine + 1).some((l) => {
    const t = l.text.trim();
    return t !== '' && !t.startsWith('#') && !/^(---|\.\.\.)(\s|$)/.test(t);
  });
  const cursorHasDash = lines[cursorLine] ? lineParts(lines[cursorLine].text).dashes.length > 0 : false;
  const empty = found.position === 'key' && !found.hasColon && !contentBefore && !contentAfter && !cursorHasDash;
  return { ...found, kind, form, mesh, empty, path, siblings };
}
