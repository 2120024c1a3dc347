import { analysisDay, analyzeFiles, createWorkspace, DEFAULT_PARSE_LIMITS, type Diagnostic, type FileAnalysis, type WorkspaceResult } from '@meshgw/engine';
import { DEFAULT_SETTINGS, type Settings } from '../settings.js';
import { normalizeUri } from '../uri.js';

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
  version(key: string): number | null;
  text(key: string): string | null;
  setDisk(key: string, text: string): void;
  removeDisk(key: string): void;
  diskKeys(): string[];
  settings(): Settings;
  setSettings(settings: Settings): void;
  /** The analysis of the current texts at the current time. */
  analysis(): WorkspaceResult;
  file(key: string): FileAnalysis | null;
  /** The diagnostics to show for a file, severities overridden: none for non-Kuma files. */
  diagnostics(key: string): Diagnostic[];
  /** Every file that currently holds a Kuma resource. */
  kumaFiles(): string[];
}

export function createDocumentStore(options: { now: () => Date; log: (message: string) => void }): DocumentStore {
  const workspace = createWorkspace();
  const open = new Map<string, OpenDocument>();
  const disk = new Map<string, string>();
  /** Texts the engine failed on, by file: left out until the text changes. */
  const quarantined = new Map<string, string>();
  let settings: Settings = DEFAULT_SETTINGS;
  let result: WorkspaceResult | null = null;
  let byFile = new Map<string, FileAnalysis>();
  let dirty = true;
  let analysedDay = NaN;

  const textOf = (key: string): string | undefined => open.get(key)?.text ?? disk.get(key);

  const sync = (key: string) => {
    const text = textOf(key);
    if (text !== undefined && quarantined.has(key) && quarantined.get(key) !== text) quarantined.delete(key);
    if (text === undefined || quarantined.has(key)) workspace.removeFile(key);
    else workspace.setFile(key, text);
    dirty = true;
  };

  /**
   * The engine never throws on input by contract. Should it throw all the same, the files it
   * fails on alone are left out (until they change), so one bad file never stops the others.
   */
  const analyze = (now: Date): WorkspaceResult => {
    const opts = { now, certificateWarningDays: settings.certificateWarningDays, reportUnknownFields: settings.reportUnknownFields };
    try {
      return workspace.analyze(opts);
    } catch (error) {
      options.log(`analysis failed, looking for the file that causes it: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const key of workspace.files()) {
      const text = textOf(key) ?? '';
      try {
        analyzeFiles([{ file: key, text }], opts);
      } catch {
        options.log(`left out of the analysis until it changes: ${key}`);
        quarantined.set(key, text);
        workspace.removeFile(key);
      }
    }
    try {
      return workspace.analyze(opts);
    } catch {
      return result ?? analyzeFiles([], opts);
    }
  };

  const analysis = (): WorkspaceResult => {
    const now = options.now();
    const day = analysisDay(now);
    if (!result || dirty || day !== analysedDay) {
      result = analyze(now);
      byFile = new Map(result.files.map((f) => [f.file, f]));
      dirty = false;
      analysedDay = day;
    }
    return result;
  };

  const file = (key: string): FileAnalysis | null => {
    analysis();
    return byFile.get(key) ?? null;
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
    settings() {
      return settings;
    },
    setSettings(next) {
      settings = next;
      dirty = true;
    },
    analysis,
    file,
    diagnostics(key) {
      const r = analysis();
      const f = byFile.get(key);
      if (!f) return [];
      if (f.resources.length === 0 && !(open.has(key) && skippedKumaFile(f))) return [];
      const out: Diagnostic[] = [];
      for (const d of r.diagnosticsByFile.get(key) ?? []) {
        const level = settings.severity[d.code];
        if (level === 'off') continue;
        out.push(level ? { ...d, severity: level } : d);
      }
      return out;
    },
    kumaFiles() {
      return analysis()
        .files.filter((f) => f.resources.length > 0)
        .map((f) => f.file);
    },
  };
}

/** An open file the engine skipped (too large, binary) that looks like it holds Kuma resources. */
function skippedKumaFile(f: FileAnalysis): boolean {
  const skipped = f.parsed.diagnostics.some((d) => d.code === 'file-too-large' || d.code === 'not-text');
  return skipped && /\b(?:type|kind):\s*["']?(?:Mesh\w*|Dataplane|Secret)\b/.test(f.parsed.text.slice(0, 65_536));
}
