import { analysisDay, analyzeFiles, createWorkspace, type AnalyzeOptions, type FileAnalysis, type WorkspaceResult } from '@meshgw/engine';
import type { EffectiveSettings } from '../settings.js';

/**
 * One engine workspace and its last analysis, recomputed on demand when a file or the settings
 * changed, or when the day changed (certificate days left count whole days).
 */
export interface AnalysisCache {
  /** Hands the engine a file's current text; `undefined` takes the file out. */
  sync(key: string, text: string | undefined): void;
  /** Forgets the last analysis (the settings changed). */
  invalidate(): void;
  /** The analysis of the current texts at the current time, and each file's part of it. */
  current(): CurrentAnalysis;
}

export interface CurrentAnalysis {
  result: WorkspaceResult;
  byFile: ReadonlyMap<string, FileAnalysis>;
}

export interface AnalysisCacheOptions {
  now: () => Date;
  log: (message: string) => void;
  settings: () => EffectiveSettings;
  /** The current text of a file the workspace holds, to find the one the engine fails on. */
  textOf: (key: string) => string | undefined;
  /** What a control plane's state adds to the analysis options (Secret access, dataplane states); empty without one. */
  liveOptions: () => Pick<AnalyzeOptions, 'secretAccess' | 'dataplaneStatus'>;
}

export function createAnalysisCache(options: AnalysisCacheOptions): AnalysisCache {
  const workspace = createWorkspace();
  /** Texts the engine failed on, by file: left out until the text changes. */
  const quarantined = new Map<string, string>();
  let result: WorkspaceResult | null = null;
  let byFile = new Map<string, FileAnalysis>();
  let dirty = true;
  let analysedDay = NaN;

  /**
   * The engine never throws on input by contract. Should it throw all the same, the files it
   * fails on alone are left out (until they change), so one bad file never stops the others.
   */
  const analyze = (now: Date): WorkspaceResult => {
    const settings = options.settings();
    const opts = { ...options.liveOptions(), now, certificateWarningDays: settings.certificateWarningDays, reportUnknownFields: settings.reportUnknownFields, kumaVersion: settings.kumaVersion };
    try {
      return workspace.analyze(opts);
    } catch (error) {
      options.log(`analysis failed, looking for the file that causes it: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const key of workspace.files()) {
      const text = options.textOf(key) ?? '';
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

  const current = (): CurrentAnalysis => {
    const now = options.now();
    const day = analysisDay(now);
    if (!result || dirty || day !== analysedDay) {
      result = analyze(now);
      byFile = new Map(result.files.map((f) => [f.file, f]));
      dirty = false;
      analysedDay = day;
    }
    return { result, byFile };
  };

  return {
    sync(key, text) {
      if (text !== undefined && quarantined.has(key) && quarantined.get(key) !== text) quarantined.delete(key);
      if (text === undefined || quarantined.has(key)) workspace.removeFile(key);
      else workspace.setFile(key, text);
      dirty = true;
    },
    invalidate() {
      dirty = true;
    },
    current,
  };
}
