import {
  applySeverityOverrides,
  DEFAULT_PARSE_LIMITS,
  differsDiagnostics,
  isLiveFile,
  liveDifferences,
  type Diagnostic,
  type FileAnalysis,
  type GatewayDiff,
  type KumaVersion,
  type WorkspaceResult,
} from '@meshgw/engine';
import { createLiveFiles, type LiveInputs } from './live-files.js';
import { createProjectState } from './project-state.js';
import { DEFAULT_SETTINGS, effectiveSettings, type EffectiveSettings, type Settings } from '../settings.js';
import { normalizeUri } from '../uri.js';
import { createAnalysisCache } from './analysis-cache.js';

/** Files larger than this many bytes are not read from disk; the engine skips longer texts. */
export const MAX_FILE_SIZE = DEFAULT_PARSE_LIMITS.maxFileSize;

interface OpenDocument {
  clientUri: string;
  text: string;
  version: number;
}

/**
 * The server's view of the workspace: open documents (their latest text) over the files read
 * from disk, one engine workspace behind them, and the last analysis, recomputed on demand when
 * anything changed (the engine re-parses only the changed documents). Files are keyed by their
 * normalized URI (`key`).
 */
export interface DocumentStore {
  key(uri: string): string;
  /** The URI to send to the client for a file: the one it opened the file with, if it did. */
  clientUri(key: string): string;
  setOpen(uri: string, text: string, version: number): string;
  /** Forgets the open text; the file stays analysed with its disk text when it has one. */
  close(uri: string): string;
  isOpen(key: string): boolean;
  /** The keys of the open documents. */
  openKeys(): string[];
  version(key: string): number | null;
  text(key: string): string | null;
  setDisk(key: string, text: string): void;
  removeDisk(key: string): void;
  diskKeys(): string[];
  /** The settings in force: the client's, the project file's, the version pinned at start. */
  settings(): EffectiveSettings;
  /** The client's settings (`meshgw` section). */
  setSettings(settings: Settings): void;
  /** The project file that applies (its key and disk text), or null for none. */
  setProjectFile(key: string | null, diskText: string | null): void;
  projectFile(): string | null;
  /** The analysis of the current texts at the current time. */
  analysis(): WorkspaceResult;
  file(key: string): FileAnalysis | null;
  /** The diagnostics to show for a file, severities overridden: none for non-Kuma files. */
  diagnostics(key: string): Diagnostic[];
  /** Every file that currently holds a Kuma resource (the user's: not the control plane's). */
  kumaFiles(): string[];
  /**
   * The control plane's resources the files are overlaid on, with their analysis options and the
   * control plane's Kuma version (the target unless pinned); null takes them all out. Returns
   * whether the analysis changes.
   */
  setLive(inputs: LiveInputs | null): boolean;
  /** The gateways of a file that change what the control plane does (none without one). */
  liveDifferences(key: string): GatewayDiff[];
}

export interface DocumentStoreOptions {
  now: () => Date;
  log: (message: string) => void;
  /** The target version given on the command line (`lsp --kuma-version`): it beats every setting. */
  pinnedVersion?: KumaVersion | null;
}

export function createDocumentStore(options: DocumentStoreOptions): DocumentStore {
  const open = new Map<string, OpenDocument>();
  const disk = new Map<string, string>();
  let client: Settings = DEFAULT_SETTINGS;
  const project = createProjectState();
  const live = createLiveFiles();
  const textOf = (key: string): string | undefined => open.get(key)?.text ?? disk.get(key) ?? live.text(key);
  const projectRead = () => project.read((key) => open.get(key)?.text);
  /** The settings in force, computed again only when the client's settings or the project file's reading change. */
  let effective: { client: Settings; read: ReturnType<typeof projectRead>; live: KumaVersion | null; value: EffectiveSettings } | null = null;
  const settings = (): EffectiveSettings => {
    const read = projectRead();
    const version = live.version();
    if (effective?.client !== client || effective.read !== read || effective.live !== version) {
      effective = { client, read, live: version, value: effectiveSettings(client, read?.settings ?? null, options.pinnedVersion ?? null, version) };
    }
    return effective.value;
  };
  const cache = createAnalysisCache({ now: options.now, log: options.log, settings, textOf, liveOptions: () => live.options() });
  /** What the files change against the control plane, once per analysis. */
  let differs: { result: WorkspaceResult; diffs: GatewayDiff[]; byFile: Map<string, Diagnostic[]> } | null = null;
  const liveDiff = () => {
    const result = cache.current().result;
    if (differs?.result === result) return differs;
    const diffs = live.version() === null && live.options().dataplaneStatus === undefined ? [] : liveDifferences(live.before({ ...result.options, now: result.now }), result);
    const byFile = new Map<string, Diagnostic[]>();
    for (const d of differsDiagnostics(diffs, result)) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
    differs = { result, diffs, byFile };
    return differs;
  };
  const sync = (key: string): void => {
    if (key === project.key) cache.invalidate();
    cache.sync(key, textOf(key));
  };

  return {
    key: normalizeUri,
    clientUri(key) {
      return open.get(key)?.clientUri ?? key;
    },
    setOpen(uri, text, version) {
      const key = normalizeUri(uri);
      open.set(key, { clientUri: uri, text, version });
      sync(key);
      return key;
    },
    close(uri) {
      const key = normalizeUri(uri);
      open.delete(key);
      sync(key);
      return key;
    },
    openKeys() {
      return [...open.keys()];
    },
    isOpen(key) {
      return open.has(key);
    },
    version(key) {
      return open.get(key)?.version ?? null;
    },
    text(key) {
      return textOf(key) ?? null;
    },
    setDisk(key, text) {
      if (disk.get(key) === text) return;
      disk.set(key, text);
      if (!open.has(key)) sync(key);
    },
    removeDisk(key) {
      if (!disk.delete(key)) return;
      if (!open.has(key)) sync(key);
    },
    diskKeys() {
      return [...disk.keys()];
    },
    settings,
    setSettings(next) {
      client = next;
      cache.invalidate();
    },
    setProjectFile(key, diskText) {
      project.set(key, diskText);
      cache.invalidate();
    },
    projectFile: () => project.key,
    analysis: () => cache.current().result,
    file: (key) => cache.current().byFile.get(key) ?? null,
    diagnostics(key) {
      if (key === project.key) return projectRead()?.problems ?? [];
      if (isLiveFile(key)) return [];
      const { result: r, byFile } = cache.current();
      const f = byFile.get(key);
      if (!f) return [];
      if (f.resources.length === 0 && !(open.has(key) && skippedKumaFile(f))) return [];
      const all = [...(liveDiff().byFile.get(key) ?? []), ...(r.diagnosticsByFile.get(key) ?? [])];
      return applySeverityOverrides(all, settings().severity);
    },
    kumaFiles() {
      return cache.current().result.files.filter((f) => f.resources.length > 0 && !isLiveFile(f.file)).map((f) => f.file);
    },
    liveDifferences: (key) => liveDiff().diffs.filter((d) => d.file.after === key),
    setLive(inputs) {
      const { keys, changed } = live.set(inputs);
      for (const key of keys) cache.sync(key, live.text(key));
      if (changed) cache.invalidate();
      return changed;
    },
  };
}

/** An open file the engine skipped (too large, binary) that looks like it holds Kuma resources. */
function skippedKumaFile(f: FileAnalysis): boolean {
  const skipped = f.parsed.diagnostics.some((d) => d.code === 'file-too-large' || d.code === 'not-text');
  return skipped && /\b(?:type|kind):\s*["']?(?:Mesh\w*|Dataplane|Secret)\b/.test(f.parsed.text.slice(0, 65_536));
}
