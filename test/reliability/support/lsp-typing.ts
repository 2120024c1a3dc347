import { performance } from 'node:perf_hooks';
import type { LspClient, Message } from '../../server/support/lsp-client.js';

/**
 * Typing simulation against the real language server: a file is fed to the server as a series of
 * edits (one character or one line at a time, forwards or backwards), and at every step a hover
 * and a completion are asked at the cursor. Positions are LSP positions (0-based, UTF-16 units).
 */

/**
 * The example files typed one character at a time (relative to `examples/`): a gateway, a file of
 * several documents, Kubernetes resources mixed with other kinds, a broken file. Every other
 * example file is typed one line at a time.
 */
export const CHARACTER_TYPED_FILES = [
  { path: 'edge-gateway/gateway.yaml', what: 'the edge gateway' },
  { path: 'tcp-tls-gateway/routes.yaml', what: 'three routes in one file' },
  { path: 'kubernetes/internal-gateway.yaml', what: 'Kubernetes resources mixed with Deployments and ConfigMaps' },
  { path: 'broken/gateway-port-duplicate-hostname.yaml', what: 'a broken gateway' },
];

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** One edit of the simulation: either a range edit or the whole new text, and where the cursor ends. */
export interface TypingStep {
  change: { range: Range; text: string } | { text: string };
  /** The document's text after the edit. */
  text: string;
  cursor: Position;
}

/** Offsets at which each line of `text` starts; lines end at `\n`, `\r\n` or a lone `\r`, as in LSP. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 13 || c === 10) starts.push(i + 1);
  }
  return starts;
}

/** The LSP position of a UTF-16 offset of `text`. */
export function positionAt(text: string, offset: number, starts = lineStarts(text)): Position {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line, character: offset - starts[line] };
}

/** The length of each line of `text` without its line break, in UTF-16 units. */
function lineLengths(text: string, starts: number[]): number[] {
  return starts.map((start, i) => {
    const next = i + 1 < starts.length ? starts[i + 1] : text.length;
    let end = next;
    if (end > start && text.charCodeAt(end - 1) === 10) end--;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    return end - start;
  });
}

/** Offsets at which a code point starts: the cuts that never split a surrogate pair. */
function codePointCuts(text: string): number[] {
  const cuts: number[] = [];
  for (let i = 0; i < text.length; ) {
    const c = text.codePointAt(i)!;
    i += c > 0xffff ? 2 : 1;
    cuts.push(i);
  }
  return cuts;
}

/** Offsets of the end of each line before its line break, and the end of the text. */
function lineEnds(text: string): number[] {
  const starts = lineStarts(text);
  const ends = lineLengths(text, starts).map((length, i) => starts[i] + length);
  if (ends[ends.length - 1] !== text.length) ends.push(text.length);
  return ends;
}

/**
 * Typing `text` one character at a time from an empty document, as range edits at the cursor
 * (`forward`), or deleting it one character at a time from the end (`backward`). A character
 * is a code point: a surrogate pair is typed or deleted at once, as an editor does.
 */
export function characterSteps(text: string, direction: 'forward' | 'backward'): TypingStep[] {
  const cuts = codePointCuts(text);
  const steps: TypingStep[] = [];
  if (direction === 'forward') {
    let from = 0;
    for (const to of cuts) {
      const before = text.slice(0, from);
      const at = positionAt(before, from);
      const after = text.slice(0, to);
      steps.push({ change: { range: { start: at, end: at }, text: text.slice(from, to) }, text: after, cursor: positionAt(after, to) });
      from = to;
    }
  } else {
    const ends = [0, ...cuts];
    for (let i = ends.length - 1; i > 0; i--) {
      const before = text.slice(0, ends[i]);
      const after = text.slice(0, ends[i - 1]);
      const cursor = positionAt(after, ends[i - 1]);
      steps.push({ change: { range: { start: cursor, end: positionAt(before, ends[i]) }, text: '' }, text: after, cursor });
    }
  }
  return steps;
}

/**
 * The prefixes of `text` that end where each line ends (before its line break, as the line is
 * when its last character was typed) and the whole text, as full-text changes: longer and
 * longer (`forward`), or shorter and shorter down to the empty document (`backward`). The
 * cursor is at the end of each prefix.
 */
export function lineSteps(text: string, direction: 'forward' | 'backward'): TypingStep[] {
  const ends = lineEnds(text);
  const cuts = direction === 'forward' ? ends : [...ends.slice(0, -1).reverse(), 0];
  return cuts.map((cut) => {
    const prefix = text.slice(0, cut);
    return { change: { text: prefix }, text: prefix, cursor: positionAt(prefix, cut) };
  });
}

/** A text with its line starts and line lengths, computed once for many checks. */
export interface Lines {
  text: string;
  starts: number[];
  lengths: number[];
}

export function linesOf(text: string): Lines {
  const starts = lineStarts(text);
  return { text, starts, lengths: lineLengths(text, starts) };
}

/**
 * What is wrong with a position or range of `text` for LSP, as readable strings (empty when all
 * is well): a line past the end, a character past the end of its line, a position inside a
 * surrogate pair, or a range that ends before it starts.
 */
export function rangeProblems(text: string | Lines, range: Range, where: string): string[] {
  const { text: t, starts, lengths } = typeof text === 'string' ? linesOf(text) : text;
  const out: string[] = [];
  const check = (p: Position, which: string) => {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0 || p.line >= starts.length) {
      out.push(`${where}: ${which} ${JSON.stringify(p)} is outside the document (${starts.length} lines)`);
      return;
    }
    if (p.character > lengths[p.line]) out.push(`${where}: ${which} ${JSON.stringify(p)} is past the end of its line (${lengths[p.line]})`);
    const code = t.charCodeAt(starts[p.line] + p.character);
    if (code >= 0xdc00 && code <= 0xdfff && p.character > 0) out.push(`${where}: ${which} ${JSON.stringify(p)} splits a surrogate pair`);
  };
  check(range.start, 'start');
  check(range.end, 'end');
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
  if (before(range.end, range.start)) out.push(`${where}: range ${JSON.stringify(range)} ends before it starts`);
  return out;
}

const within = (p: Position, r: Range) =>
  (p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character)) &&
  (p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character));

/** What is wrong with a hover answer for `text` at `at`: it must be null or markdown with a range in the text. */
export function hoverProblems(text: string | Lines, at: Position, hover: unknown, where: string): string[] {
  if (hover === null) return [];
  const h = hover as { contents?: { kind?: unknown; value?: unknown }; range?: Range };
  if (typeof h !== 'object' || h.contents?.kind !== 'markdown' || typeof h.contents.value !== 'string' || h.contents.value === '') {
    return [`${where}: hover is not markdown: ${JSON.stringify(hover).slice(0, 200)}`];
  }
  if (!h.range) return [`${where}: hover has no range`];
  const out = rangeProblems(text, h.range, `${where} hover`);
  if (out.length === 0 && !within(at, h.range)) out.push(`${where}: hover range ${JSON.stringify(h.range)} does not hold ${JSON.stringify(at)}`);
  return out;
}

/**
 * What is wrong with a completion answer for `text` at `at`: it must be a list whose items each
 * have a label and a text edit on one line that holds the cursor, as LSP requires.
 */
export function completionProblems(text: string | Lines, at: Position, list: unknown, where: string): string[] {
  const lines = typeof text === 'string' ? linesOf(text) : text;
  const l = list as { isIncomplete?: unknown; items?: unknown };
  if (typeof l !== 'object' || l === null || typeof l.isIncomplete !== 'boolean' || !Array.isArray(l.items)) {
    return [`${where}: completion is not a list: ${JSON.stringify(list).slice(0, 200)}`];
  }
  const out: string[] = [];
  for (const item of l.items as { label?: unknown; textEdit?: { range?: Range; newText?: unknown } }[]) {
    const name = `${where} completion ${JSON.stringify(item.label)}`;
    if (typeof item.label !== 'string' || item.label === '') out.push(`${name}: no label`);
    const edit = item.textEdit;
    if (!edit?.range || typeof edit.newText !== 'string') {
      out.push(`${name}: no text edit`);
      continue;
    }
    const problems = rangeProblems(lines, edit.range, name);
    out.push(...problems);
    if (problems.length > 0) continue;
    if (edit.range.start.line !== edit.range.end.line) out.push(`${name}: text edit spans lines ${JSON.stringify(edit.range)}`);
    else if (!within(at, edit.range)) out.push(`${name}: text edit ${JSON.stringify(edit.range)} does not hold the cursor ${JSON.stringify(at)}`);
  }
  return out;
}

/** Latencies of the steps of one run, in milliseconds. */
export interface StepLatencies {
  name: string;
  steps: number[];
}

export interface RunResult extends StepLatencies {
  /** Every problem found in an answer (empty when all is well). */
  problems: string[];
  /** Responses that were errors, as `method: code message`. */
  errors: string[];
  answered: number;
  sent: number;
  /** Steps whose hover was not null, and steps with at least one completion. */
  hovers: number;
  completions: number;
}

/**
 * Feeds `steps` to the open document `uri` (whose current version is `version`) and asks a hover
 * and a completion at the cursor after each. Steps are written `batch` at a time in one write,
 * so the server always has the next step waiting; a step's latency is the time from the answer
 * of the step before (or from the write, for the first step of a batch) to the last answer of
 * the step: the time the server spent on it.
 */
export async function runTyping(
  client: LspClient,
  uri: string,
  steps: TypingStep[],
  options: { name: string; version: number; batch?: number },
): Promise<RunResult> {
  const batch = options.batch ?? 20;
  const result: RunResult = { name: options.name, steps: [], problems: [], errors: [], answered: 0, sent: 0, hovers: 0, completions: 0 };
  let version = options.version;
  for (let from = 0; from < steps.length; from += batch) {
    const chunk = steps.slice(from, from + batch);
    let raw = '';
    const replies: { step: TypingStep; index: number; hover: Promise<Message>; completion: Promise<Message> }[] = [];
    for (const [i, step] of chunk.entries()) {
      raw += client.frame({ method: 'textDocument/didChange', params: { textDocument: { uri, version: ++version }, contentChanges: [step.change] } });
      const position = { textDocument: { uri }, position: step.cursor };
      const hoverId = client.nextId();
      const completionId = client.nextId();
      raw += client.frame({ id: hoverId, method: 'textDocument/hover', params: position });
      raw += client.frame({ id: completionId, method: 'textDocument/completion', params: position });
      replies.push({ step, index: from + i, hover: client.response(hoverId), completion: client.response(completionId) });
    }
    const written = performance.now();
    const done = replies.map(async (r) => {
      const [hover, completion] = await Promise.all([r.hover, r.completion]);
      return { r, hover, completion, at: performance.now() };
    });
    client.writeRaw(raw);
    result.sent += chunk.length * 2;
    let previous = written;
    for (const pending of done) {
      const { r, hover, completion, at } = await pending;
      result.steps.push(Math.max(0, at - previous));
      previous = at;
      const where = `${options.name} step ${r.index}`;
      for (const [method, m] of [['hover', hover], ['completion', completion]] as const) {
        result.answered++;
        if (m.error) result.errors.push(`${where} ${method}: ${m.error.code} ${m.error.message}`);
      }
      const lines = linesOf(r.step.text);
      if (!hover.error) result.problems.push(...hoverProblems(lines, r.step.cursor, hover.result, where));
      if (!completion.error) result.problems.push(...completionProblems(lines, r.step.cursor, completion.result, where));
      if (hover.result) result.hovers++;
      if ((completion.result as { items?: unknown[] } | null)?.items?.length) result.completions++;
    }
  }
  return result;
}

/** The `q` quantile (0..1) of `values`, nearest rank. */
function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** One line per run and a total: steps, max (and which step), p95, and how many steps took over 100 ms. */
export function latencySummary(title: string, runs: StepLatencies[]): string {
  const line = (name: string, steps: number[]) => {
    const max = quantile(steps, 1);
    return [
      name.padEnd(52),
      `${String(steps.length).padStart(6)} steps`,
      `max ${max.toFixed(1).padStart(6)} ms${name === 'all' ? '' : ` (step ${steps.indexOf(max)})`}`.padEnd(26),
      `p95 ${quantile(steps, 0.95).toFixed(1).padStart(5)} ms`,
      `over 100 ms: ${steps.filter((s) => s > 100).length}`,
    ].join('  ');
  };
  const all = runs.flatMap((r) => r.steps);
  const lines = runs.map((r) => line(r.name, r.steps));
  if (runs.length > 1) lines.push(line('all', all));
  return [`${title} (time the server spent per step: one edit, a hover and a completion)`, ...lines].join('\n');
}
