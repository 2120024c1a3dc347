import { pairSpan } from '@meshgw/engine/testing';
import { analyzeFiles, inspectJson, type FileInput, type WorkspaceResult, type YNode } from '@meshgw/engine';

/** The clock every reliability test analyses at, so that certificate facts never drift. */
export const NOW = new Date('2026-06-01T00:00:00Z');

/**
 * The spans of a result that break the contract `0 <= start <= end <= text.length` of the file
 * they belong to, as readable strings (empty when all is well). Walks the parsed trees, the
 * resources, every diagnostic (with its related locations and fix edits), the models and the
 * merged gateways. A span's file is the nearest enclosing object that names one (`file`, or
 * `doc.file` for a model); a span with no file around it is reported too.
 */
export function spanViolations(result: WorkspaceResult, inputs: FileInput[]): string[] {
  const texts = new Map(inputs.map((f) => [f.file, f.text]));
  const out: string[] = [];
  const check = (file: string | null, span: { start: number; end: number }, where: string) => {
    if (file === null) {
      out.push(`${where}: span ${span.start}..${span.end} belongs to no file`);
      return;
    }
    const text = texts.get(file);
    if (text === undefined) {
      out.push(`${where}: names unknown file ${JSON.stringify(file)}`);
      return;
    }
    const { start, end } = span;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > text.length) {
      out.push(`${where}: span ${start}..${end} outside ${file} (length ${text.length})`);
    }
  };

  for (const f of result.files) {
    if (f.parsed.text !== texts.get(f.file)) out.push(`${f.file}: parsed text differs from the input`);
    for (const doc of f.parsed.documents) {
      check(f.file, doc.span, `${f.file} document ${doc.index}`);
      walkTree(doc.root, (span, where) => check(f.file, span, `${f.file} document ${doc.index} ${where}`));
    }
  }

  const seen = new Set<object>();
  const walk = (value: unknown, file: string | null, where: string): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, file, `${where}[${i}]`));
      return;
    }
    const o = value as Record<string, unknown>;
    let here = file;
    if (typeof o.file === 'string') here = o.file;
    else if (o.doc && typeof (o.doc as { file?: unknown }).file === 'string') here = (o.doc as { file: string }).file;
    if (typeof o.start === 'number' && typeof o.end === 'number') {
      check(here, o as { start: number; end: number }, where);
      return;
    }
    for (const [k, v] of Object.entries(o)) walk(v, here, `${where}.${k}`);
  };
  walk(result.files, null, 'files');
  walk([...result.diagnosticsByFile.values()], null, 'diagnostics');
  walk(result.models, null, 'models');
  walk(result.gateways, null, 'gateways');
  return out;
}

/** Calls `visit` with every span of a plain YAML tree: nodes, pairs and keys. */
export function walkTree(node: YNode | null, visit: (span: { start: number; end: number }, where: string) => void, where = '$'): void {
  if (!node) return;
  visit(node.span, where);
  if (node.kind === 'seq') node.items.forEach((item, i) => walkTree(item, visit, `${where}[${i}]`));
  if (node.kind === 'map') {
    node.pairs.forEach((p, i) => {
      visit(pairSpan(p), `${where}.pair${i}`);
      walkTree(p.key, visit, `${where}.pair${i}.key`);
      walkTree(p.value, visit, `${where}.pair${i}.value`);
    });
  }
}

/** How many nodes a file's trees hold (maps, lists, scalars and keys). */
export function nodeCount(result: WorkspaceResult): number {
  let n = 0;
  for (const f of result.files) for (const d of f.parsed.documents) walkTree(d.root, () => n++);
  return n;
}

/** What a user of `check` and `inspect --format json` sees, as one JSON string. */
export function observable(result: WorkspaceResult): string {
  const diagnostics = [...result.diagnosticsByFile.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify({ diagnostics, inspect: inspectJson(result.gateways) });
}

/**
 * Analyses the inputs twice from scratch and returns the first result, the span violations and
 * whether both runs gave the same observable output.
 */
export function analyzeTwice(inputs: FileInput[]): { result: WorkspaceResult; violations: string[]; same: boolean; first: string; second: string } {
  const result = analyzeFiles(inputs, { now: NOW });
  const first = observable(result);
  const second = observable(analyzeFiles(inputs.map((f) => ({ ...f })), { now: NOW }));
  return { result, violations: spanViolations(result, inputs), same: first === second, first, second };
}
