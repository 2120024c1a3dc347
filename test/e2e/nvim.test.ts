import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, REPO, SERVER_MAIN } from '../server/support/lsp-client.js';
import { startFakeControlPlane } from '../support/fake-control-plane.js';
import { ADMIN_TOKEN } from '../support/fake-cp-data.js';

/**
 * Headless Neovim (0.7+) as a real LSP client: `nvim-lsp.lua` opens the examples, reads the
 * pushed diagnostics, hovers a listener, asks for completions, jumps to a definition, lists
 * references and asks for inlay hints. Skipped when `nvim` is not installed, unless
 * MESHGW_E2E=1 (then a missing nvim fails).
 */
const hasNvim = spawnSync('nvim', ['--version'], { stdio: 'ignore' }).error === undefined;
const required = process.env.MESHGW_E2E === '1';

interface NvimResult {
  initialized: boolean;
  errors: string[];
  diagnostics: { lnum: number; col: number; end_lnum: number; end_col: number; severity: number; source: string; message: string }[];
  published_codes: string[];
  hover: string;
  completion: { protocol: string[]; secret: string[]; tags: string[] };
  definition: { file: string; line: number; col: number; text: string };
  references: string[];
  inlay_hints: string[];
  quick_fixes: string[];
  fixed_tags: string[];
  secrets_severities: string[];
}

/** The server's clock: the example certificates expire at 2095-12-31T23:59:59Z, 23 whole days later. */
const NOW = '2095-12-08T00:00:00Z';

function runNvim(script = 'nvim-lsp.lua', env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${resolve(REPO, 'test/e2e', script)}`], {
      cwd: REPO,
      env: { ...process.env, MESHGW_NOW: NOW, EXAMPLES, LSP_CMD: `${process.execPath} ${SERVER_MAIN} --stdio`, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', (error) => fail(new Error(`nvim could not start (${error.message}); install Debian's neovim package or unset MESHGW_E2E`)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

describe('Neovim end to end', () => {
  it.skipIf(!hasNvim && !required)('shows Kuma errors, a listener hover, completions, definitions, references, inlay hints and a quick fix', async () => {
    const run = await runNvim();
    const line = run.stdout.split('\n').find((l) => l.startsWith('MESHGW_RESULT '));
    expect(line, `no result from nvim; stderr: ${run.stderr}`).toBeDefined();
    const result = JSON.parse(line!.slice('MESHGW_RESULT '.length)) as NvimResult;
    expect(run.code).toBe(0);
    expect(result.errors).toEqual([]);
    expect(result.initialized).toBe(true);

    expect(result.diagnostics).toContainEqual({
      lnum: 16,
      col: 8,
      end_lnum: 16,
      end_col: 23,
      severity: 1,
      source: 'kuma',
      message: 'conf.listeners[0].tags["kuma.io/service"]: tag name must not be "kuma.io/service"',
    });
    expect(result.published_codes).toContain('gateway-listener-tags');

    const hover = result.hover.split('\n');
    expect(hover[0]).toBe('**Listener #2** of MeshGateway `edge-gateway` (mesh `default`): HTTPS on port 8443, `secure.example.com`');
    expect(hover).toContain('**Port 8443** · HTTPS · 1 listener');
    expect(hover).toContain('| #2 (this) | secure.example.com | HTTPS | TERMINATE | secure-example-com-rsa, secure-example-com-ecdsa |');
    const rows = hover.slice(hover.indexOf('| key | value | from |') + 2).filter((l, i, all) => all.slice(0, i + 1).every((x) => x.startsWith('|')));
    expect(rows).toEqual([
      '| environment | production | gateway |',
      '| kuma.io/service | edge-gateway | dataplane |',
      '| location | us | dataplane |',
      '| port | https/8443 | listener |',
      '| team | edge | gateway |',
      '| vhost | secure.example.com | listener |',
    ]);

    expect(result.completion.protocol).toEqual(['HTTP', 'HTTPS', 'TCP', 'TLS']);
    expect(result.completion.secret).toEqual(expect.arrayContaining(['secure-example-com-ecdsa', 'secure-example-com-rsa', 'broker-example-com-ecdsa']));
    expect(result.completion.tags).toEqual(expect.arrayContaining(['environment', 'location', 'port', 'team']));
    expect(result.completion.tags).not.toContain('vhost');
    expect(result.completion.tags).not.toContain('kuma.io/service');

    // vim.lsp.buf.definition() on `secret: secure-example-com-ecdsa` jumps to the Secret's name.
    expect(result.definition).toEqual({ file: 'secrets.yaml', line: 12, col: 6, text: 'name: secure-example-com-ecdsa' });
    // vim.lsp.buf.references() on the gateway's name: its attached routes and bound dataplane.
    expect(result.references).toEqual([
      'dataplane.yaml:6',
      'route-well-known.yaml:5',
      'routes.yaml:103',
      'routes.yaml:4',
      'routes.yaml:41',
      'routes.yaml:60',
    ]);
    expect(result.inlay_hints).toEqual([
      '14: 8080/HTTP · 2 hosts · service=edge-gateway',
      '20: 8080/HTTP · 2 hosts · service=edge-gateway',
      '27: 8443/HTTPS · 1 host · service=edge-gateway',
      '33: expires in 23 d',
      '34: expires in 23 d',
    ]);
    // `severity` from init_options: the expiring certificates are errors (1), not warnings (2).
    expect(result.secrets_severities).toEqual(['certificate-expiring=1', 'certificate-expiring=1']);
    // The code action on the forbidden tag removes it; the listener keeps its other tag.
    expect(result.quick_fixes).toEqual(['Remove the tag "kuma.io/service"']);
    expect(result.fixed_tags).toEqual(['      tags:', '        domain: example.com']);
  });

  it.skipIf(!hasNvim && !required)('shows a live dataplane\'s tag in a hover when meshgw.controlPlane is set', async () => {
    const cp = await startFakeControlPlane({
      adminToken: ADMIN_TOKEN,
      data: {
        meshes: [{ name: 'default' }],
        dataplanes: [{ mesh: 'default', name: 'edge-1', address: '10.0.0.11', gateway: { type: 'BUILTIN', tags: { 'kuma.io/service': 'edge', region: 'eu-west' } }, online: true }],
        gateways: [],
        secrets: [],
      },
    });
    const folder = mkdtempSync(join(tmpdir(), 'meshgw-nvim-live-'));
    try {
      writeFileSync(join(folder, 'token'), ADMIN_TOKEN);
      writeFileSync(
        join(folder, 'gateway.yaml'),
        'type: MeshGateway\nmesh: default\nname: edge\nselectors:\n  - match:\n      kuma.io/service: edge\nconf:\n  listeners:\n    - port: 8080\n      protocol: HTTP\n',
      );
      const run = await runNvim('nvim-live.lua', { FOLDER: folder, CP_URL: cp.url, TOKEN_FILE: 'token' });
      const line = run.stdout.split('\n').find((l) => l.startsWith('MESHGW_RESULT '));
      expect(line, `no result from nvim; stderr: ${run.stderr}`).toBeDefined();
      const result = JSON.parse(line!.slice('MESHGW_RESULT '.length)) as { errors: string[]; statuses: string[]; messages: string[]; hover: string; refreshed: string };
      expect(result.errors).toEqual([]);
      expect(result.statuses).toContain('connected');
      expect(result.hover.split('\n')).toContain('| region | eu-west | dataplane · live edge-1 (online) |');
      expect(result.hover).toContain('Bound Dataplane: live `edge-1` (10.0.0.11, online), through selector #0.');
      expect(result.refreshed).toBe('connected');
      expect(result.messages).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
      await cp.close();
    }
  });
});
