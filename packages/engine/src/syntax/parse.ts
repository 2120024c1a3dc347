import { LineCounter, Parser, Composer } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { parseJsonTree } from './json-tree.js';
import { computeLineStarts, updateLineStarts } from '../base/span.js';
import { textChange, type TextChange } from '../base/text-change.js';
import type { Diagnostic } from '../base/diagnostic.js';
import type { ParsedDocument, ParsedFile } from './tree.js';
import type { LaidChunk, ParseCache, ParseLayout } from './parse-cache.js';
import { Converter, MAX_CHUNK_DIAGNOSTICS, fileDiagnostic, yamlDiagnostic } from './yaml-tree.js';
import { moveChunk, shiftChunk } from './parse-cache.js';
import { yamlExplainer } from './yaml-messages.js';
import type { ChunkResult } from './parse-cache.js';
import type { ParseLimits } from './parse-limits.js';
import { DEFAULT_PARSE_LIMITS } from './parse-limits.js';

/**
 * Parses a file of YAML documents into plain trees. Never throws: syntax errors, duplicate
 * keys, tabs, alias bombs, deep nesting, binary data and oversized files become diagnostics,
 * and whatever could be read is still returned.
 */
export function parseFile(
  file: string,
  text: string,
  options: { cache?: ParseCache; limits?: Partial<ParseLimits> } = {},
): ParsedFile {
  const limits = { ...DEFAULT_PARSE_LIMITS, ...options.limits };
  const layout = options.cache?.layout ?? null;
  if (options.cache) options.cache.layout = null;
  const change = layout ? textChange(layout.text, text) : null;
  const lineStarts = layout && change ? updateLineStarts(layout.lineStarts, change, text) : computeLineStarts(text);
  const result: ParsedFile = { file, text, lineStarts, documents: [], diagnostics: [] };
  if (text.length > limits.maxFileSize) {
    result.diagnostics.push(
      fileDiagnostic(file, 'file-too-large', 'warning', { start: 0, end: firstLineEnd(text) },
        `File skipped: it is ${text.length} characters long, over the ${limits.maxFileSize} character limit for analysis.`),
    );
    return result;
  }
  if (looksBinary(text)) {
    result.diagnostics.push(
      fileDiagnostic(file, 'not-text', 'warning', { start: 0, end: Math.min(firstLineEnd(text), 1) },
        'File skipped: it holds binary data (NUL bytes or invalid UTF-8), not YAML text.'),
    );
    return result;
  }
  const laid = layout && change ? splitAround(layout, text, change) : { chunks: splitDocuments(text) as LaidChunk[], known: knownChunks(layout?.chunks ?? []) };
  // A chunk result is the cache's: moved in place when reused, so used once per parse.
  const used = new Set<ChunkResult>();
  for (const chunk of laid.chunks) {
    const cached = chunk.result ?? laid.known.get(chunk.text);
    let parsed: ChunkResult;
    if (cached && !used.has(cached)) {
      if (cached.base !== chunk.start) moveChunk(cached, chunk.start - cached.base);
      parsed = cached;
    } else if (cached) {
      // The same text twice in one file: the second copy gets trees of its own.
      parsed = shiftChunk(cached, chunk.start - cached.base, file);
    } else {
      parsed = parseChunk(file, chunk.text, chunk.start, limits);
    }
    used.add(parsed);
    chunk.result = parsed;
    for (const doc of parsed.documents) {
      result.documents.push({ ...doc, index: result.documents.length });
    }
    result.diagnostics.push(...parsed.diagnostics);
  }
  if (options.cache) options.cache.layout = { text, lineStarts, chunks: laid.chunks };
  return result;
}

/** Earlier chunks by their text, for chunks whose place is new (moved, or split anew). */
function knownChunks(chunks: LaidChunk[]): Map<string, ChunkResult> {
  const known = new Map<string, ChunkResult>();
  for (const c of chunks) if (c.result && !known.has(c.text)) known.set(c.text, c.result);
  return known;
}

/**
 * Splits a file at lines that start with the `---` marker. A chunk holding only comments,
 * directives or blank lines is joined to the next one, so `%YAML` directives stay with their
 * document. The chunks cover the text exactly. Lines end at `\n`, `\r\n` or `\r` only, as in
 * YAML: U+2028 and U+2029 (which a multiline `^` would also honour) are ordinary characters.
 */
export function splitDocuments(text: string): { start: number; text: string }[] {
  return splitRange(text, 0, text.length).chunks;
}

/**
 * `splitDocuments` on `[from, to)` of the text, where `from` is 0 or a marker and `to` the end
 * or a marker. `pending` says that the last piece had no content: the whole text's split would
 * join it to the chunk at `to`, so the caller must not stop there.
 */
function splitRange(text: string, from: number, to: number): { chunks: { start: number; text: string }[]; pending: boolean } {
  const starts: number[] = [from];
  // `indexOf` first: most texts hold no `---` at all (a JSON document never does).
  for (let i = text.indexOf('---', from); i >= 0 && i < to; i = text.indexOf('---', i + 1)) {
    if (i !== from && isMarkerAt(text, i)) starts.push(i);
  }
  const chunks: { start: number; text: string }[] = [];
  let pendingStart = -1;
  for (let i = 0; i < starts.length; i++) {
    const start = pendingStart >= 0 ? pendingStart : starts[i];
    const end = i + 1 < starts.length ? starts[i + 1] : to;
    const body = text.slice(starts[i], end);
    if (!hasContent(body)) {
      if (i + 1 < starts.length) {
        pendingStart = start;
        continue;
      }
      if (to < text.length) return { chunks, pending: true };
    }
    pendingStart = -1;
    chunks.push({ start, text: text.slice(start, end) });
  }
  return { chunks, pending: false };
}

/**
 * `splitDocuments(text)` from the layout of an earlier version: the chunks before and after the
 * changed range keep their parse (with a new slice of the text as theirs), those around it are
 * split anew and `known` gives the earlier chunks they may reuse. Falls back to a whole split
 * whenever the change could reach past the chunks around it.
 */
function splitAround(before: ParseLayout, text: string, change: TextChange): { chunks: LaidChunk[]; known: Map<string, ChunkResult> } {
  const old = before.chunks;
  const whole = () => ({ chunks: splitDocuments(text) as LaidChunk[], known: knownChunks(old) });
  if (old.length === 0) return whole();
  const delta = change.newEnd - change.oldEnd;
  const first = chunkAt(old, Math.max(0, change.start - 1));
  const last = chunkAt(old, Math.min(before.text.length - 1, change.oldEnd));
  const from = old[first].start;
  const to = last + 1 < old.length ? old[last + 1].start + delta : text.length;
  if (from > change.start || (to < text.length && (to <= change.newEnd || !isMarkerAt(text, to)))) return whole();
  if (from > 0 && !isMarkerAt(text, from)) return whole();
  const middle = splitRange(text, from, to);
  if (middle.pending) return whole();
  // Slices of the new text, so that the chunks keep no earlier version of the file alive.
  const keep = (c: LaidChunk, start: number): LaidChunk => ({ start, text: text.slice(start, start + c.text.length), result: c.result });
  const chunks: LaidChunk[] = [];
  for (let i = 0; i < first; i++) chunks.push(keep(old[i], old[i].start));
  chunks.push(...middle.chunks);
  for (let i = last + 1; i < old.length; i++) chunks.push(keep(old[i], old[i].start + delta));
  return { chunks, known: knownChunks(old.slice(first, last + 1)) };
}

/** The index of the chunk that holds `offset` (the last one that starts at or before it). */
function chunkAt(chunks: { start: number }[], offset: number): number {
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (chunks[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function isMarkerAt(text: string, i: number): boolean {
  return text.startsWith('---', i) && (i === 0 || text[i - 1] === '\n' || text[i - 1] === '\r') && (i + 3 === text.length || ' \t\r\n'.includes(text[i + 3]));
}

/**
 * The document (between `---` markers) that holds `offset`, found by scanning only around it,
 * so that editor requests cost the size of one document, not of the file. Unlike
 * `splitDocuments` it does not join a comment-only chunk to the next document.
 */
export function documentAround(text: string, offset: number): { start: number; text: string } {
  const isMarker = (i: number): boolean => isMarkerAt(text, i);
  let start = 0;
  for (let i = text.lastIndexOf('---', Math.min(offset, text.length)); i >= 0; i = i === 0 ? -1 : text.lastIndexOf('---', i - 1)) {
    if (isMarker(i)) {
      start = i;
      break;
    }
  }
  let end = text.length;
  for (let i = text.indexOf('---', Math.max(offset, start + 1)); i >= 0; i = text.indexOf('---', i + 1)) {
    if (isMarker(i) && i > offset) {
      end = i;
      break;
    }
  }
  return { start, text: text.slice(start, end) };
}

/** Whether a line of the body holds more than blanks, comments, directives or a bare marker; reads up to the first that does. */
function hasContent(body: string): boolean {
  for (let at = 0; at < body.length; ) {
    let end = at;
    while (end < body.length && body.charCodeAt(end) !== 10 && body.charCodeAt(end) !== 13) end++;
    const t = body.slice(at, end).trim();
    if (!(t === '' || t.startsWith('#') || t.startsWith('%') || t === '---' || t.startsWith('--- #'))) return true;
    at = end + 1;
  }
  return false;
}

function parseChunk(file: string, text: string, base: number, limits: ParseLimits): ChunkResult {
  const out: ChunkResult = { base, documents: [], diagnostics: [] };
  const json = jsonDocument(text, base, limits);
  if (json) {
    out.documents.push(json);
    return out;
  }
  if (nestingEstimate(text) > limits.maxDepth * 2) {
    out.diagnostics.push(
      fileDiagnostic(file, 'yaml-too-deep', 'error', { start: base, end: base + firstLineEnd(text) },
        `This document nests deeper than ${limits.maxDepth * 2} levels; it was not analysed.`),
    );
    return out;
  }
  let docs: Document.Parsed[];
  try {
    const lineCounter = new LineCounter();
    const parser = new Parser(lineCounter.addNewLine);
    // Duplicate keys are found by the converter: the `yaml` package's own check compares every
    // key with every other and takes seconds on a map of a few ten thousand keys.
    const composer = new Composer({ prettyErrors: false, uniqueKeys: false, keepSourceTokens: false, strict: true });
    // YAML 1.2 counts a lone `\r` as a line break (so do Kuma's parser, LSP and `span.ts`); the
    // `yaml` package does not, so it gets a `\n` in its place. The length, and every offset, stay.
    docs = [...composer.compose(parser.parse(text.replace(/\r(?!\n)/g, '\n')), true, text.length)];
    // The `yaml` package turns a stack overflow while composing into an error at whatever token
    // it was on, which depends on the stack left; the estimate above missed this depth.
    if (docs.some((d) => d.errors.some((e) => e.code === 'RESOURCE_EXHAUSTION'))) throw new RangeError('too deep');
  } catch (error) {
    out.diagnostics.push(
      fileDiagnostic(file, 'yaml-too-deep', 'error', { start: base, end: base + firstLineEnd(text) },
        error instanceof RangeError
          ? 'This document is nested too deeply to read; nothing in it was analysed.'
          : 'This document could not be read as YAML; nothing in it was analysed.'),
    );
    return out;
  }
  const explain = yamlExplainer(text);
  for (const doc of docs) {
    // One misplaced line can give the parser several errors that read the same once explained.
    const said = new Set<string>();
    const add = (d: Diagnostic): void => {
      const key = `${d.span.start}:${d.span.end}:${d.message}`;
      if (said.has(key)) return;
      said.add(key);
      out.diagnostics.push(d);
    };
    for (const e of doc.errors) add(yamlDiagnostic(file, e, base, 'error', text, explain));
    for (const w of doc.warnings) add(yamlDiagnostic(file, w, base, 'warning', text, explain));
    const converter = new Converter(file, doc, text, base, limits, out.diagnostics);
    const root = doc.contents ? converter.convert(doc.contents as YamlNode, 0) : null;
    const range = doc.range ?? [0, text.length, text.length];
    out.documents.push({
      index: out.documents.length,
      span: { start: base + Math.max(0, Math.min(range[0], text.length)), end: base + Math.min(range[2] ?? range[1], text.length) },
      root: root && root.kind === 'scalar' && root.type === 'null' && root.span.start === root.span.end ? null : root,
    });
  }
  if (out.diagnostics.length > MAX_CHUNK_DIAGNOSTICS) {
    // Broken text can give an error per token; past this many, one more says how many were left out.
    out.diagnostics.sort((a, b) => a.span.start - b.span.start);
    const rest = out.diagnostics.splice(MAX_CHUNK_DIAGNOSTICS);
    out.diagnostics.push(fileDiagnostic(file, 'yaml-syntax', rest.some((d) => d.severity === 'error') ? 'error' : 'warning', rest[0].span,
      `${rest.length} more YAML problems in this document are not listed; fix the ones above first.`));
  }
  return out;
}

/**
 * Estimates the nesting depth of a chunk without parsing it: flow brackets outside quotes and
 * comments, plus the depth of the block indentation stack. The `yaml` parser recurses per
 * level, so a hostile depth must be refused before it is handed over.
 */
function nestingEstimate(text: string): number {
  let flow = 0;
  let maxFlow = 0;
  let quote = '';
  const indents: number[] = [];
  let maxBlock = 0;
  let lineStart = true;
  let indent = 0;
  // Each `- ` before a line's content opens a list (`- - - x` is three deep on one line).
  let dashes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') {
      if (lineStart && flow === 0) maxBlock = Math.max(maxBlock, indents.length + dashes);
      lineStart = true;
      indent = 0;
      dashes = 0;
      quote = '';
      continue;
    }
    if (lineStart) {
      if (c === ' ' || c === '-') {
        if (c === '-' && (i + 1 === text.length || ' \t\r\n'.includes(text[i + 1]))) dashes++;
        indent++;
        continue;
      }
      lineStart = false;
      if (c !== '#' && flow === 0 && quote === '') {
        while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
        indents.push(indent);
        maxBlock = Math.max(maxBlock, indents.length + dashes);
      }
    }
    if (quote === '#') continue;
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if ((c === '"' || c === "'") && (i === 0 || ' \t[{,:'.includes(text[i - 1]))) quote = c;
    else if (c === '#' && (i === 0 || ' \t\r\n'.includes(text[i - 1]))) quote = '#';
    else if (c === '[' || c === '{') {
      flow++;
      if (flow > maxFlow) maxFlow = flow;
    } else if ((c === ']' || c === '}') && flow > 0) flow--;
  }
  if (lineStart && flow === 0) maxBlock = Math.max(maxBlock, indents.length + dashes);
  return maxFlow + maxBlock;
}

/**
 * A chunk that is one JSON object (the control plane's answers, `kubectl -o json`) is read by
 * the JSON fast path; anything else, or JSON with a duplicate key, goes to the YAML parser.
 */
function jsonDocument(text: string, base: number, limits: ParseLimits): ParsedDocument | null {
  let i = 0;
  while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  if (text[i] !== '{') return null;
  const root = parseJsonTree(text, base, limits.maxDepth);
  if (!root) return null;
  return { index: 0, span: { start: base, end: base + text.length }, root };
}

function firstLineEnd(text: string): number {
  const i = text.search(/[\r\n]/);
  return i < 0 ? Math.min(text.length, 200) : Math.min(i, 200);
}

/** A NUL byte, or many replacement characters (what decoding invalid UTF-8 gives), means binary. */
function looksBinary(text: string): boolean {
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  if (sample.includes('\u0000')) return true;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) if (sample.charCodeAt(i) === 0xfffd) bad++;
  return bad > 8 && bad > sample.length / 100;
}
