import type { Severity } from '@meshgw/engine';

/** A severity override: one of the engine's severities, or `off` to drop the diagnostic. */
export type SeverityOverride = Severity | 'off';

/** The server's settings, read from the `meshgw` section of `workspace/configuration`. */
export interface Settings {
  /** Days before a certificate's notAfter at which it is reported as expiring. */
  certificateWarningDays: number;
  /** Whether to report fields Kuma silently drops. */
  reportUnknownFields: boolean;
  /** Severity by diagnostic code. */
  severity: Record<string, SeverityOverride>;
}

export const DEFAULT_SETTINGS: Settings = { certificateWarningDays: 30, reportUnknownFields: true, severity: {} };

const LEVELS: Record<string, SeverityOverride> = {
  error: 'error',
  warning: 'warning',
  warn: 'warning',
  info: 'info',
  information: 'info',
  hint: 'hint',
  off: 'off',
  none: 'off',
};

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
      const mapped = typeof level === 'string' ? LEVELS[level.toLowerCase()] : undefined;
      if (mapped) out.severity[code] = mapped;
    }
  }
  return out;
}
