import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import type { FileInput } from '@meshgw/engine';
import { App, type FilesSource } from '@meshgw/tui';
import { NOW } from './support/data.js';
import { plain, sleep, waitForFrame } from './support/ink.js';

// The terminal app on the small workspaces of test/fixtures/mesh: what Kuma refuses is marked,
// and a gateway's detail shows one bound dataplane's own final tags with `v`.

afterEach(() => cleanup());

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'mesh');

function fixture(...names: string[]): FileInput[] {
  return names.flatMap((name) =>
    readdirSync(join(ROOT, name))
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => ({ file: `${name}/${f}`, text: readFileSync(join(ROOT, name, f), 'utf8') })),
  );
}

function start(files: FileInput[]) {
  const source: FilesSource = { kind: 'files', paths: ['mesh'], load: async () => files };
  const r = render(<App source={source} refreshMs={60_000} now={() => NOW} />);
  const press = async (key: string) => {
    const before = plain(r.lastFrame());
    r.stdin.write(key);
    const end = Date.now() + 2000;
    while (plain(r.lastFrame()) === before && Date.now() < end) await sleep(5);
  };
  return { lastFrame: r.lastFrame, press };
}

describe('the terminal app on a real mesh', () => {
  it('marks gateways with errors, and shows a rejected gateway as rejected with its ports as written', async () => {
    const h = start([...fixture('rejected-gateway'), ...fixture('per-dataplane-tags')]);
    const list = await waitForFrame(h.lastFrame, 'broken-gateway');
    const broken = list.split('\n').find((l) => l.includes('broken-gateway')) ?? '';
    const edge = list.split('\n').find((l) => l.includes('edge-gateway')) ?? '';
    expect(broken).toMatch(/broken-gateway +✗/);
    expect(broken).toContain('8080/HT');
    expect(edge).not.toContain('✗');
    await h.press('\r');
    const detail = await waitForFrame(h.lastFrame, 'REJECTED');
    expect(detail).toMatch(/REJECTED by Kuma: .*"HT"/);
    expect(detail).not.toMatch(/:0 |NONE/);
  });

  it('shows the tags that vary between dataplanes, and one dataplane at a time with v', async () => {
    const h = start(fixture('per-dataplane-tags'));
    await waitForFrame(h.lastFrame, 'edge-gateway');
    await h.press('\r');
    const all = await waitForFrame(h.lastFrame, 'varies');
    expect(all).toMatch(/location\s+eu, us \(varies: 2 dataplanes\)/);
    expect(all).toMatch(/eu-only\s+\(on edge-gateway-2 only\)/);
    await h.press('v');
    const first = await waitForFrame(h.lastFrame, 'viewing');
    expect(first).toMatch(/dataplane edge-gateway-1\s+\(1 of 2; v: next\)/);
    expect(first).toMatch(/location\s+us\s+dataplane/);
    expect(first).not.toContain('eu-only');
    await h.press('v');
    const second = await waitForFrame(h.lastFrame, 'edge-gateway-2 ');
    expect(second).toMatch(/location\s+eu\s+dataplane/);
    expect(second).toContain('eu-only');
    await h.press('v');
    expect(await waitForFrame(h.lastFrame, 'varies')).not.toContain('viewing');
  });
});
