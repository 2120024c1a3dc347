import { spawn } from 'node:child_process';
import { MESHGW, ROOT, type CliRun } from './run-cli.js';

/**
 * Runs `meshgw` without blocking this process, so that a server in this process (the test
 * control plane) can answer it.
 */
export function runCliAsync(args: string[], options: { env?: Record<string, string> } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MESHGW, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', MESHGW_NOW: '2026-06-01T00:00:00Z', HOME: '/nonexistent-home', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
