import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_CAPABILITIES, startLsp } from './lsp-process.js';

const ROOT = join(import.meta.dirname, '../..');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'packages/cli/package.json'), 'utf8')) as { version: string }).version;
const HAS_LSP_COMMAND = /name:\s*'lsp'/.test(readFileSync(join(ROOT, 'packages/cli/src/commands/index.ts'), 'utf8'));
const NOW = '2026-01-15T00:00:00Z';
const run = promisify(execFile);

/** `unshare -n` when this machine allows it: the command then runs with no network at all. */
function offline(command: string, args: string[]): [string, string[]] {
  const probe = spawnSync('unshare', ['-n', 'true']);
  return probe.status === 0 ? ['unshare', ['-n', '--', command, ...args]] : [command, args];
}

async function exec(file: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(file, args, { cwd: ROOT, env: { ...process.env, MESHGW_NOW: NOW, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run pack', () => {
  let dir: string;
  let tarball: string;
  let meshgw: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'meshgw-pack-test-'));
    execFileSync(process.execPath, [join(ROOT, 'scripts/pack.mjs'), '--skip-build', '--out-dir', join(dir, 'out')], { cwd: ROOT, stdio: 'pipe' });
    tarball = join(dir, 'out', `meshgw-${VERSION}.tgz`);
    const prefix = join(dir, 'prefix');
    const npm = ['install', '-g', '--prefix', prefix, '--cache', join(dir, 'npm-cache'), '--no-audit', '--no-fund', tarball];
    const [command, args] = offline('npm', npm);
    execFileSync(command, args, { cwd: dir, stdio: 'pipe' });
    meshgw = join(prefix, 'bin', 'meshgw');
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('builds meshgw-<version>.tgz holding the bundle and no dependencies', () => {
    const listed = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
    // The bundle's shared and lazily loaded chunks: dist/main.chunk-<hash>.js.
    const chunks = listed.filter((f) => /^package\/dist\/main\.chunk-[\w-]+\.js$/.test(f));
    expect(chunks.length).toBeGreaterThan(0);
    const files = listed.filter((f) => !chunks.includes(f)).sort();
    expect(files).toEqual([
      'package/LICENSE',
      'package/README.md',
      'package/bin/meshgw.js',
      'package/dist/engine-worker.js',
      'package/dist/main.js',
      'package/docs/diagnostics.md',
      'package/docs/editors.md',
      'package/package.json',
    ]);
    const manifest = JSON.parse(execFileSync('tar', ['xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: 'meshgw', version: VERSION, license: 'Apache-2.0', bin: { meshgw: 'bin/meshgw.js' } });
    expect(manifest.dependencies).toBeUndefined();
  });

  it('installs with npm install -g from the file alone and puts meshgw on the prefix PATH', async () => {
    expect(existsSync(meshgw)).toBe(true);
    const out = await exec(meshgw, ['--version']);
    expect(out).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
  });

  it('runs meshgw check on examples/ exactly as the workspace build does', async () => {
    const installed = await exec(meshgw, ['check', '--format', 'json', 'examples']);
    const workspace = await exec(process.execPath, [join(ROOT, 'packages/cli/bin/meshgw.js'), 'check', '--format', 'json', 'examples']);
    expect(installed.code).toBe(1);
    expect(installed.stderr).toBe('');
    const report = JSON.parse(installed.stdout) as { files: unknown[]; summary: { errors: number } };
    expect(report.files.length).toBeGreaterThan(50);
    expect(report.summary.errors).toBeGreaterThan(0);
    expect(installed.stdout).toBe(workspace.stdout);
  });

  it('passes a valid example with exit code 0', async () => {
    const out = await exec(meshgw, ['check', 'examples/edge-gateway']);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
  });

  it('prints the schema and the merged gateway', async () => {
    const schema = await exec(meshgw, ['schema', '--kind', 'MeshGateway']);
    expect(schema.code).toBe(0);
    expect(JSON.parse(schema.stdout)).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#' });
    const inspect = await exec(meshgw, ['inspect', 'examples/edge-gateway']);
    expect(inspect.code).toBe(0);
    expect(inspect.stdout).toContain('edge-gateway');
  });

  it('ships every docs/ file the help texts name, and links SARIF rules to the shipped copy', async () => {
    const installed = join(dirname(dirname(meshgw)), 'lib', 'node_modules', 'meshgw');
    for (const command of ['lsp', 'schema', 'check', 'inspect', 'tui']) {
      const help = await exec(meshgw, [command, '--help']);
      for (const [, doc] of help.stdout.matchAll(/docs\/([\w.-]+\.md)/g)) expect(existsSync(join(installed, 'docs', doc)), `${command} --help names docs/${doc}`).toBe(true);
    }
    const sarif = await exec(meshgw, ['check', '--format', 'sarif', 'examples/broken/gateway-no-conf.yaml']);
    const uri = new URL(JSON.parse(sarif.stdout).runs[0].tool.driver.informationUri as string);
    if (uri.protocol === 'file:') expect(fileURLToPath(uri)).toBe(join(realpathSync(installed), 'docs', 'diagnostics.md'));
    else expect(uri.protocol).toBe('https:');
  });

  it.skipIf(!HAS_LSP_COMMAND)('starts the language server with meshgw lsp --stdio', async () => {
    const server = startLsp(meshgw, ['lsp', '--stdio']);
    try {
      const init = (await server.connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(ROOT).href,
        capabilities: CLIENT_CAPABILITIES,
      })) as { capabilities: { hoverProvider?: unknown } };
      expect(init.capabilities.hoverProvider).toBeTruthy();
    } finally {
      await server.close();
    }
  });
});
