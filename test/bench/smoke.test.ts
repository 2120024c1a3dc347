import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** Runs `node bench/run.mjs --smoke` and collects its output; times are never asserted. */
function runSmoke(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bench', 'run.mjs'), '--smoke'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

it('runs every benchmark group at smoke size and prints its tables', { timeout: 240_000 }, async () => {
  const run = await runSmoke();
  expect(run.stderr).not.toMatch(/^bench: .*Error/m);
  expect(run.code).toBe(0);
  for (const title of [
    '### Language server: start, and a workspace of many files',
    '### Language server: one file of',
    '### Engine alone:',
    '### Terminal app and `meshgw inspect --cp`:',
    '### Targets',
  ]) {
    expect(run.stdout).toContain(title);
  }
  expect(run.stdout).toContain('| measure | meshgw | yaml-language-server 1.25.0 | ratio | target |');
  expect(run.stdout).toContain('| measure | measured | target |');
  expect(run.stdout).toContain('| target | measured | verdict |');
  expect(run.stdout).not.toMatch(/failed: |not measured: /);
});
