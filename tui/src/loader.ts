import { createWorkspace, type FileInput, type Workspace } from '@meshgw/engine';
import { loadControlPlaneSnapshot, snapshotInputs, type MeshSnapshot, type SecretsState } from '@meshgw/kuma-client';
import type { MeshSecrets } from './certificate-status.js';
import { sourceInfo, type DataSource, type LiveSource, type SourceInfo } from './source.js';
import { buildViewModel, type ViewModel } from './view-model.js';

/** What one successful refresh produced. */
export interface LoadedData {
  /** The `now` the engine used, in milliseconds. */
  at: number;
  info: SourceInfo;
  model: ViewModel;
  /** Sentences about what was skipped or could not be read. */
  notes: string[];
}

export type RefreshOutcome = { ok: true; data: LoadedData } | { ok: false; message: string; aborted: boolean };

export interface RefreshOptions {
  signal: AbortSignal;
  now: Date;
  /** Also read Secrets now, whatever the secrets interval says (a manual refresh). */
  forceSecrets?: boolean;
}

/** Reads a data source and runs the engine on it. Knows nothing of React. */
export interface Loader {
  refresh(options: RefreshOptions): Promise<RefreshOutcome>;
}

export interface LoaderOptions {
  /** Secrets are read at most this often (milliseconds); lists at every refresh. */
  secretsIntervalMs: number;
}

/** Keeps the workspace in step with the inputs: unchanged files are not parsed again. */
function sync(workspace: Workspace, files: FileInput[]): void {
  const names = new Set(files.map((f) => f.file));
  for (const name of workspace.files()) if (!names.has(name)) workspace.removeFile(name);
  for (const f of files) workspace.setFile(f.file, f.text);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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

function filesLoader(source: Extract<DataSource, { kind: 'files' }>): Loader {
  const workspace = createWorkspace();
  return {
    async refresh({ signal, now }) {
      let files: FileInput[];
      try {
        files = await source.load(signal);
      } catch (error) {
        return { ok: false, message: messageOf(error), aborted: signal.aborted };
      }
      if (signal.aborted) return { ok: false, message: 'The refresh was cancelled.', aborted: true };
      sync(workspace, files);
      const result = workspace.analyze({ now });
      const model = buildViewModel(result, { mode: 'files' });
      return { ok: true, data: { at: now.getTime(), info: sourceInfo(source, files.length), model, notes: model.notes } };
    },
  };
}

function liveLoader(source: LiveSource, options: LoaderOptions): Loader {
  const workspace = createWorkspace();
  const secrets = new Map<string, SecretsState>();
  let secretsAt: number | null = null;
  return {
    async refresh({ signal, now, forceSecrets }) {
      const due = forceSecrets === true || secretsAt === null || now.getTime() - secretsAt >= options.secretsIntervalMs;
      const loaded = await loadControlPlaneSnapshot(source.client, { signal, includeSecrets: due });
      if (!loaded.ok) return { ok: false, message: loaded.error.message, aborted: loaded.error.kind === 'aborted' || signal.aborted };
      if (due) secretsAt = now.getTime();
      const meshes: MeshSnapshot[] = loaded.value.meshes.map((m) => {
        const cached = secrets.get(m.name);
        // A failed secrets call keeps the last certificates read, like a failed refresh keeps the lists.
        if (m.secrets.state === 'error' && cached?.state === 'ok') return { ...m, secrets: cached };
        if (m.secrets.state !== 'not-requested') {
          secrets.set(m.name, m.secrets);
          return m;
        }
        return cached ? { ...m, secrets: cached } : m;
      });
      const snapshot = { ...loaded.value, meshes };
      const inputs = snapshotInputs(snapshot);
      sync(workspace, inputs.files);
      const result = workspace.analyze({ now, ...inputs.options });
      const model = buildViewModel(result, {
        mode: 'live',
        meshes: meshes.map((m) => ({ name: m.name, resource: m.mesh })),
        secrets: Object.fromEntries(meshes.map((m) => [m.name, meshSecrets(m.secrets)])),
        secretCounts: Object.fromEntries(meshes.map((m) => [m.name, m.secrets.state === 'ok' ? m.secrets.secrets.length : 0])),
      });
      const cp = snapshot.controlPlane;
      const base = sourceInfo(source);
      const info: SourceInfo = base.kind === 'live' ? { ...base, url: cp.url, product: cp.product, version: cp.version, mode: cp.mode, zone: cp.zone, federated: cp.federated } : base;
      return { ok: true, data: { at: now.getTime(), info, model, notes: [...model.notes, ...snapshot.notes] } };
    },
  };
}

/** A loader for a data source. Each loader keeps its own parse cache and secrets cache. */
export function createLoader(source: DataSource, options: LoaderOptions): Loader {
  return source.kind === 'files' ? filesLoader(source) : liveLoader(source, options);
}
