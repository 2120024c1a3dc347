import { analysisDay, createWorkspace, formatKumaVersion, holdFiles, type AnalyzeOptions, type FileInput, type KumaVersion, type MergedGateway } from '@meshgw/engine';

/** A control plane's state as the engine takes it: its resources as `cp:` files, and options. */
export interface LiveInputs {
  files: FileInput[];
  options: Pick<AnalyzeOptions, 'secretAccess' | 'dataplaneStatus'>;
  /** The rules of the control plane's Kuma version; null when it names none. */
  kumaVersion: KumaVersion | null;
}

/** The control plane's files the store holds beside the user's. */
export interface LiveFiles {
  /**
   * Replaces the live files; returns every key whose text changed, came or went, and whether
   * anything the analysis reads changed (those files, the options or the version).
   */
  set(inputs: LiveInputs | null): { keys: string[]; changed: boolean };
  text(key: string): string | undefined;
  options(): Pick<AnalyzeOptions, 'secretAccess' | 'dataplaneStatus'>;
  version(): KumaVersion | null;
  /**
   * The control plane's gateways as Kuma merges them without the files, analysed with `options`
   * (the overlaid analysis' own), once per snapshot, version and day; empty without live files.
   */
  before(options: AnalyzeOptions & { now: Date; kumaVersion: KumaVersion }): MergedGateway[];
}

export function createLiveFiles(): LiveFiles {
  let texts = new Map<string, string>();
  let current: LiveInputs | null = null;
  const alone = createWorkspace();
  let merged: { inputs: LiveInputs; key: string; gateways: MergedGateway[] } | null = null;
  return {
    set(inputs) {
      const next = new Map((inputs?.files ?? []).map((f) => [f.file, f.text]));
      const keys = [...next].filter(([key, text]) => texts.get(key) !== text).map(([key]) => key);
      for (const key of texts.keys()) if (!next.has(key)) keys.push(key);
      const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
      const changed = keys.length > 0 || (current === null) !== (inputs === null) || !same(current?.options, inputs?.options) || !same(current?.kumaVersion, inputs?.kumaVersion);
      texts = next;
      // The same inputs object stays when nothing changed, so caches keyed on it hold.
      if (changed) current = inputs;
      return { keys, changed };
    },
    text: (key) => texts.get(key),
    options: () => current?.options ?? {},
    version: () => current?.kumaVersion ?? null,
    before(options) {
      if (current === null) return [];
      const key = `${formatKumaVersion(options.kumaVersion)}|${analysisDay(options.now)}|${options.certificateWarningDays ?? ''}`;
      if (merged?.inputs === current && merged.key === key) return merged.gateways;
      holdFiles(alone, current.files);
      merged = { inputs: current, key, gateways: alone.analyze({ ...options, ...current.options }).gateways };
      return merged.gateways;
    },
  };
}
