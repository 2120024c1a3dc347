import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import type { FileInput } from '@meshgw/engine';
import { App, type FilesSource } from '@meshgw/tui';
import { NOW } from './support/data.js';
import { KEY, lineWith, plain, sleep, waitForFrame } from './support/ink.js';

// Column widths follow the content at 140 columns, and paths are cut in the middle.

afterEach(() => cleanup());

const REPO = join(import.meta.dirname, '..', '..');

function examples(): FileInput[] {
  const walk = (dir: string): string[] => readdirSync(dir).sort().flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
  return walk(join(REPO, 'examples'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ file: relative(REPO, f), text: readFileSync(f, 'utf8') }));
}

function show(files: FileInput[], columns: number) {
  const source: FilesSource = { kind: 'files', paths: ['examples'], load: async () => files };
  const r = render(<App source={source} refreshMs={60_000} now={() => NOW} analysisThread={false} />);
  const stdout = r.stdout as unknown as NodeJS.EventEmitter & { columns: number };
  Object.defineProperty(stdout, 'columns', { value: columns, configurable: true });
  stdout.emit('resize');
  const press = async (key: string): Promise<void> => {
    const before = plain(r.lastFrame());
    r.stdin.write(key);
    const end = Date.now() + 2000;
    while (plain(r.lastFrame()) === before && Date.now() < end) await sleep(5);
  };
  return { lastFrame: r.lastFrame, press };
}

/** The FILE cell of a gateway's row: the row's last column. */
function fileCell(frame: string, gateway: string): string {
  return lineWith(frame, `${gateway} `).split(/\s{2,}/).at(-1) ?? '';
}

describe('columns at 140 columns', () => {
  it('cuts paths in the middle, so that files of the same name in other folders read apart, and the detail shows the whole path', async () => {
    const h = show(examples(), 140);
    await waitForFrame(h.lastFrame, '> ');
    await h.press('/');
    for (const ch of 'later') await h.press(ch);
    await h.press(KEY.enter);
    const frame = await waitForFrame(h.lastFrame, /gateways  \[\d+\/\d+\]  \/later/);
    expect(frame.split('\n').every((l) => l.length <= 140)).toBe(true);
    const crossmesh = fileCell(frame, 'late-crossmesh-gateway');
    const limit = fileCell(frame, 'late-limit-gateway');
    // The shorter path fits whole; the longer one loses the middle, never its file name.
    expect(crossmesh).toBe('examples/broken/crossmesh-on-later-listener.yaml');
    expect(limit).toMatch(/^ex.*…\/connection-limit-on-later-listener\.yaml$/);
    while (!lineWith(plain(h.lastFrame()), '> ').startsWith('> late-crossmesh-gateway ')) await h.press('j');
    await h.press(KEY.enter);
    const detail = await waitForFrame(h.lastFrame, 'MeshGateway late-crossmesh-gateway ');
    expect(detail).toContain('file        examples/broken/crossmesh-on-later-listener.yaml');
  });

  it('gives USED BY room by its content, and the facts of a certificate list every use in full', async () => {
    const h = show(examples(), 140);
    await waitForFrame(h.lastFrame, '> ');
    for (const ch of ':certs') await h.press(ch);
    await h.press(KEY.enter);
    const frame = await waitForFrame(h.lastFrame, /^certificates  \[\d+\]$/m);
    expect(frame.split('\n').every((l) => l.length <= 140)).toBe(true);
    const expired = lineWith(frame, 'old-example-com');
    expect(expired).toMatch(/^> expired 1100d ago .* default\/expired-cert-gateway:8/);
    await h.press(KEY.enter);
    const facts = await waitForFrame(h.lastFrame, 'usedBy:');
    expect(facts).toContain('- gateway: default/expired-cert-gateway');
    expect(facts).toMatch(/hostname: \S+/);
  });
});
