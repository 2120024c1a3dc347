import { diffLines, diffSummary, spanToRange, type Diagnostic, type DiffLine, type FileAnalysis, type GatewayDiff, type Range } from '@meshgw/engine';
import { checkJsonDiagnostic, type CheckJsonDiagnostic } from './check-json.js';

/**
 * The `--format json` output of `meshgw diff`: one object, version 1 (fields are only ever
 * added). `gateways` lists the gateways that applying the files changes, each a `GatewayDiff`
 * with its one-line `summary`; `unchanged` names the others; `diagnostics` are those the files
 * get only against the control plane, with 0-based ranges as in `check --format json`.
 */
export interface DiffJson {
  version: 1;
  kumaVersion: string;
  controlPlane: { url: string; product: string | null; version: string | null; mode: string | null; zone: string | null };
  /** True when a gateway changes (exit status 1). */
  changed: boolean;
  summary: { added: number; removed: number; changed: number; unchanged: number };
  gateways: (GatewayDiff & { summary: string })[];
  unchanged: { mesh: string; name: string }[];
  diagnostics: DiffJsonDiagnostic[];
}

/** A diagnostic of `check --format json`, with its file. */
export type DiffJsonDiagnostic = { file: string } & CheckJsonDiagnostic;

/** The file analyses by name, to place diagnostics by line and character. */
export type FilesByName = Map<string, FileAnalysis>;

function rangeOf(files: FilesByName, d: Diagnostic): Range {
  const f = files.get(d.file);
  if (!f) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return spanToRange(f.parsed.lineStarts, d.span, f.parsed.text.length);
}

export function diffJson(diffs: GatewayDiff[], diagnostics: Diagnostic[], files: FilesByName, head: Pick<DiffJson, 'kumaVersion' | 'controlPlane'>): DiffJson {
  const changing = diffs.filter((d) => d.status !== 'unchanged');
  const count = (s: GatewayDiff['status']) => diffs.filter((d) => d.status === s).length;
  return {
    version: 1,
    ...head,
    changed: changing.length > 0,
    summary: { added: count('added'), removed: count('removed'), changed: count('changed'), unchanged: count('unchanged') },
    gateways: changing.map((d) => ({ ...d, summary: diffSummary(d) })),
    unchanged: diffs.filter((d) => d.status === 'unchanged').map((d) => ({ mesh: d.mesh, name: d.name })),
    diagnostics: diagnostics.map((d) => ({ file: d.file, ...checkJsonDiagnostic(d, rangeOf(files, d)) })),
  };
}

const SGR = { header: '\u001b[1m', removed: '\u001b[31m', added: '\u001b[32m', error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m', hint: '\u001b[2m', dim: '\u001b[2m', bold: '\u001b[1m', reset: '\u001b[0m' };

/**
 * The text form: as `kubectl diff` prints, a `---`/`+++` header per changing gateway, then
 * `-` lines for what Kuma does now and `+` lines for what it will do; then the diagnostics the
 * files get only against the control plane; then one summary line. Red and green when `colour`.
 */
export function diffReportText(diffs: GatewayDiff[], diagnostics: Diagnostic[], files: FilesByName, options: { colour: boolean }): string {
  const paint = (name: keyof typeof SGR, text: string) => (options.colour ? `${SGR[name]}${text}${SGR.reset}` : text);
  const lineText = (l: DiffLine) => (l.kind === 'context' ? l.text : paint(l.kind, l.text));
  const changing = diffs.filter((d) => d.status !== 'unchanged');
  const out: string[] = [];
  for (const d of changing) out.push(...diffLines(d).map(lineText), '');
  if (diagnostics.length > 0) {
    out.push(paint('bold', 'Only against the control plane:'));
    for (const d of diagnostics) {
      const { start } = rangeOf(files, d);
      const text = d.admission && d.path ? `${d.path}: ${d.message}` : d.message;
      out.push(`  ${d.file}:${start.line + 1}:${start.character + 1} ${paint(d.severity, d.severity)} ${text} ${paint('dim', `[${d.code}]`)}`);
    }
    out.push('');
  }
  const compared = `${diffs.length} gateway${diffs.length === 1 ? '' : 's'} compared`;
  const list = changing.map((d) => `${d.mesh}/${d.name} (${diffSummary(d)})`).join(', ');
  if (changing.length === 0) out.push(`No change (${compared}).`);
  else out.push(`${changing.length} gateway${changing.length === 1 ? ' changes' : 's change'} (${compared}): ${list}.`);
  return out.join('\n') + '\n';
}
