import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { docUri } from '../../packages/cli/src/docs-location.js';
import { ROOT, runCli } from '../support/run-cli.js';

let dir: string;
const GOOD = `type: MeshGateway
mesh: default
name: edge
selectors:
  - match:
      kuma.io/service: edge
conf:
  listeners:
    - port: 8080
      protocol: HTTP
      hostname: foo.example.com
`;
// Kuma: conf.listeners[0].port: port must be in the range [1, 65535]
const BAD_PORT = GOOD.replace('port: 8080', 'port: 0');
const ESC = '\u001b[';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'meshgw-check-options-'));
  writeFileSync(join(dir, 'bad.yaml'), BAD_PORT);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('meshgw check -', () => {
  it('reads standard input, named <stdin> in the output', () => {
    const r = runCli(['check', '--format', 'json', '-'], { input: BAD_PORT });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.files.map((f: { file: string }) => f.file)).toEqual(['<stdin>']);
    expect(out.files[0].diagnostics[0]).toMatchObject({ path: 'conf.listeners[0].port', range: { start: { line: 8, character: 12 } } });
    const text = runCli(['check', '-'], { input: BAD_PORT });
    expect(text.stdout).toContain('<stdin>:9:13 error');
  });

  it('reads standard input next to files, as one workspace', () => {
    const r = runCli(['check', '--format', 'json', join(dir, 'bad.yaml'), '-'], { input: GOOD.replace('name: edge', 'name: other') });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.files.map((f: { file: string }) => f.file)).toEqual([join(dir, 'bad.yaml'), '<stdin>']);
    expect(out.summary.resources).toBe(2);
  });

  it('passes clean standard input with exit 0', () => {
    const r = runCli(['check', '-'], { input: GOOD });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No problems found.');
  });
});

describe('meshgw check --format', () => {
  it('takes text as the same as stylish, and keeps stylish', () => {
    const text = runCli(['check', '--format', 'text', join(dir, 'bad.yaml')]);
    const stylish = runCli(['check', '--format', 'stylish', join(dir, 'bad.yaml')]);
    const plain = runCli(['check', join(dir, 'bad.yaml')]);
    expect(text.code).toBe(1);
    expect(text.stdout).toBe(stylish.stdout);
    expect(text.stdout).toBe(plain.stdout);
  });

  it('names every format in the help and in the error', () => {
    expect(runCli(['check', '--help']).stdout).toContain('--format text|json|sarif');
    const r = runCli(['check', '--format', 'xml', join(dir, 'bad.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format must be text (or stylish), json or sarif, not "xml"');
  });
});

describe('colours of meshgw check', () => {
  const file = () => join(dir, 'bad.yaml');

  it('are off without a terminal', () => {
    expect(runCli(['check', file()], { env: { NO_COLOR: '', FORCE_COLOR: '' } }).stdout).not.toContain(ESC);
  });

  it('are on with FORCE_COLOR set, even without a terminal', () => {
    for (const value of ['1', 'true', '3']) {
      const r = runCli(['check', file()], { env: { NO_COLOR: '', FORCE_COLOR: value } });
      expect(r.stdout, `FORCE_COLOR=${value}`).toContain(`${ESC}31merror`);
    }
  });

  it('are off with NO_COLOR set, which wins over FORCE_COLOR, and with --no-color', () => {
    expect(runCli(['check', file()], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toContain(ESC);
    expect(runCli(['check', '--no-color', file()], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).not.toContain(ESC);
  });

  it('never reach the JSON forms', () => {
    const r = runCli(['check', '--format', 'json', file()], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(r.stdout).not.toContain(ESC);
  });
});

describe('MESHGW_NOW', () => {
  it('rejects a value that is not an ISO 8601 date with exit 2 and says what it takes', () => {
    for (const value of ['garbage', '1', '2026-13-45', 'yesterday']) {
      const r = runCli(['check', join(dir, 'bad.yaml')], { env: { MESHGW_NOW: value } });
      expect(r.code, value).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`meshgw: MESHGW_NOW must be an ISO 8601 date such as 2026-06-01T00:00:00Z, not "${value}"\n`);
    }
  });

  it('stops the standalone language server the same way, before it speaks', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'server/dist/main.js'), '--stdio'], { encoding: 'utf8', input: '', env: { ...process.env, MESHGW_NOW: 'garbage' }, timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('MESHGW_NOW must be an ISO 8601 date such as 2026-06-01T00:00:00Z, not "garbage"');
  });

  it('takes a date or a date and time', () => {
    for (const value of ['2026-06-01', '2026-06-01T00:00:00Z', '2026-06-01T02:00:00.000+02:00']) {
      expect(runCli(['check', join(dir, 'bad.yaml')], { env: { MESHGW_NOW: value } }).code, value).toBe(1);
    }
  });
});

describe('meshgw check --format sarif', () => {
  it('links the tool and every rule with absolute URIs of docs/diagnostics.md', () => {
    const r = runCli(['check', '--format', 'sarif', join(dir, 'bad.yaml')]);
    expect(r.code).toBe(1);
    const driver = JSON.parse(r.stdout).runs[0].tool.driver as { informationUri: string; rules: { id: string; helpUri: string }[] };
    const info = new URL(driver.informationUri);
    expect(['https:', 'file:']).toContain(info.protocol);
    expect(info.pathname).toMatch(/\/docs\/diagnostics\.md$/);
    if (info.protocol === 'file:') expect(readFileSync(fileURLToPath(info), 'utf8')).toContain('# ');
    expect(driver.rules.length).toBeGreaterThan(0);
    for (const rule of driver.rules) expect(rule.helpUri).toBe(`${info.href}#${rule.id}`);
  });
});

describe('where the SARIF links point', () => {
  const entry = 'file:///opt/meshgw/dist/main.js';

  it('is the repository of the manifest when it names one', () => {
    expect(docUri('diagnostics.md', { repository: { type: 'git', url: 'git+https://example.com/org/meshgw.git' } }, entry)).toBe('https://example.com/org/meshgw/blob/HEAD/docs/diagnostics.md');
    expect(docUri('diagnostics.md', { homepage: 'https://meshgw.example.com' }, entry)).toBe('https://meshgw.example.com/docs/diagnostics.md');
  });

  it('is the copy shipped next to the command otherwise', () => {
    expect(docUri('diagnostics.md', {}, entry, (p) => p === '/opt/meshgw/docs/diagnostics.md')).toBe('file:///opt/meshgw/docs/diagnostics.md');
    expect(docUri('diagnostics.md', {}, 'file:///r/packages/cli/dist/main.js', (p) => p === '/r/docs/diagnostics.md')).toBe('file:///r/docs/diagnostics.md');
  });
});
