import type { FileInput } from '@meshgw/engine';
import { loadControlPlaneSnapshot, type MeshSnapshot, type SecretsState } from '@meshgw/kuma-client';
import { createAnalyzer, type Analyzer } from './analyzer.js';
import { rulesFor, sourceInfo, type DataSource, type FilesSource, type LiveSource, type SourceInfo } from './source.js';
import type { ViewModel } from './view-model.js';

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
  /** Stops the analysis thread. */
  close(): void;
}

export interface LoaderOptions {
  /** Secrets are read at most this often (milliseconds); lists at every refresh. */
  secretsIntervalMs: number;
  /** Run the engine in a worker thread (default true). */
  thread?: boolean;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function cancelled(signal: AbortSignal, error: unknown): boolean {
  return signal.aborted || (error instanceof Error && error.name === 'AbortError');
}

function filesLoader(source: FilesSource, analyzer: Analyzer): Loader {
  return {
    async refresh({ signal, now }) {
      try {
        const files = await source.load(signal);
        const result = await analyzer.analyze({ kind: 'files', files, now: now.getTime(), kumaVersion: rulesFor(source, null).rules }, signal);
        return { ok: true, data: { at: now.getTime(), info: sourceInfo(source, files.length), model: result.model, notes: result.notes } };
      } catch (error) {
        return { ok: false, message: messageOf(error), aborted: cancelled(signal, error) };
      }
    },
    close: () => analyzer.close(),
  };
}

function liveLoader(source: LiveSource, options: LoaderOptions, analyzer: Analyzer): Loader {
  const secrets = new Map<string, SecretsState>();
  let secretsAt: number | null = null;
  return {
    async refresh({ signal, now, forceSecrets }) {
      const due = forceSecrets === true || secretsAt === null || now.getTime() - secretsAt >= options.secretsIntervalMs;
      const loaded = await loadControlPlaneSnapshot(source.client, { signal, includeSecrets: due });
      if (!loaded.ok) return { ok: false, message: loaded.error.message, aborted: loaded.error.kind === 'aborted' || signal.aborted };
      let files: FileInput[] | undefined;
      try {
        files = source.overlay ? await source.overlay.load(signal) : undefined;
      } catch (error) {
        return { ok: false, message: messageOf(error), aborted: cancelled(signal, error) };
      }
      if (due) secretsAt = now.getTime();
      const meshes: MeshSnapshot[] = loaded.value.meshes.map((m) => {
        const cached = secrets.get(m.name);
        // A failed secrets call keeps the certificates last read, as a failed refresh keeps the lists.
        if (m.secrets.state === 'error' && cached?.state === 'ok') return { ...m, secrets: cached };
        if (m.secrets.state !== 'not-requested') {
          secrets.set(m.name, m.secrets);
          return m;
        }
        return cached ? { ...m, secrets: cached } : m;
      });
      const snapshot = { ...loaded.value, meshes };
      try {
        const cp = snapshot.controlPlane;
        const { rules, ownRules } = rulesFor(source, cp.kumaVersion);
        const result = await analyzer.analyze({ kind: 'snapshot', snapshot, files, now: now.getTime(), kumaVersion: rules }, signal);
        const base = sourceInfo(source);
        const info: SourceInfo =
          base.kind === 'live' ? { ...base, rules, ownRules, url: cp.url, product: cp.product, version: cp.version, mode: cp.mode, zone: cp.zone, federated: cp.federated } : base;
        return { ok: true, data: { at: now.getTime(), info, model: result.model, notes: result.notes } };
      } catch (error) {
        return { ok: false, message: messageOf(error), aborted: cancelled(signal, error) };
      }
    },
    close: () => analyzer.close(),
  };
}

/** A loader for a data source, with its own analysis thread, parse cache and secrets cache. */
export function createLoader(source: DataSource, options: LoaderOptions): Loader {
  const analyzer = createAnalyzer({ thread: options.thread !== false });
  return source.kind === 'files' ? filesLoader(source, analyzer) : liveLoader(source, options, analyzer);
}

/**
 * A loader whose first refresh was started before the app existed (while its modules load):
 * the app's first refresh gets that outcome instead of starting another one. Later refreshes,
 * and a first one whose early outcome was a cancellation, go to the loader as usual.
 */
export function startLoader(loader: Loader, options: RefreshOptions): Loader {
  let early: Promise<RefreshOutcome> | null = loader.refresh(options);
  return {
    async refresh(next) {
      const pending = early;
      early = null;
      if (pending) {
        const outcome = await pending;
        if (outcome.ok || !outcome.aborted) return outcome;
      }
      return loader.refresh(next);
    },
    close: () => loader.close(),
  };
}
