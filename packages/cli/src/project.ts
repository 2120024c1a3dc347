import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  DEFAULT_KUMA_VERSION,
  formatKumaVersion,
  PROJECT_FILE,
  readKumaVersion,
  readProjectSettings,
  spanToRange,
  computeLineStarts,
  controlPlaneTarget,
  type Diagnostic,
  type KumaVersion,
  type LineStarts,
  type ProjectSettings,
} from '@meshgw/engine';
import { UsageError, stringFlag, type FlagSpec, type ParsedArgs } from './args.js';

/** The project file that applies to the paths, and what it sets. */
export interface Project {
  file: string | null;
  settings: ProjectSettings;
}

/**
 * Finds `.meshgw.yaml` going up from each path (a folder, or a file's folder) and reads it. Two
 * paths under different project files that disagree is a usage error; so is a project file with
 * problems (each printed as `file:line:col message`).
 */
export async function loadProject(paths: readonly string[]): Promise<Project> {
  const found = new Set<string>();
  for (const p of paths.length > 0 ? paths : ['.']) {
    const file = await findUpward(p);
    if (file) found.add(file);
  }
  const read: { file: string; text: string; settings: ProjectSettings }[] = [];
  for (const file of found) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const { settings, problems } = readProjectSettings(file, text);
    if (problems.length > 0) {
      const lineStarts = computeLineStarts(text);
      throw new UsageError(problems.map((d) => located(file, lineStarts, text.length, d)).join('\n'));
    }
    read.push({ file, text, settings });
  }
  if (read.length === 0) return { file: null, settings: {} };
  const differing = read.find((r) => JSON.stringify(r.settings) !== JSON.stringify(read[0].settings));
  if (differing) throw new UsageError(`the paths fall under project files that disagree: ${read[0].file} and ${differing.file}; check them separately`);
  return { file: read[0].file, settings: read[0].settings };
}

async function findUpward(path: string): Promise<string | null> {
  let dir = resolve(path);
  try {
    if (!(await stat(dir)).isDirectory()) dir = dirname(dir);
  } catch {
    dir = dirname(dir);
  }
  for (;;) {
    const candidate = join(dir, PROJECT_FILE);
    try {
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      // not here: go up
    }
    if (dirname(dir) === dir) return null;
    dir = dirname(dir);
  }
}

function located(file: string, lineStarts: LineStarts, length: number, d: Diagnostic): string {
  const { start } = spanToRange(lineStarts, d.span, length);
  return `${file}:${start.line + 1}:${start.character + 1}: ${d.message}`;
}

/** The target version and where it came from, in the words the outputs use. */
export interface Target {
  version: KumaVersion;
  /** As given (`2.7`, `2.14.2`), or the default `2.14`. */
  text: string;
  source: 'flag' | 'project file' | 'control plane' | 'default';
  /** The project file, when it decided. */
  file?: string;
  /** Said on stderr: the control plane runs a version meshgw does not support. */
  warning?: string;
}

/**
 * Chooses the target version: `--kuma-version`, then the project file, then what the control
 * plane reports (when there is one), then the default. Out of range is a usage error naming the
 * supported range; a control plane that runs a version meshgw does not support gets the nearest
 * supported version's rules, with a warning.
 */
export function chooseTarget(args: ParsedArgs, project: Project, controlPlaneVersion?: string | null): Target {
  const pinned = pinnedTarget(args, project);
  if (pinned) return pinned;
  const live = controlPlaneTarget(controlPlaneVersion);
  if (live) {
    const target: Target = { version: live.version, text: formatKumaVersion(live.version), source: 'control plane' };
    return live.warning ? { ...target, warning: `${live.warning} Pass --kuma-version to choose.` } : target;
  }
  return { version: DEFAULT_KUMA_VERSION, text: formatKumaVersion(DEFAULT_KUMA_VERSION), source: 'default' };
}

/** The target the user pinned (`--kuma-version`, then the project file), or null. */
export function pinnedTarget(args: ParsedArgs, project: Project): Target | null {
  const flag = stringFlag(args, 'kuma-version');
  if (flag !== undefined) {
    const read = readKumaVersion(flag);
    if ('error' in read) throw new UsageError(`--kuma-version: ${read.error}`);
    return { version: read.version, text: flag.trim().replace(/^v/, ''), source: 'flag' };
  }
  if (project.settings.kumaVersion) {
    return { version: project.settings.kumaVersion.version, text: project.settings.kumaVersion.text, source: 'project file', file: project.file ?? undefined };
  }
  return null;
}

/** One line for text outputs: which rules applied and why. */
export function targetLine(target: Target): string {
  const why = {
    flag: 'from --kuma-version',
    'project file': `from ${target.file ?? PROJECT_FILE}`,
    'control plane': 'the version the control plane runs',
    default: 'the default; choose with --kuma-version or kumaVersion in .meshgw.yaml',
  }[target.source];
  return `Kuma ${target.text} rules (${why}).`;
}
