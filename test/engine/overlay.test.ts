import { analyzeFiles, isLiveFile, LIVE_FILE_PREFIX } from '@meshgw/engine';
import { describe, expect, it } from 'vitest';

// Files over a control plane's resources, as `kumactl apply` of the files would leave it: a
// file resource replaces the live one of the same kind, mesh and name; the rest stays.

const NOW = new Date('2026-06-01T00:00:00Z');
const live = (path: string, doc: object) => ({ file: `${LIVE_FILE_PREFIX}${path}`, text: JSON.stringify(doc) });

const liveGateway = live('/meshes/default/meshgateways/edge', {
  type: 'MeshGateway', mesh: 'default', name: 'edge',
  selectors: [{ match: { 'kuma.io/service': 'edge' } }],
  conf: { listeners: [{ port: 8080, protocol: 'HTTP' }] },
});
const liveDataplane = live('/meshes/default/dataplanes/edge-1', {
  type: 'Dataplane', mesh: 'default', name: 'edge-1',
  networking: { address: '10.0.0.1', gateway: { type: 'BUILTIN', tags: { 'kuma.io/service': 'edge', zone: 'eu' } } },
});
const fileGateway = {
  file: 'gateway.yaml',
  text: `type: MeshGateway
mesh: default
name: edge
selectors:
  - match:
      kuma.io/service: edge
conf:
  listeners:
    - port: 9090
      protocol: HTTP
`,
};

describe('files over a control plane', () => {
  it('tells live files by their prefix', () => {
    expect(isLiveFile(liveGateway.file)).toBe(true);
    expect(isLiveFile('gateway.yaml')).toBe(false);
  });

  it('a file gateway replaces the live one of the same name and binds the live dataplane', () => {
    const result = analyzeFiles([liveGateway, liveDataplane, fileGateway], { now: NOW });
    expect(result.gateways).toHaveLength(1);
    const [g] = result.gateways;
    expect(g.location.file).toBe('gateway.yaml');
    expect(g.ports.map((p) => p.port)).toEqual([9090]);
    expect(g.dataplanes.map((d) => d.name)).toEqual(['edge-1']);
    expect(result.replaced.map((r) => [r.local.file, r.live.file])).toEqual([['gateway.yaml', liveGateway.file]]);
    expect([...result.diagnosticsByFile.values()].flat().filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('without a file of the same name the live gateway stays', () => {
    const other = { ...fileGateway, text: fileGateway.text.replace('name: edge', 'name: edge-2') };
    const result = analyzeFiles([liveGateway, liveDataplane, other], { now: NOW });
    expect(result.gateways.map((g) => g.name).sort()).toEqual(['edge', 'edge-2']);
    expect(result.replaced).toEqual([]);
  });

  it('a resource of another mesh or kind with the same name replaces nothing', () => {
    const otherMesh = { ...fileGateway, text: fileGateway.text.replace('mesh: default', 'mesh: other') };
    expect(analyzeFiles([liveGateway, otherMesh], { now: NOW }).replaced).toEqual([]);
  });
});
