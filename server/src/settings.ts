import {
  DEFAULT_KUMA_VERSION,
  MIN_REFRESH_SECONDS,
  readControlPlaneSetting,
  readKumaVersion,
  readSeverityOverride,
  type ControlPlaneSetting,
  type KumaVersion,
  type ProjectSettings,
  type SeverityOverride,
} from '@meshgw/engine';

export type { SeverityOverride } from '@meshgw/engine';

/** The server's settings, read from the `meshgw` section of `workspace/configuration`. */
export interface Settings {
  /** Days before a certificate's notAfter at which it is reported as expiring. */
  certificateWarningDays: number;
  /** Whether to report fields Kuma silently drops. */
  reportUnknownFields: boolean;
  /** Severity by diagnostic code. */
  severity: Record<string, SeverityOverride>;
  /** `meshgw.kumaVersion`: the Kuma version to check against (`2.7`, `2.14.2`); null when not set. */
  kumaVersion: string | null;
  /**
   * `meshgw.controlPlane` as sent: `"kumactl"`, `{ "context": "NAME" }`, `{ "url": …, "tokenFile":
   * … }` (see the engine's `readControlPlaneSetting`); null for none.
   */
  controlPlane: string | Record<string, unknown> | null;
  /** `meshgw.controlPlaneRefreshSeconds`: seconds between refreshes of the control plane's state. */
  controlPlaneRefreshSeconds: number;
}

export const DEFAULT_SETTINGS: Settings = {
  certificateWarningDays: 30,
  reportUnknownFields: true,
  severity: {},
  kumaVersion: null,
  controlPlane: null,
  controlPlaneRefreshSeconds: 30,
};

/** Where the target version came from, in the order that decides it. */
export type VersionSource = 'command line' | 'project file' | 'setting' | 'control plane' | 'default';

/** The settings in force: the client's, overridden by the project file, the version pinned on the command line first. */
export interface EffectiveSettings extends Omit<Settings, 'kumaVersion' | 'controlPlane' | 'controlPlaneRefreshSeconds'> {
  kumaVersion: KumaVersion;
  kumaVersionSource: VersionSource;
  /** The control plane to analyse against, and where it was set; null for none (or a malformed setting). */
  controlPlane: { setting: ControlPlaneSetting; from: 'project file' | 'setting' } | null;
  /** Seconds between refreshes of the control plane's state. */
  refreshSeconds: number;
}

/**
 * The settings that apply. The target version: `lsp --kuma-version`, then the project file's
 * `kumaVersion`, then `meshgw.kumaVersion`, then the connected control plane's version (`live`),
 * then the default; the other settings: the project file's, then the client's.
 */
export function effectiveSettings(client: Settings, project: ProjectSettings | null, pinned: KumaVersion | null, live: KumaVersion | null = null): EffectiveSettings {
  const written = client.kumaVersion === null ? null : readKumaVersion(client.kumaVersion);
  const setting = written && 'version' in written ? written.version : null;
  const version: [KumaVersion, VersionSource] = pinned
    ? [pinned, 'command line']
    : project?.kumaVersion
      ? [project.kumaVersion.version, 'project file']
      : setting
        ? [setting, 'setting']
        : live
          ? [live, 'control plane']
          : [DEFAULT_KUMA_VERSION, 'default'];
  const read = project?.controlPlane !== undefined ? { setting: project.controlPlane } : readControlPlaneSetting(client.controlPlane);
  const cp = 'setting' in read ? read.setting : null;
  const from = project?.controlPlane !== undefined ? 'project file' : 'setting';
  return {
    certificateWarningDays: project?.certificateWarningDays ?? client.certificateWarningDays,
    reportUnknownFields: project?.reportUnknownFields ?? client.reportUnknownFields,
    severity: { ...client.severity, ...project?.severity },
    kumaVersion: version[0],
    kumaVersionSource: version[1],
    controlPlane: cp ? { setting: cp, from } : null,
    refreshSeconds: cp?.refreshSeconds ?? client.controlPlaneRefreshSeconds,
  };
}

/**
 * Reads settings as a client sends them; anything missing or malformed keeps its default, so a
 * client that answers `null` (or nothing) gets the defaults.
 */
export function readSettings(raw: unknown): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS, severity: {} };
  if (!raw || typeof raw !== 'object') return out;
  const r = raw as Record<string, unknown>;
  const days = typeof r.certificateWarningDays === 'string' ? Number(r.certificateWarningDays) : r.certificateWarningDays;
  if (typeof days === 'number' && Number.isFinite(days) && days >= 0) out.certificateWarningDays = Math.floor(days);
  if (typeof r.reportUnknownFields === 'boolean') out.reportUnknownFields = r.reportUnknownFields;
  if (r.severity && typeof r.severity === 'object') {
    for (const [code, level] of Object.entries(r.severity as Record<string, unknown>)) {
      const mapped = readSeverityOverride(level);
      if (mapped) out.severity[code] = mapped;
    }
  }
  if (typeof r.kumaVersion === 'string' && r.kumaVersion.trim() !== '') out.kumaVersion = r.kumaVersion.trim();
  if (typeof r.controlPlane === 'string' || (r.controlPlane && typeof r.controlPlane === 'object' && !Array.isArray(r.controlPlane))) {
    out.controlPlane = r.controlPlane as Settings['controlPlane'];
  }
  const refresh = r.controlPlaneRefreshSeconds;
  if (typeof refresh === 'number' && Number.isFinite(refresh) && refresh >= MIN_REFRESH_SECONDS) out.controlPlaneRefreshSeconds = refresh;
  return out;
}

/** What is wrong with settings as read (one sentence each), for the server's log. */
export function settingsProblems(settings: Settings): string[] {
  const read = settings.kumaVersion === null ? null : readKumaVersion(settings.kumaVersion);
  const out = read && 'error' in read ? [`meshgw.kumaVersion: ${read.error}`] : [];
  const cp = readControlPlaneSetting(settings.controlPlane);
  if ('error' in cp) out.push(`meshgw.${cp.error}`);
  return out;
}
