import type { Diagnostic } from '../base/diagnostic.js';
import { isLiveFile } from '../analysis/overlay.js';

/**
 * The diagnostics of the user's files that appear only against a control plane: those of
 * `overlaid` (the files over the control plane's resources) on files that are not the control
 * plane's, less those that `alone` (the same files analysed by themselves) has too, matched by
 * file, code, span and message. Sorted by file, then offset.
 */
export function liveOnlyDiagnostics(overlaid: { diagnosticsByFile: Map<string, Diagnostic[]> }, alone: { diagnosticsByFile: Map<string, Diagnostic[]> }): Diagnostic[] {
  const key = (d: Diagnostic) => `${d.file}\u0000${d.code}\u0000${d.span.start}\u0000${d.span.end}\u0000${d.message}`;
  const seen = new Set([...alone.diagnosticsByFile.values()].flat().map(key));
  const out: Diagnostic[] = [];
  for (const [file, list] of overlaid.diagnosticsByFile) {
    if (isLiveFile(file)) continue;
    for (const d of list) if (!isLiveFile(d.file) && !seen.has(key(d))) out.push(d);
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.span.start - b.span.start));
}
