import { parseFile } from '../syntax/parse.js';
import { readKumaVersion } from '../kuma/versions.js';
import type { KumaVersion } from '../kuma/versions.js';
import type { Diagnostic, Severity } from '../base/diagnostic.js';
import type { YNode, YScalar } from '../syntax/tree.js';
import { diagnostic } from '../base/diagnostic.js';
import { plainValue, readControlPlaneSetting, type ControlPlaneSetting } from './control-plane-setting.js';

/**
 * The project file: found upward from the checked files (CLI) or a workspace folder (language
 * server, terminal app), so that CI, the editor and the terminal app apply the same settings.
 */
export const PROJECT_FILE = '.meshgw.yaml';

/** A severity override: one of the engine's severities, or `off` to drop the diagnostic. */
export type SeverityOverride = Severity | 'off';

/** What a project file (or an editor's settings) may set; absent: not set there. */
export interface ProjectSettings {
  /** The target Kuma version, with the text as written (`2.10` stays `2.10`, not the number 2.1). */
  kumaVersion?: { version: KumaVersion; text: string };
  certificateWarningDays?: number;
  reportUnknownFields?: boolean;
  severity?: Record<string, SeverityOverride>;
  /** The control plane to analyse against (language server); null: written as off. */
  controlPlane?: ControlPlaneSetting | null;
}

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

/** A severity as users write it (`warn`, `none`, any case); null for anything else. */
export function readSeverityOverride(level: unknown): SeverityOverride | null {
  return typeof level === 'string' ? (LEVELS[level.toLowerCase()] ?? null) : null;
}

/** Diagnostics with severity overrides applied: `off` drops a code, a severity replaces its own. */
export function applySeverityOverrides<D extends Diagnostic>(diagnostics: readonly D[], overrides: Readonly<Record<string, SeverityOverride>>): D[] {
  const out: D[] = [];
  for (const d of diagnostics) {
    const level = overrides[d.code];
    if (level === 'off') continue;
    out.push(level ? { ...d, severity: level } : d);
  }
  return out;
}

/**
 * Reads a project file's text. Every problem (YAML, a key it does not know, a value of the wrong
 * kind, a version out of range) is a `project-settings` error at its node, and the setting is
 * left unset; the rest still applies.
 */
export function readProjectSettings(file: string, text: string): { settings: ProjectSettings; problems: Diagnostic[] } {
  const parsed = parseFile(file, text);
  const problems: Diagnostic[] = parsed.diagnostics.filter((d) => d.severity === 'error');
  const settings: ProjectSettings = {};
  const root = parsed.documents[0]?.root ?? null;
  const problem = (node: YNode, message: string) =>
    problems.push(diagnostic({ code: 'project-settings', severity: 'error', file, span: node.span, message }));
  if (root === null) return { settings, problems };
  if (root.kind !== 'map') {
    problem(root, `${PROJECT_FILE} holds a map of settings (kumaVersion, certificateWarningDays, reportUnknownFields, severity, controlPlane).`);
    return { settings, problems };
  }
  for (const { key, value } of root.pairs) {
    const name = String(key.value);
    const scalar: YScalar | null = value.kind === 'scalar' ? value : null;
    if (name === 'kumaVersion') {
      const read = scalar && scalar.type !== 'null' ? readKumaVersion(scalar.source) : { error: 'kumaVersion takes a version such as 2.7 or 2.14.2.' };
      if ('error' in read) problem(value, read.error);
      else settings.kumaVersion = { version: read.version, text: scalar!.source };
    } else if (name === 'certificateWarningDays') {
      if (scalar?.type === 'number' && Number.isInteger(scalar.value) && (scalar.value as number) >= 0) settings.certificateWarningDays = scalar.value as number;
      else problem(value, 'certificateWarningDays takes a whole number of days (0 or more).');
    } else if (name === 'reportUnknownFields') {
      if (scalar?.type === 'boolean') settings.reportUnknownFields = scalar.value as boolean;
      else problem(value, 'reportUnknownFields takes true or false.');
    } else if (name === 'severity') {
      settings.severity = readSeverityMap(value, problem);
    } else if (name === 'controlPlane') {
      const read = readControlPlaneSetting(plainValue(value));
      if ('error' in read) {
        // At the field it is about: the key when unknown, else its value; the whole value otherwise.
        const pair = read.key !== undefined && value.kind === 'map' ? value.pairs.find((p) => p.key.value === read.key) : undefined;
        problem(pair ? (read.unknownKey ? pair.key : pair.value) : value, read.error);
      } else {
        settings.controlPlane = read.setting;
      }
    } else {
      problem(key, `Unknown setting "${name}": ${PROJECT_FILE} knows kumaVersion, certificateWarningDays, reportUnknownFields, severity and controlPlane.`);
    }
  }
  return { settings, problems };
}

function readSeverityMap(node: YNode, problem: (node: YNode, message: string) => void): Record<string, SeverityOverride> {
  const out: Record<string, SeverityOverride> = {};
  if (node.kind !== 'map') {
    problem(node, 'severity maps diagnostic codes to error, warning, info, hint or off.');
    return out;
  }
  for (const { key, value } of node.pairs) {
    const level = value.kind === 'scalar' ? readSeverityOverride(value.value) : null;
    if (level) out[String(key.value)] = level;
    else problem(value, `severity of ${String(key.value)}: write error, warning, info, hint or off.`);
  }
  return out;
}
