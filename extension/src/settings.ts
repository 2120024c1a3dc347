import type { SeverityOverride, Settings } from '../../server/src/settings.js';

/** The configuration section the extension contributes and the server asks for. */
export const SECTION = 'meshgw';

/** What the translation reads; structurally a `vscode.WorkspaceConfiguration` of `meshgw`. */
export interface ConfigurationReader {
  get<T>(key: string): T | undefined;
}

export interface Translation {
  /** The server's `meshgw` settings; a key the user set to an unusable value is left out. */
  settings: Partial<Settings>;
  /** One sentence per value left out, for the output channel. */
  problems: string[];
}

/** VS Code's severity names (as in its own settings) to the server's. */
const SEVERITIES: Record<string, SeverityOverride> = {
  error: 'error',
  warning: 'warning',
  information: 'info',
  hint: 'hint',
  off: 'off',
};

/**
 * Translates the `meshgw.*` editor settings into the settings object the server reads: VS Code
 * names (`information`) become the server's (`info`), values VS Code's schema cannot enforce
 * (a fraction of a day, an unknown severity) are dropped with a problem, and the editor-only
 * `trace` setting stays behind. Missing keys are left to the server's defaults.
 */
export function translateSettings(config: ConfigurationReader): Translation {
  const settings: Partial<Settings> = {};
  const problems: string[] = [];

  const days = config.get<unknown>('certificateWarningDays');
  if (typeof days === 'number' && Number.isInteger(days) && days >= 0) settings.certificateWarningDays = days;
  else if (days !== undefined && days !== null) problems.push(`meshgw.certificateWarningDays must be a whole number of days (0 or more), not ${JSON.stringify(days)}.`);

  const unknownFields = config.get<unknown>('reportUnknownFields');
  if (typeof unknownFields === 'boolean') settings.reportUnknownFields = unknownFields;
  else if (unknownFields !== undefined && unknownFields !== null) problems.push(`meshgw.reportUnknownFields must be true or false, not ${JSON.stringify(unknownFields)}.`);

  const severity = config.get<unknown>('severity');
  if (severity && typeof severity === 'object' && !Array.isArray(severity)) {
    settings.severity = {};
    for (const [rawCode, level] of Object.entries(severity as Record<string, unknown>)) {
      const code = rawCode.trim();
      const mapped = typeof level === 'string' ? SEVERITIES[level.trim().toLowerCase()] : undefined;
      if (code && mapped) settings.severity[code] = mapped;
      else problems.push(`meshgw.severity: "${rawCode}" needs one of ${Object.keys(SEVERITIES).join(', ')}, not ${JSON.stringify(level)}.`);
    }
  } else if (severity !== undefined && severity !== null) {
    problems.push('meshgw.severity must be an object mapping diagnostic codes to severities.');
  }

  const version = config.get<unknown>('kumaVersion');
  if (typeof version === 'string' && /^\s*v?\d+\.\d+(\.\d+)?\s*$/.test(version)) settings.kumaVersion = version.trim();
  else if (version === null) settings.kumaVersion = null;
  else if (version !== undefined && version !== '') problems.push(`meshgw.kumaVersion must be a Kuma version such as "2.7" or "2.14.2", not ${JSON.stringify(version)}.`);

  const controlPlane = config.get<unknown>('controlPlane');
  if (controlPlane === null || typeof controlPlane === 'string' || (controlPlane && typeof controlPlane === 'object' && !Array.isArray(controlPlane))) {
    // The server reads and checks it (readControlPlaneSetting) and logs what it cannot use.
    settings.controlPlane = controlPlane as Settings['controlPlane'];
  } else if (controlPlane !== undefined) {
    problems.push('meshgw.controlPlane must be "kumactl", { "context": "NAME" } or { "url": "...", "tokenFile": "..." }.');
  }

  const refresh = config.get<unknown>('controlPlaneRefreshSeconds');
  if (typeof refresh === 'number' && Number.isFinite(refresh) && refresh >= 5) settings.controlPlaneRefreshSeconds = refresh;
  else if (refresh !== undefined && refresh !== null) problems.push(`meshgw.controlPlaneRefreshSeconds must be a number of seconds, 5 or more, not ${JSON.stringify(refresh)}.`);

  return { settings, problems };
}
