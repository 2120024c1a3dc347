import type { FileInput } from '@meshgw/engine';
import { createAnalyzer, type Analyzer } from './analyzer.js';
import { rulesFor, sourceInfo, type DataSource, type FilesSource, type LiveSource, type SourceInfo } from './source.js';
import type { ViewModel } from './view-model.js';
import type { LiveResult } from './live-fetch.js';

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
  /**
   * Called before the outcome of the first refresh of a large control plane, with what is read so
   * far: every gateway listed as pending, then the gateways of a first screen (`firstRows`)
   * analysed and the others pending (`ViewModel.pendingMeshes`).
   */
  onPartial?: (data: LoadedData) => void;
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
  /**
   * How many gateway rows the first screen shows at most (the terminal's height): while a large
   * control plane is read, those are analysed first. Default `DEFAULT_FIRST_ROWS`.
   */
  firstRows?: number;
}

/** The rows of a first screen when the terminal's height is not known. */
export const DEFAULT_FIRST_ROWS = 60;

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

function liveLoader(source: LiveSource, analyzer: Analyzer, firstRows: number): Loader {
  return {
    async refresh({ signal, now, forceSecrets, onPartial }) {
      let files: FileInput[] | undefined;
      try {
        files = source.overlay ? await source.overlay.load(signal) : undefined;
      } catch (error) {
        return { ok: false, message: messageOf(error), aborted: cancelled(signal, error) };
      }
      try {
        const request = { now: now.getTime(), forceSecrets: forceSecrets === true, firstRows, ...(files ? { files } : {}), ...(source.kumaVersion !== undefined ? { pinned: source.kumaVersion } : {}) };
        const loaded = ({ result, controlPlane: cp, rules, ownRules }: LiveResult): LoadedData => {
          const base = sourceInfo(source);
          const info: SourceInfo =
            base.kind === 'live' ? { ...base, rules, ownRules, url: cp.url, product: cp.product, version: cp.version, mode: cp.mode, zone: cp.zone, federated: cp.federated } : base;
          return { at: now.getTime(), info, model: result.model, notes: result.notes };
        };
        const partially = onPartial ? (partial: LiveResult) => onPartial(loaded(partial)) : undefined;
        const answer = await analyzer.refreshLive(request, signal, partially);
        if (!answer.ok) return { ok: false, message: answer.message, aborted: answer.aborted || signal.aborted };
        return { ok: true, data: loaded(answer) };
      } catch (error) {
        return { ok: false, message: messageOf(error), aborted: cancelled(signal, error) };
      }
    },
    close: () => analyzer.close(),
  };
}

/** A loader for a data source, with its own analysis thread, parse cache and secrets cache. */
export function createLoader(source: DataSource, options: LoaderOptions): Loader {
  const thread = options.thread !== false;
  if (source.kind === 'files') return filesLoader(source, createAnalyzer({ thread }));
  const { url, token, headers, tls } = source.settings;
  const connection = { settings: { url, token, headers, tls }, secretsIntervalMs: options.secretsIntervalMs, timeoutMs: source.client.timeoutMs };
  return liveLoader(source, createAnalyzer({ thread, live: { client: source.client, connection } }), options.firstRows ?? DEFAULT_FIRST_ROWS);
}

/**
 * A loader whose first refresh was started before the app existed (while its modules load):
 * the app's first refresh gets that outcome instead of starting another one, and its partial
 * data, whether it came before or comes after. Later refreshes, and a first one whose early
 * outcome was a cancellation, go to the loader as usual.
 */
export function startLoader(loader: Loader, options: Omit<RefreshOptions, 'onPartial'>): Loader {
  let partial: LoadedData | null = null;
  let listener: ((data: LoadedData) => void) | null = null;
  let early: Promise<RefreshOutcome> | null = loader.refresh({
    ...options,
    onPartial: (data) => {
      if (listener) listener(data);
      else partial = data;
    },
  });
  return {
    async refresh(next) {
      const pending = early;
      early = null;
      if (pending) {
        listener = next.onPartial ?? null;
        if (partial !== null) listener?.(partial);
        partial = null;
        const outcome = await pending;
        listener = null;
        if (outcome.ok || !outcome.aborted) return outcome;
      }
      return loader.refresh(next);
    },
    close: () => loader.close(),
  };
}
