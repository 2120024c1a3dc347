import type { Diagnostic } from '../base/diagnostic.js';
import type { AnalyzeOptions, FileInput } from '../analysis/types.js';
import { createWorkspace, type Workspace, type WorkspaceResult } from '../analysis/workspace.js';
import { holdFiles } from '../analysis/hold-files.js';
import { diffGateways } from './diff.js';
import type { GatewayDiff } from './diff-types.js';
import { liveOnlyDiagnostics } from './live-diagnostics.js';

/** What applying files to a control plane would do. */
export interface ApplyDiff {
  /** The control plane's resources overlaid by the files: what Kuma does after applying. */
  after: WorkspaceResult;
  /** Every gateway of either side, `unchanged` ones too (see `diffGateways`). */
  gateways: GatewayDiff[];
  /** Diagnostics of the files that appear only against the control plane (see `liveOnlyDiagnostics`). */
  diagnostics: Diagnostic[];
}

/**
 * The workspaces behind one comparison, kept by a caller that compares again and again (the
 * terminal app at each refresh) so that unchanged files are not parsed again.
 */
export interface ApplyDiffWorkspaces {
  before: Workspace;
  after: Workspace;
  alone: Workspace;
}

export function createApplyDiffWorkspaces(): ApplyDiffWorkspaces {
  return { before: createWorkspace(), after: createWorkspace(), alone: createWorkspace() };
}

/**
 * Compares the control plane alone (`live`: its resources as `cp:` files, see `LIVE_FILE_PREFIX`)
 * with the control plane overlaid by `files`, both with `options` (the control plane's secret
 * access and dataplane status, `now`, the Kuma version). The files are also analysed alone, with
 * the same `now`, version and settings but nothing of the control plane, for the diagnostics that
 * only the control plane brings.
 */
export function applyDiff(live: FileInput[], files: FileInput[], options: AnalyzeOptions & { now: Date }, workspaces: ApplyDiffWorkspaces = createApplyDiffWorkspaces()): ApplyDiff {
  const before = analyzeIn(workspaces.before, live, options);
  const after = analyzeIn(workspaces.after, [...live, ...files], options);
  const { secretAccess: _access, dataplaneStatus: _status, controlPlaneZone: _zone, ...own } = options;
  const alone = analyzeIn(workspaces.alone, files, own);
  return { after, gateways: diffGateways(before.gateways, after.gateways), diagnostics: liveOnlyDiagnostics(after, alone) };
}

/** Puts exactly `files` in the workspace (unchanged texts keep their parse) and analyses it. */
function analyzeIn(workspace: Workspace, files: FileInput[], options: AnalyzeOptions & { now: Date }): WorkspaceResult {
  holdFiles(workspace, files);
  return workspace.analyze(options);
}
