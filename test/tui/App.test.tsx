import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import type { FileInput } from '@meshgw/engine';
import { App, type FilesSource } from '@meshgw/tui';
import { manyGateways, NOW, testFiles } from './support/data.js';
import { KEY, lineWith, plain, sleep, waitForFrame } from './support/ink.js';

afterEach(() => cleanup());

interface Harness {
  lastFrame: () => string | undefined;
  write: (keys: string) => void;
  stdout: NodeJS.EventEmitter;
  /** Makes the next refreshes fail with this message, or succeed again with null. */
  failWith: (message: string | null) => void;
  clock: { now: Date };
}

function start(files: FileInput[] = testFiles()): Harness {
  let failure: string | null = null;
  const clock = { now: NOW };
  const source: FilesSource = {
    kind: 'files',
    paths: ['ws'],
    load: async () => {
      if (failure !== null) throw new Error(failure);
      return files;
    },
  };
  const r = render(<App source={source} refreshMs={60_000} now={() => clock.now} />);
  return { lastFrame: r.lastFrame, write: (keys) => r.stdin.write(keys), stdout: r.stdout, failWith: (m) => (failure = m), clock };
}

/** Sends keys one event at a time, waiting for each to show (a frame change). */
async function press(h: Harness, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    const before = plain(h.lastFrame());
    h.write(key);
    const end = Date.now() + 2000;
    while (plain(h.lastFrame()) === before && Date.now() < end) await sleep(5);
  }
}

describe('gateway list', () => {
  it('shows each gateway with its merged ports, listeners, dataplanes and worst certificate', async () => {
    const h = start();
    const frame = await waitForFrame(h.lastFrame, '> edge');
    expect(frame).toMatchInlineSnapshot(`
      "meshgw  files ws  6 files, no control plane, Kuma 2.14 rules                      refreshed just now
      gateways  [2]
        NAME  !  MESH      ZONE  PORTS                 LISTENERS  DATAPLANES  CERTIFICATES
      > edge  !  default   -     8080/HTTP 8443/HTTPS          5           1  expired 1100d ago
        pay      payments  -     443/HTTPS                     1           0  5d left

















      <enter> open  <y> yaml  </> filter  <esc> back  <:> command  <r> refresh  <?> help  <q> quit"
    `);
  });

  it('moves with j/k and arrows, and opens the selected gateway with enter', async () => {
    const h = start();
    await waitForFrame(h.lastFrame, '> edge');
    await press(h, 'j');
    expect(lineWith(plain(h.lastFrame()), '> ')).toMatch(/^> pay\s+(?:[!✗]\s+)?payments/);
    await press(h, KEY.up);
    expect(lineWith(plain(h.lastFrame()), '> ')).toMatch(/^> edge\s+(?:[!✗]\s+)?default/);
    await press(h, KEY.down, 'k', KEY.enter);
    const frame = await waitForFrame(h.lastFrame, 'gateways › default/edge');
    expect(frame).toMatchInlineSnapshot(`
      "meshgw  files ws  6 files, no control plane, Kuma 2.14 rules                      refreshed just now
      gateways › default/edge
      MeshGateway edge  mesh default  zone -
      file        ws/edge.yaml
      selectors   kuma.io/service=edge
      tags        team=edge, environment=production

      DATAPLANES  1 bound
        ○ unknown  edge-1  10.0.0.10  zone -

      PORTS  2 ports, 5 listeners merged by port
        :8080 HTTP  hostnames bar.example.com, foo.example.com  no connection limit
          listener [0] foo.example.com  HTTP
            tag   environment      production  gateway
            tag   kuma.io/service  edge        dataplane
            tag   team             edge        gateway  (overrides dataplane platform)
            tag   vhost            foo         listener
            route MeshGatewayRoute edge-foo
          listener [1] bar.example.com  HTTP
            tag   environment      staging  listener  (overrides gateway production)
            tag   kuma.io/service  edge     dataplane
            tag   team             edge     gateway  (overrides dataplane platform)
      <j/k> scroll  <y> yaml  <esc> back  <:> command  <r> refresh  <?> help  <q> quit"
    `);
  });

  it('acts on the latest state when keys come in one burst', async () => {
    const h = start();
    await waitForFrame(h.lastFrame, '> edge');
    h.write('j');
    h.write(KEY.enter);
    await waitForFrame(h.lastFrame, 'gateways › payments/pay');
    h.write(KEY.escape);
    await waitForFrame(h.lastFrame, /^gateways  \[2\]$/m);
    h.write('jk\r');
    await waitForFrame(h.lastFrame, 'gateways › default/edge');
  });

  it('filters with / (esc clears it) and keeps the filter after enter', async () => {
    const h = start();
    await waitForFrame(h.lastFrame, '> edge');
    await press(h, '/', 'p', 'a', 'y');
    let frame = await waitForFrame(h.lastFrame, '/pay_');
    expect(frame).toContain('gateways  [1/2]  /pay');
    expect(frame).not.toContain('edge  default');
    await press(h, KEY.backspace, KEY.backspace, KEY.backspace, 'e', 'd');
    frame = await waitForFrame(h.lastFrame, '/ed_');
    expect(lineWith(frame, '> ')).toMatch(/^> edge/);
    await press(h, KEY.enter);
    frame = await waitForFrame(h.lastFrame, '<enter> open');
    expect(frame).toContain('gateways  [1/2]  /ed');
    await press(h, KEY.escape);
    frame = await waitForFrame(h.lastFrame, /^gateways  \[2\]$/m);
    expect(frame).toContain('> edge');
    expect(frame).toContain('  pay');
  });

  it('renders only the rows that fit, and pages through the rest', async () => {
    const h = start([...testFiles(), ...manyGateways(300)]);
    let frame = await waitForFrame(h.lastFrame, 'gateways  [302]');
    // 24 rows: the frame keeps one free; header, breadcrumbs, column titles and the hint bar leave 19.
    const names = frame.split('\n').flatMap((l) => l.match(/bulk-\d+/) ?? []);
    expect(names).toEqual(Array.from({ length: 19 }, (_, i) => `bulk-${String(i).padStart(4, '0')}`));
    await press(h, 'G');
    frame = await waitForFrame(h.lastFrame, '> pay');
    expect(frame).not.toContain('bulk-0000');
    expect(frame).toContain('bulk-0283');
    await press(h, 'g');
    await waitForFrame(h.lastFrame, '> bulk-0000');
    await press(h, KEY.pageDown);
    frame = await waitForFrame(h.lastFrame, '> bulk-0019');
    expect(frame).not.toContain('bulk-0000');
    expect(frame).toContain('bulk-0001');
    await press(h, KEY.pageUp, KEY.up);
    frame = await waitForFrame(h.lastFrame, '> bulk-0000');
    expect(frame.split('\n').length).toBeLessThanOrEqual(23);
  });
});

describe('gateway detail', () => {
  it('shows merged ports, final tags with their layer, certificates with days left, dataplanes, routes and diagnostics', async () => {
    const h = start();
    await waitForFrame(h.lastFrame, '> edge');
    await press(h, KEY.enter);
    let frame = await waitForFrame(h.lastFrame, 'listener [0] foo.example.com');
    expect(frame).toContain('  :8080 HTTP  hostnames bar.example.com, foo.example.com  no connection limit');
    expect(frame).toContain('      tag   vhost            foo         listener');
    expect(frame).toContain('      tag   team             edge        gateway  (overrides dataplane platform)');
    expect(frame).toContain('  ○ unknown  edge-1  10.0.0.10  zone -');
    await press(h, KEY.pageDown);
    frame = await waitForFrame(h.lastFrame, 'cert  secure-rsa');
    expect(frame).toContain('  :8443 HTTPS  hostnames old.example.com, secure.example.com, status.example.com  connection limit …');
    expect(frame).toContain('      cert  secure-rsa  25197d left  2095-12-31  RSA 2048  ✓ covers host');
    expect(frame).toContain('      cert  promo  5d left  2027-01-10  ECDSA 256  ✗ does not cover secure.example.com');
    expect(frame).toContain('      cert  old  expired 1100d ago  2024-01-01  RSA 2048  ✓ covers host');
    expect(frame).toContain('      cert  status-missing  not found');
    await press(h, 'G');
    frame = await waitForFrame(h.lastFrame, 'DIAGNOSTICS  2');
    expect(frame).toContain('  ! warning   conf.listeners[4].tls.certificates[0]  [certificate-secret-not-found]');
    await press(h, KEY.escape);
    await waitForFrame(h.lastFrame, /^gateways  \[2\]$/m);
  });

  it('prints tag and selector values written as numbers or booleans, which Kuma refuses', async () => {
    const numeric = `type: MeshGateway\nmesh: default\nname: numeric\nselectors:\n  - match:\n      kuma.io/service: numeric\n      port: 8080\ntags:\n  a: 1\n  b: true\n  c: x\nconf:\n  listeners:\n    - port: 80\n      protocol: HTTP\n      tags:\n        d: 2.5\n`;
    const h = start([{ file: 'ws/numeric.yaml', text: numeric }]);
    await waitForFrame(h.lastFrame, '> numeric');
    await press(h, KEY.enter);
    const frame = await waitForFrame(h.lastFrame, 'MeshGateway numeric');
    expect(lineWith(frame, 'selectors')).toBe('selectors   kuma.io/service=numeric, port=8080');
    expect(lineWith(frame, 'tags  ')).toBe('tags        a=1, b=true, c=x');
    const tags = frame.split('\n').filter((l) => l.trim().startsWith('tag ')).map((l) => l.trim().split(/\s+/).slice(1, 4).join(' '));
    expect(tags).toEqual(expect.arrayContaining(['a 1 gateway', 'b true gateway', 'c x gateway', 'd 2.5 listener']));
  });

  it('shows the YAML of the gateway with y and goes back with esc', async () => {
    const h = start();
    await waitForFrame(h.lastFrame, '> edge');
    await press(h, KEY.enter, 'y');
    const frame = await waitForFrame(h.lastFrame, 'gateways › default/edge › yaml default/edge');
    expect(frame).toContain('type: MeshGateway');
    expect(frame).toContain('  - port: 8080');
    await press(h, KEY.escape);
    await waitForFrame(h.lastFrame, /^gateways › default\/edge$/m);
  });
});

describe('command mode', () => {
  it('switches to certificates, those Kuma cannot use first, then by expiry, with bands and SAN coverage', async () => {
    const h = start();
    await waitForFrame(h.lastFrame, '> edge');
    await press(h, ':', 'c', 'e', 'r', 't', 's');
    await waitForFrame(h.lastFrame, ':certs_');
    await press(h, KEY.enter);
    const frame = await waitForFrame(h.lastFrame, /^certificates  \[5\]$/m);
    expect(frame).toMatchInlineSnapshot(`
      "meshgw  files ws  6 files, no control plane, Kuma 2.14 rules                      refreshed just now
      certificates  [5]
        EXPIRY             NOT AFTER   MESH      SECRET          KEY        COVERS HOST  USED BY
      > expired 1100d ago  2024-01-01  default   old             RSA 2048   ✓ yes        default/edge:844…
        not found          -           default   status-missing  -          -            default/edge:844…
        5d left            2027-01-10  default   promo           ECDSA 256  ✗ not secu…  default/edge:844…
        5d left            2027-01-10  payments  promo           ECDSA 256  ✓ yes        payments/pay:443…
        25197d left        2095-12-31  default   secure-rsa      RSA 2048   ✓ yes        default/edge:844…














      <enter> facts  </> filter  <esc> back  <:> command  <r> refresh  <?> help  <q> quit"
    `);
  });

  it('takes a whole command typed in one chunk, and :gateways MESH narrows to a mesh', async () => {
    const h = start();
    await waitForFrame(h.lastFrame, '> edge');
    h.write(':meshes\r');
    let frame = await waitForFrame(h.lastFrame, /^meshes  \[2\]$/m);
    expect(lineWith(frame, 'payments')).toBe('payments         1           0        1  5d left');
    await press(h, 'j', KEY.enter);
    frame = await waitForFrame(h.lastFrame, 'meshes › gateways (mesh payments)');
    expect(frame).toContain('> pay');
    expect(frame).not.toContain('edge');
    h.write(':gw default\r');
    frame = await waitForFrame(h.lastFrame, /^gateways \(mesh default\)  \[1\]$/m);
    expect(frame).toContain('> edge');
  });

  it('says there is no such mesh for :gateways NAME, instead of filtering by it', async () => {
    const h = start();
    await waitForFrame(h.lastFrame, '> edge');
    h.write(':gateways nosuch\r');
    const frame = await waitForFrame(h.lastFrame, 'No mesh named "nosuch". Meshes: default, payments. Filter the list with / instead.');
    expect(frame).toMatch(/^gateways  \[2\]$/m);
    expect(frame).not.toContain('/nosuch');
  });

  it('says so for an unknown command, and :ctx on files', async () => {
    const h = start();
    await waitForFrame(h.lastFrame, '> edge');
    h.write(':nope\r');
    await waitForFrame(h.lastFrame, 'Unknown command "nope". Try :gateways, :certs, :meshes or :ctx NAME.');
    h.write(':ctx prod\r');
    await waitForFrame(h.lastFrame, 'Contexts need a control plane; this session reads files.');
  });
});

describe('help, errors and size', () => {
  it('opens help with ? and closes it with esc', async () => {
    const h = start();
    await waitForFrame(h.lastFrame, '> edge');
    await press(h, '?');
    const frame = await waitForFrame(h.lastFrame, 'this help');
    expect(frame).toContain('expired, under 7 days  under 30 days  30 days or more');
    expect(frame).toContain('Lists refresh every 60 s, Secrets every 60 s.');
    await press(h, KEY.escape);
    await waitForFrame(h.lastFrame, '<enter> open');
  });

  it('keeps the last data when a refresh fails, says how old it is, and recovers', async () => {
    const h = start();
    await waitForFrame(h.lastFrame, '> edge');
    h.failWith('Cannot read ws/edge.yaml: permission denied.');
    h.clock.now = new Date(NOW.getTime() + 45_000);
    h.write('r');
    let frame = await waitForFrame(h.lastFrame, 'STALE: refreshed 45 s ago');
    expect(frame).toContain('Refresh failed (showing data 45 s old, retrying every 60 s): Cannot read ws/edge.yaml: permission\ndenied.');
    expect(frame).toContain('> edge');
    expect(frame).not.toMatch(/\n\s+at /);
    h.failWith(null);
    h.write('r');
    frame = await waitForFrame(h.lastFrame, (f) => !f.includes('Refresh failed'));
    expect(frame.split('\n')[0]).toMatch(/ refreshed just now$/);
  });

  it('counts the header\'s and the banner\'s age of the data from the same instant', async () => {
    const h = start();
    await waitForFrame(h.lastFrame, '> edge');
    h.failWith('connection refused');
    h.clock.now = new Date(NOW.getTime() + 11_000);
    h.write('r');
    let frame = await waitForFrame(h.lastFrame, 'STALE: refreshed 11 s ago');
    expect(frame).toContain('showing data 11 s old');
    h.clock.now = new Date(NOW.getTime() + 13_000);
    frame = await waitForFrame(h.lastFrame, 'STALE: refreshed 13 s ago');
    expect(frame).toContain('showing data 13 s old');
  });

  it('asks for a bigger terminal when it is too small, and lays out again on resize', async () => {
    const h = start();
    await waitForFrame(h.lastFrame, '> edge');
    const stdout = h.stdout as NodeJS.EventEmitter & { columns: number; rows: number };
    Object.defineProperty(stdout, 'columns', { value: 40, configurable: true });
    Object.defineProperty(stdout, 'rows', { value: 8, configurable: true });
    stdout.emit('resize');
    await waitForFrame(h.lastFrame, 'Terminal too small (40×8)');
    Object.defineProperty(stdout, 'columns', { value: 60, configurable: true });
    Object.defineProperty(stdout, 'rows', { value: 12, configurable: true });
    stdout.emit('resize');
    const frame = await waitForFrame(h.lastFrame, '> edge');
    expect(frame.split('\n').every((l) => l.length <= 60)).toBe(true);
    expect(frame).toContain('refreshed just now');
  });
});
