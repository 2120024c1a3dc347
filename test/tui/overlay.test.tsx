import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { App, type LiveSource } from '@meshgw/tui';
import type { FakeControlPlane } from '../support/fake-control-plane.js';
import { NOW } from './support/data.js';
import { KEY, lineWith, waitForFrame } from './support/ink.js';
import { liveSource, startControlPlane } from './support/live.js';

// `meshgw tui --cp URL PATH...`: files laid over the control plane's resources. The test control
// plane serves MeshGateway `edge` (443 HTTPS one/two.example.com, 80 HTTP) bound to edge-1..3,
// `internal` and `pay-gw`; the files change `edge` (gateway tags) and add `edge-canary`.

const planes: FakeControlPlane[] = [];
afterEach(async () => {
  cleanup();
  await Promise.all(planes.splice(0).map((cp) => cp.close()));
});

const EDGE = `type: MeshGateway
mesh: default
name: edge
selectors:
  - match:
      kuma.io/service: edge
tags:
  team: web
conf:
  listeners:
    - { hostname: one.example.com, port: 443, protocol: HTTPS, tags: { hostname: one }, tls: { mode: TERMINATE, certificates: [{ secret: edge-cert }] } }
    - { hostname: two.example.com, port: 443, protocol: HTTPS, tags: { hostname: two }, tls: { mode: TERMINATE, certificates: [{ secret: edge-cert }] } }
    - { port: 80, protocol: HTTP }
`;
const CANARY = `type: MeshGateway
mesh: default
name: edge-canary
selectors:
  - match:
      kuma.io/service: canary
conf:
  listeners:
    - { port: 8080, protocol: HTTP }
`;

async function overlaid(files: Record<string, string> | null): Promise<ReturnType<typeof render>> {
  const cp = await startControlPlane();
  planes.push(cp);
  const source: LiveSource = liveSource(cp.url);
  if (files !== null) {
    const inputs = Object.entries(files).map(([file, text]) => ({ file, text }));
    source.overlay = { paths: ['gateways/'], load: async () => inputs };
  }
  return render(<App source={source} refreshMs={60_000} now={() => NOW} analysisThread={false} />);
}

describe('files laid over a control plane', () => {
  it('marks the gateways the files add or change in a DIFF column, and names the files in the header', async () => {
    const { lastFrame } = await overlaid({ 'gateways/edge.yaml': EDGE, 'gateways/canary.yaml': CANARY });
    const frame = await waitForFrame(lastFrame, 'edge-canary');
    expect(frame.split('\n')[0]).toContain('+ files gateways/');
    expect(lineWith(frame, 'NAME')).toMatch(/^NAME\s+!\s+DIFF\s+MESH/);
    expect(lineWith(frame, '> edge ')).toMatch(/^> edge\s+changed\s+default/);
    expect(lineWith(frame, 'edge-canary')).toMatch(/^edge-canary\s+!?\s*added\s+default/);
    expect(lineWith(frame, 'internal')).toMatch(/^internal\s+-\s+default/);
    expect(lineWith(frame, 'pay-gw')).toMatch(/^pay-gw\s+-\s+payments/);
    expect(frame).toContain('<d> diff');
  });

  it('d shows the selected gateway\'s diff, from the list and from its detail', async () => {
    const { lastFrame, stdin } = await overlaid({ 'gateways/edge.yaml': EDGE, 'gateways/canary.yaml': CANARY });
    await waitForFrame(lastFrame, 'edge-canary');
    stdin.write('d');
    const frame = await waitForFrame(lastFrame, 'gateways › diff default/edge');
    const lines = frame.split('\n').map((l) => l.trimEnd());
    expect(lines).toContain('Applying the files: 3 listeners changed');
    expect(lines).toContain('--- MeshGateway edge (mesh default)  cp:/meshes/default/meshgateways/edge');
    expect(lines).toContain('+++ MeshGateway edge (mesh default)  gateways/edge.yaml');
    expect(lines).toContain('       final tags on edge-1, edge-2, edge-3');
    expect(lines).toContain('+        team  web  (gateway)');
    stdin.write(KEY.escape);
    await waitForFrame(lastFrame, (f) => !f.includes('diff default/edge'));
    stdin.write(KEY.down);
    stdin.write(KEY.enter);
    await waitForFrame(lastFrame, 'gateways › default/edge-canary');
    stdin.write('d');
    const canary = await waitForFrame(lastFrame, 'default/edge-canary › diff default/edge-canary');
    expect(canary).toContain('Applying the files: new gateway, 1 listener');
    expect(canary).toContain('+  port 8080 HTTP');
  });

  it('d on a gateway the files leave as it is says so', async () => {
    const { lastFrame, stdin } = await overlaid({ 'gateways/canary.yaml': CANARY });
    await waitForFrame(lastFrame, 'edge-canary');
    expect(lineWith(lastFrame() ?? '', '> edge ')).toMatch(/^> edge\s+-\s+default/);
    stdin.write('d');
    await waitForFrame(lastFrame, 'No change: applying the files leaves what Kuma does with this gateway as it is.');
  });

  it('without files there is no DIFF column, and d says how to get one', async () => {
    const { lastFrame, stdin } = await overlaid(null);
    const frame = await waitForFrame(lastFrame, '> edge');
    expect(lineWith(frame, 'NAME')).not.toContain('DIFF');
    expect(frame).not.toContain('<d> diff');
    stdin.write('d');
    await waitForFrame(lastFrame, 'd shows what files would change: start with meshgw tui --cp URL PATH...');
  });
});
