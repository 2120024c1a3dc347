import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const MESHGW = join(ROOT, 'packages', 'cli', 'bin', 'meshgw.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `meshgw` command as a subprocess from the repository root; `input` is its
 * standard input (none: an empty one).
 */
export function runCli(args: string[], options: { env?: Record<string, string>; cwd?: string; input?: string } = {}): CliRun {
  const r = spawnSync(process.execPath, [MESHGW, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...process.env, NO_COLOR: '1', MESHGW_NOW: '2026-06-01T00:00:00Z', ...options.env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
