/**
 * End to end in a real terminal: `meshgw tui` runs in a tmux session of fixed size, keys go in
 * with `send-keys`, the screen comes back with `capture-pane`. Skipped when tmux is missing,
 * unless MESHGW_E2E=1 (CI), where a missing tmux fails.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeControlPlane, type FakeControlPlane } from '../support/fake-control-plane.js';
import { ADMIN_TOKEN, startControlPlane } from '../tui/support/live.js';

const ROOT = join(import.meta.dirname, '..', '..');
const MESHGW = join(ROOT, 'packages', 'cli', 'bin', 'meshgw.js');
const required = process.env.MESHGW_E2E === '1';
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const SESSION = 'tui';
/** A private tmux server per test: a new server on a socket whose old server is still exiting can fail to start. */
let socket = '';
let sockets = 0;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
}

function screen(): string {
  return tmux('capture-pane', '-p', '-t', SESSION)
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n');
}

/** Polls the pane until it shows `check` (text, pattern or predicate); fails with the screen after `ms`. */
async function waitFor(check: string | RegExp | ((screen: string) => boolean), ms = 15_000): Promise<string> {
  const test = typeof check === 'string' ? (s: string) => s.includes(check) : check instanceof RegExp ? (s: string) => check.test(s) : check;
  const end = Date.now() + ms;
  let last = '';
  while (Date.now() < end) {
    last = screen();
    if (test(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${String(check)}; the screen was:\n${last}`);
}

/** One key per call: tmux may deliver several keys as one chunk. */
function send(...keys: string[]): void {
  for (const key of keys) tmux('send-keys', '-t', SESSION, key);
}

function type(text: string): void {
  tmux('send-keys', '-t', SESSION, '-l', text);
}

function start(args: string[], env: Record<string, string>, size = { x: 120, y: 32 }): void {
  const vars = Object.entries(env).map(([k, v]) => `${k}=${v}`);
  // Ink draws nothing until exit when CI is set, so the app runs without it.
  socket = `meshgw-e2e-${process.pid}-${++sockets}`;
  const command = ['env', '-u', 'CI', ...vars, process.execPath, MESHGW, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  tmux('new-session', '-d', '-s', SESSION, '-x', String(size.x), '-y', String(size.y), `cd '${ROOT}' && ${command}; echo EXIT=$?; sleep 120`);
}

describe.skipIf(!hasTmux && !required)('meshgw tui in tmux', () => {
  let cp: FakeControlPlane;

  beforeAll(async () => {
    if (!hasTmux) throw new Error('tmux is not installed; MESHGW_E2E=1 needs it (apt-get install -y tmux).');
    cp = await startControlPlane();
  });

  afterEach(() => {
    if (socket === '') return;
    const path = spawnSync('tmux', ['-L', socket, 'display-message', '-p', '#{socket_path}'], { encoding: 'utf8' }).stdout.trim();
    spawnSync('tmux', ['-L', socket, 'kill-server']);
    if (path !== '') rmSync(path, { force: true });
    socket = '';
  });

  afterAll(async () => {
    await cp?.close();
  });

  it('browses a live control plane: merged listeners, final tags, days left, then certificates by expiry', async () => {
    start(['tui', '--cp', cp.url], { MESHGW_NOW: '2027-01-05T00:00:00Z', MESHGW_TOKEN: ADMIN_TOKEN });
    let s = await waitFor('> edge');
    expect(s).toMatch(/^meshgw {2}Kuma 2\.14\.3 {2}zone default {2}http:\/\/127\.0\.0\.1:\d+ +refreshed just now \(00:00:00 UTC\)$/m);
    expect(s).toMatch(/^> edge {9}default {3}default {2}80\/HTTP 443\/HTTPS {10}3 {8}1\/3 {2}36461d left$/m);
    expect(s).toMatch(/^ {2}pay-gw {7}payments {2}default {2}8443\/HTTPS {17}2 {8}1\/1 {2}5d left$/m);
    expect(tmux('display', '-p', '-t', SESSION, '#{alternate_on}').trim()).toBe('1');

    send('Enter');
    s = await waitFor('gateways › default/edge');
    expect(s).toContain('DATAPLANES  1/3 online');
    expect(s).toContain('  ● online   edge-1  10.0.0.11  zone default');
    expect(s).toContain('  :443 HTTPS  hostnames one.example.com, two.example.com  no connection limit');
    expect(s).toContain('    listener [0] one.example.com  HTTPS  TLS TERMINATE');
    expect(s).toContain('      cert  edge-cert  36461d left  2126-11-03  RSA 2048  ✓ covers host');
    expect(s).toContain('      tag   hostname         one      listener');
    expect(s).toContain('      tag   kuma.io/service  edge     dataplane');

    send(':');
    await waitFor(':_');
    type('certs');
    await waitFor(':certs_');
    send('Enter');
    s = await waitFor(/^certificates {2}\[3\]$/m);
    const rows = s.split('\n').filter((l) => / left /.test(l)).map((l) => l.replace(/^> /, '').trim().split(/\s{2,}/).slice(0, 4));
    expect(rows).toEqual([
      ['5d left', '2027-01-10', 'payments', 'promo'],
      ['36461d left', '2126-11-03', 'default', 'edge-cert'],
      ['36461d left', '2126-11-03', 'payments', 'pay-cert'],
    ]);

    send('q');
    await waitFor('EXIT=0');
    expect(tmux('display', '-p', '-t', SESSION, '#{alternate_on}').trim()).toBe('0');
  });

  it('lays a folder over the control plane: a DIFF column, and d shows what applying it changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'meshgw-e2e-overlay-'));
    try {
      const listeners = [
        '{ hostname: one.example.com, port: 443, protocol: HTTPS, tags: { hostname: one }, tls: { mode: TERMINATE, certificates: [{ secret: edge-cert }] } }',
        '{ hostname: two.example.com, port: 443, protocol: HTTPS, tags: { hostname: two }, tls: { mode: TERMINATE, certificates: [{ secret: edge-cert }] } }',
        '{ port: 80, protocol: HTTP }',
      ];
      const edge = ['type: MeshGateway', 'mesh: default', 'name: edge', 'selectors: [{ match: { kuma.io/service: edge } }]', 'tags: { team: web }', 'conf:', '  listeners:', ...listeners.map((l) => `    - ${l}`), ''];
      writeFileSync(join(dir, 'edge.yaml'), edge.join('\n'));
      start(['tui', '--cp', cp.url, dir], { MESHGW_NOW: '2027-01-05T00:00:00Z', MESHGW_TOKEN: ADMIN_TOKEN });
      let s = await waitFor('> edge');
      expect(s.split('\n')[0]).toContain('+ files /');
      expect(s).toMatch(/^> edge +changed +default/m);
      expect(s).toMatch(/^ {2}internal +- +default/m);
      expect(s).toContain('<d> diff');
      send('d');
      s = await waitFor('gateways › diff default/edge');
      expect(s).toContain('Applying the files: 3 listeners changed');
      expect(s).toContain('--- MeshGateway edge (mesh default)  cp:/meshes/default/meshgateways/edge');
      expect(s).toContain('+        team  web  (gateway)');
      send('Escape');
      await waitFor((screen) => screen.includes('> edge') && !screen.includes('diff default/edge'));
      send('q');
      await waitFor('EXIT=0');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the last data when the control plane fails, and recovers', async () => {
    start(['tui', '--cp', cp.url, '--refresh', '1'], { MESHGW_TOKEN: ADMIN_TOKEN });
    await waitFor('> edge');
    cp.setFault(/.*/, { kind: 'reset' });
    let s = await waitFor('Refresh failed');
    expect(s).toContain('> edge');
    expect(s).toMatch(/STALE: refreshed \d+ s ago/);
    cp.clearFaults();
    s = await waitFor((screen) => !screen.includes('Refresh failed') && screen.includes('> edge'));
    expect(s).not.toContain('STALE');
    send('q');
    await waitFor('EXIT=0');
  });

  it('shows the example files as `npm start` does, and lays out again when the terminal shrinks', async () => {
    start(['tui', 'examples'], { MESHGW_NOW: '2026-06-01T00:00:00Z' });
    let s = await waitFor(/^gateways {2}\[\d+\]$/m);
    expect(s).toContain('files examples');
    send('/');
    await waitFor('/_');
    type('edge-gateway');
    s = await waitFor('/edge-gateway_');
    expect(s).toMatch(/^> edge-gateway +(?:[!✗] +)?default +- +8080\/HTTP 8443\/HTTPS +3 +1 +\d+d left/m);
    send('Enter');
    await waitFor('<enter> open');
    send('Enter');
    s = await waitFor('gateways › default/edge-gateway');
    expect(s).toContain('  :8080 HTTP  hostnames bar.example.com, foo.example.com  no connection limit');
    expect(s).toContain('      tag   environment      staging          listener  (overrides gateway production)');
    tmux('resize-window', '-t', SESSION, '-x', '40', '-y', '8');
    await waitFor('Terminal too small (40×8)');
    tmux('resize-window', '-t', SESSION, '-x', '70', '-y', '16');
    s = await waitFor('gateways › default/edge-gateway');
    expect(s.split('\n').every((l) => l.length <= 70)).toBe(true);
    send('q');
    await waitFor('EXIT=0');
  });

  it('starts on the current kumactl context and switches with :ctx', async () => {
    const other = await startFakeControlPlane({
      adminToken: ADMIN_TOKEN,
      data: {
        meshes: [{ name: 'default' }],
        gateways: [{ mesh: 'default', name: 'other-gw', selectors: [{ match: { 'kuma.io/service': 'other' } }], conf: { listeners: [{ port: 9000, protocol: 'TCP' }] } }],
        dataplanes: [],
        secrets: [],
      },
    });
    const home = mkdtempSync(join(tmpdir(), 'meshgw-e2e-home-'));
    try {
      mkdirSync(join(home, '.kumactl'));
      writeFileSync(
        join(home, '.kumactl', 'config'),
        [
          'currentContext: first',
          'contexts:',
          '  - name: first',
          '    controlPlane: first',
          '  - name: second',
          '    controlPlane: second',
          'controlPlanes:',
          '  - name: first',
          '    coordinates:',
          `      apiServer: { url: "${cp.url}" }`,
          '  - name: second',
          '    coordinates:',
          `      apiServer: { url: "${other.url}" }`,
          '',
        ].join('\n'),
      );
      start(['tui'], { HOME: home, MESHGW_TOKEN: ADMIN_TOKEN });
      let s = await waitFor('> edge');
      expect(s.split('\n')[0]).toMatch(/^meshgw {2}ctx first {2}Kuma 2\.14\.3/);
      send(':');
      await waitFor(':_');
      type('ctx second');
      await waitFor(':ctx second_');
      send('Enter');
      s = await waitFor('> other-gw');
      expect(s.split('\n')[0]).toMatch(/^meshgw {2}ctx second {2}Kuma 2\.14\.3/);
      expect(s).toContain('Switched to context second.');
      send('q');
      await waitFor('EXIT=0');
    } finally {
      rmSync(home, { recursive: true, force: true });
      await other.close();
    }
  });
});
