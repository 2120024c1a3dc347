import { applyDiff, createWorkspace, holdFiles, readKumaVersion, type FileInput, type GatewayDiff, type Workspace, type WorkspaceResult } from '@meshgw/engine';
import { resourceFileName, snapshotInputs, type ControlPlaneSnapshot, type MeshSnapshot, type RawResource, type SecretsState } from '@meshgw/kuma-client';
import { firstScreen } from './first-screen.js';
import type { MeshSecrets } from './certificate-status.js';
import { buildViewModel, type ViewModel } from './view-model.js';

/**
 * One thing to analyse: files, or a control-plane snapshot, with files laid over it when
 * `files` is given. `now` is in milliseconds. `pending` names meshes of a snapshot read only in
 * part (a `PartialSnapshot`): their MeshGateways are listed as rows still loading, and nothing
 * of them is analysed.
 */
export type AnalysisRequest = (
  | { kind: 'files'; files: FileInput[] }
  | {
      kind: 'snapshot';
      snapshot: ControlPlaneSnapshot;
      files?: FileInput[];
      pending?: string[];
      /**
       * Without `files`: of the meshes read, only what the first `firstRows` gateways in list
       * order depend on is analysed (`firstScreen`); their other gateways are rows still loading
       * too, and so are those meshes.
       */
      firstRows?: number;
    }
) & {
  now: number;
  /** The Kuma version whose rules apply (`2.7`, `2.14.3`); the default when absent or unreadable. */
  kumaVersion?: string;
};

export interface AnalysisResult {
  model: ViewModel;
  notes: string[];
  fileCount: number;
}

/**
 * The engine workspaces of one loader, kept across refreshes: `main` is what the app shows;
 * `before` (the control plane alone) and `alone` (the laid-over files alone) serve the comparison
 * when files are laid over a control plane, and stay empty otherwise.
 */
export interface AnalysisWorkspaces {
  main: Workspace;
  before: Workspace;
  alone: Workspace;
}

export function createAnalysisWorkspaces(): AnalysisWorkspaces {
  return { main: createWorkspace(), before: createWorkspace(), alone: createWorkspace() };
}

function meshSecrets(state: SecretsState): MeshSecrets {
  switch (state.state) {
    case 'ok':
      return 'ok';
    case 'forbidden':
      return 'forbidden';
    case 'error':
      return 'error';
    case 'not-requested':
      return 'pending';
  }
}

/**
 * Runs the engine on a request and derives the view model. The workspaces are the caller's, kept
 * across refreshes so that only changed resources are parsed again. Synchronous and CPU-bound:
 * the app runs it in a worker thread.
 */
export function analyzeRequest(workspaces: AnalysisWorkspaces, request: AnalysisRequest): AnalysisResult {
  const now = new Date(request.now);
  const read = request.kumaVersion === undefined ? null : readKumaVersion(request.kumaVersion);
  const kumaVersion = read && 'version' in read ? read.version : undefined;
  if (request.kind === 'files') {
    holdFiles(workspaces.main, request.files);
    const model = buildViewModel(workspaces.main.analyze({ now, kumaVersion }), { mode: 'files' });
    return { model, notes: model.notes, fileCount: request.files.length };
  }
  const pending = new Set(request.pending ?? []);
  let snapshot = pending.size === 0 ? request.snapshot : { ...request.snapshot, meshes: request.snapshot.meshes.filter((m) => !pending.has(m.name)) };
  const screen = request.firstRows !== undefined && !request.files ? firstScreen(snapshot.meshes, request.firstRows) : null;
  if (screen) snapshot = { ...snapshot, meshes: screen.meshes };
  const inputs = snapshotInputs(snapshot, { compact: true });
  const options = { now, ...inputs.options, kumaVersion };
  let result: WorkspaceResult;
  let diffs: GatewayDiff[] | undefined;
  if (request.files) {
    const compared = applyDiff(inputs.files, request.files, options, { before: workspaces.before, after: workspaces.main, alone: workspaces.alone });
    result = compared.after;
    diffs = compared.gateways;
  } else {
    holdFiles(workspaces.main, inputs.files);
    result = workspaces.main.analyze(options);
  }
  const listed = request.snapshot.meshes;
  // A mesh read whole has every gateway shown, so only pending and narrowed meshes have any waiting.
  const waiting = (m: MeshSnapshot): RawResource[] => (pending.has(m.name) ? m.gateways : screen ? m.gateways.filter((g) => !screen.shown.has(`${m.name}/${g.name}`)) : []);
  if (screen) result = { ...result, gateways: result.gateways.filter((g) => screen.shown.has(`${g.mesh}/${g.name}`)) };
  const model = buildViewModel(result, {
    mode: 'live',
    meshes: listed.map((m) => ({ name: m.name, resource: m.mesh })),
    secrets: Object.fromEntries(listed.map((m) => [m.name, meshSecrets(m.secrets)])),
    secretCounts: Object.fromEntries(listed.map((m) => [m.name, m.secrets.state === 'ok' ? m.secrets.secrets.length : 0])),
    diffs,
    ...(pending.size > 0 || screen ? { pending: listed.flatMap((m) => waiting(m).map((g) => ({ mesh: m.name, name: g.name, file: resourceFileName(m.name, 'meshgateways', g.name) }))) } : {}),
    ...(screen && screen.narrowed.length > 0 ? { narrowed: screen.narrowed } : {}),
  });
  return { model, notes: [...model.notes, ...snapshot.notes], fileCount: inputs.files.length + (request.files?.length ?? 0) };
}
