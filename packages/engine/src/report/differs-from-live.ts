import type { Diagnostic } from '../base/diagnostic.js';
import { diagnostic } from '../base/diagnostic.js';
import { isLiveFile } from '../analysis/overlay.js';
import type { WorkspaceResult } from '../analysis/workspace.js';
import type { MergedGateway } from '../merge/types.js';
import { diffGateways } from './diff.js';
import { diffSummary } from './diff-text.js';
import type { GatewayDiff } from './diff-types.js';

/**
 * The gateways of the user's files that replace a control plane's gateway and change what Kuma
 * does with it: `before` is the control plane alone, `after` the control plane overlaid by the
 * files (see `diffGateways`). Gateways only the files have, and gateways that change nothing,
 * are left out; only the files' gateways are compared, so the cost follows the files, not the
 * control plane.
 */
export function liveDifferences(before: MergedGateway[], after: WorkspaceResult): GatewayDiff[] {
  const id = (g: MergedGateway) => `${g.mesh}\u0000${g.name}`;
  const mine = after.gateways.filter((g) => !isLiveFile(g.location.file));
  const ids = new Set(mine.map(id));
  const theirs = before.filter((g) => ids.has(id(g)));
  return diffGateways(theirs, mine).filter((d) => d.status === 'changed' && d.file.before !== null && d.file.after !== null && !isLiveFile(d.file.after));
}

/**
 * One `differs-from-control-plane` information per changed gateway, on the first line of its
 * document: `differs from the control plane: 2 listeners changed`.
 */
export function differsDiagnostics(diffs: GatewayDiff[], after: WorkspaceResult): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diffs) {
    const model = after.models.gateways.find((g) => g.doc.file === d.file.after && g.mesh === d.mesh && g.name === d.name);
    const file = after.files.find((f) => f.file === d.file.after);
    if (!model || !file) continue;
    const start = model.doc.span.start;
    const newline = file.parsed.text.indexOf('\n', start);
    const end = newline < 0 || newline > model.doc.span.end ? model.doc.span.end : newline;
    out.push(
      diagnostic({
        code: 'differs-from-control-plane',
        severity: 'info',
        message: `MeshGateway "${d.name}" differs from the control plane: ${diffSummary(d)}.`,
        file: file.file,
        span: { start, end: end > start ? end : start },
        resource: { type: 'MeshGateway', mesh: d.mesh, name: d.name },
      }),
    );
  }
  return out;
}
