import { analyzeFiles, createWorkspace, differsDiagnostics, LIVE_FILE_PREFIX, liveDifferences } from '@meshgw/engine';
import { describe, expect, it } from 'vitest';

// What only a control plane's state shows about the files: a gateway no registered proxy runs
// (Kuma binds a builtin Dataplane to the gateway whose selector matches its gateway tags, so
// without such a Dataplane nothing listens), and a file gateway that changes the live one.

const NOW = new Date('2026-06-01T00:00:00Z');
const live = (path: string, doc: object) => ({ file: `${LIVE_FILE_PREFIX}${path}`, text: JSON.stringify(doc, null, 2) });

const liveDataplane = live('/meshes/default/dataplanes/edge-1', {
  type: 'Dataplane', mesh: 'default', name: 'edge-1',
  networking: { address: '10.0.0.1', gateway: { type: 'BUILTIN', tags: { 'kuma.io/service': 'edge' } } },
});
const liveGateway = live('/meshes/default/meshgateways/edge', {
  type: 'MeshGateway', mesh: 'default', name: 'edge',
  selectors: [{ match: { 'kuma.io/service': 'edge' } }],
  conf: { listeners: [{ port: 8080, protocol: 'HTTP' }, { port: 9090, protocol: 'HTTP' }] },
});
const gateway = (name: string, service: string, extra = '') => ({
  file: `${name}.yaml`,
  text: `type: MeshGateway
mesh: default
name: ${name}
selectors:
  - match:
      kuma.io/service: ${service}
conf:
  listeners:
    - port: 8080
      protocol: HTTP
${extra}`,
});
const status = { 'default/edge-1': { online: true, zone: null } };

function codes(result: ReturnType<typeof analyzeFiles>, file: string): string[] {
  return (result.diagnosticsByFile.get(file) ?? []).map((d) => `${d.code}@${result.files.find((f) => f.file === file)!.parsed.text.slice(d.span.start, d.span.end)}`);
}

describe('gateway-no-live-dataplane', () => {
  it('warns at the selectors of a file gateway that no registered dataplane matches', () => {
    const result = analyzeFiles([liveDataplane, gateway('edge', 'edge'), gateway('lonely', 'nobody')], { now: NOW, dataplaneStatus: status });
    expect(codes(result, 'lonely.yaml')).toEqual(['gateway-no-live-dataplane@selectors']);
    expect(codes(result, 'edge.yaml')).toEqual([]);
  });

  it('says nothing of a gateway whose dataplanes another gateway wins: dataplane-contested says so', () => {
    const result = analyzeFiles([liveDataplane, gateway('edge', 'edge'), gateway('edge-b', 'edge')], { now: NOW, dataplaneStatus: status });
    expect(codes(result, 'edge-b.yaml').map((c) => c.split('@')[0])).toEqual(['dataplane-contested']);
  });

  it('says nothing without a control plane: the files alone never hold the proxies', () => {
    const result = analyzeFiles([gateway('lonely', 'nobody')], { now: NOW });
    expect(codes(result, 'lonely.yaml')).toEqual([]);
  });

  it('says nothing of the control plane\'s own gateways, nor of a gateway Kuma refuses', () => {
    const refused = gateway('refused', 'nobody').text.replace('port: 8080', 'port: 70000');
    const result = analyzeFiles([live('/meshes/default/meshgateways/other', { type: 'MeshGateway', mesh: 'default', name: 'other', selectors: [{ match: { 'kuma.io/service': 'x' } }], conf: { listeners: [{ port: 1, protocol: 'HTTP' }] } }), { file: 'refused.yaml', text: refused }], { now: NOW, dataplaneStatus: {} });
    expect([...result.diagnosticsByFile.values()].flat().filter((d) => d.code === 'gateway-no-live-dataplane')).toEqual([]);
  });
});

describe('differs-from-control-plane', () => {
  const before = () => {
    const w = createWorkspace();
    for (const f of [liveGateway, liveDataplane]) w.setFile(f.file, f.text);
    return w.analyze({ now: NOW, dataplaneStatus: status }).gateways;
  };

  it('sums up, on the first line of the file gateway, how it changes the live one', () => {
    const after = analyzeFiles([liveGateway, liveDataplane, gateway('edge', 'edge')], { now: NOW, dataplaneStatus: status });
    const diffs = liveDifferences(before(), after);
    expect(diffs.map((d) => [d.name, d.status])).toEqual([['edge', 'changed']]);
    const [info] = differsDiagnostics(diffs, after);
    expect(info).toMatchObject({ code: 'differs-from-control-plane', severity: 'info', file: 'edge.yaml', span: { start: 0, end: 'type: MeshGateway'.length } });
    expect(info.message).toBe('MeshGateway "edge" differs from the control plane: 1 listener removed.');
  });

  it('says nothing of a file gateway Kuma reads as the live one, nor of one the control plane lacks', () => {
    const same = gateway('edge', 'edge', '    - port: 9090\n      protocol: HTTP\n');
    const after = analyzeFiles([liveGateway, liveDataplane, same, gateway('new', 'edge')], { now: NOW, dataplaneStatus: status });
    expect(liveDifferences(before(), after)).toEqual([]);
  });
});
