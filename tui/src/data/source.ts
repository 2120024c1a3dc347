import { controlPlaneTarget, DEFAULT_KUMA_VERSION, formatKumaVersion } from '@meshgw/engine';
import type { FileInput } from '@meshgw/engine';
import type { ConnectionSettings, KumaClient, Result } from '@meshgw/kuma-client';

/** Resource files read through the engine; no control plane. `load` is called at every refresh. */
export interface FilesSource {
  kind: 'files';
  /** The paths as given on the command line, for the header. */
  paths: string[];
  /** Reads the files again. A rejection is shown as a failed refresh (the last data stays). */
  load: (signal: AbortSignal) => Promise<FileInput[]>;
  /** The Kuma version whose rules apply (`2.7`), pinned by a flag or `.meshgw.yaml`; default 2.14. */
  kumaVersion?: string;
}

/** A live control plane. The app only reads from it. */
export interface LiveSource {
  kind: 'live';
  client: KumaClient;
  settings: ConnectionSettings;
  /** Connects to another kumactl context for `:ctx NAME`; absent when switching is not offered. */
  connectContext?: (name: string) => Promise<Result<LiveSource>>;
  /** The kumactl context names, for `:ctx` without a name. */
  contexts?: string[];
  /** The Kuma version whose rules apply, pinned; absent: the version the control plane runs. */
  kumaVersion?: string;
  /**
   * Resource files laid over the control plane's resources (`meshgw tui --cp URL PATH...`): a
   * file resource replaces the live one of the same kind, mesh and name, and the app shows what
   * applying the files would change. `load` reads them again at every refresh.
   */
  overlay?: { paths: string[]; load: (signal: AbortSignal) => Promise<FileInput[]> };
}

export type DataSource = FilesSource | LiveSource;

/** What the header says about where the data comes from. Never holds a token. */
export type SourceInfo =
  | { kind: 'files'; label: string; fileCount: number; rules: string }
  | {
      kind: 'live';
      /**
       * The Kuma version whose rules applied; `pinned` when the user chose it, `ownRules` when
       * they are those of the version the control plane runs.
       */
      rules: string | null;
      pinned: boolean;
      ownRules: boolean;
      url: string;
      product: string | null;
      version: string | null;
      mode: string | null;
      zone: string | null;
      federated: boolean;
      context: string | null;
      insecure: boolean;
      /** The paths of the files laid over the control plane, when there are some. */
      overlay?: string;
    };

/** The header's description of a source before its first refresh answered. */
export function sourceInfo(source: DataSource, fileCount = 0): SourceInfo {
  if (source.kind === 'files') return { kind: 'files', label: source.paths.join(' '), fileCount, rules: rulesFor(source, null).rules };
  const origin = source.settings.source;
  return {
    kind: 'live',
    rules: source.kumaVersion ?? null,
    pinned: source.kumaVersion !== undefined,
    ownRules: false,
    url: source.client.url,
    product: null,
    version: null,
    mode: null,
    zone: null,
    federated: false,
    context: origin.kind === 'kumactl' ? origin.context : null,
    insecure: source.settings.tls.insecureSkipVerify,
    ...(source.overlay ? { overlay: source.overlay.paths.join(' ') } : {}),
  };
}

/**
 * The Kuma version whose rules apply to a source: the pinned one, else (live) the version the
 * control plane reports when meshgw supports it, else the default.
 */
export function rulesFor(source: { kumaVersion?: string }, controlPlaneVersion: string | null): { rules: string; ownRules: boolean } {
  if (source.kumaVersion !== undefined) return { rules: source.kumaVersion, ownRules: false };
  const live = controlPlaneTarget(controlPlaneVersion);
  return live ? { rules: formatKumaVersion(live.version), ownRules: live.warning === null } : { rules: formatKumaVersion(DEFAULT_KUMA_VERSION), ownRules: false };
}
