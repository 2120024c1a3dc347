import type { CheckJson } from './check-json.js';

const COLOURS = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m', hint: '\u001b[2m', dim: '\u001b[2m', bold: '\u001b[1m', reset: '\u001b[0m' };

/**
 * The human form: diagnostics grouped by file, one line each as
 * `file:line:col severity message [code]` (1-based line and column), and a summary line.
 * Colours only when asked (on a TTY).
 */
export function stylish(report: CheckJson, options: { colour: boolean; target?: string }): string {
  const c = (name: keyof typeof COLOURS, text: string) => (options.colour ? `${COLOURS[name]}${text}${COLOURS.reset}` : text);
  const lines: string[] = [];
  for (const f of report.files) {
    if (f.diagnostics.length === 0) continue;
    lines.push(c('bold', f.file));
    for (const d of f.diagnostics) {
      const where = `${f.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      const text = d.admission && d.path ? `${d.path}: ${d.message}` : d.message;
      lines.push(`  ${where} ${c(d.severity, d.severity)} ${text} ${c('dim', `[${d.code}]`)}`);
    }
    lines.push('');
  }
  const s = report.summary;
  const total = s.errors + s.warnings + s.infos;
  lines.push(total === 0 ? (s.resources === 0 ? 'No Kuma resources found to check.' : 'No problems found.') : `${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.infos} info`);
  if (options.target) lines.push(c('dim', options.target));
  return lines.join('\n') + '\n';
}
