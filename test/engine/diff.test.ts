import { readFileSync } from 'node:fs';
import {
  analyzeFiles,
  certificateBlocks,
  diffGateways,
  diffLines,
  diffSummary,
  diffText,
  LIVE_FILE_PREFIX,
  liveOnlyDiagnostics,
  type GatewayDiff,
} from '@meshgw/engine';
import { describe, expect, it } from 'vitest';

// What applying files changes in what Kuma does: the merged model of a control plane's resources
// against that of the same resources overlaid by files. Expectations follow Kuma's merge: a
// listener's final tags are the dataplane's gateway tags, overlaid by the gateway's tags, then the
// listener's (mesh_proto.Merge in pkg/plugins/runtime/gateway/generator.go); listeners on a port
// are one Envoy listener, each hostname one virtual host (two listeners with one hostname on a
// port are refused); a gateway binds the builtin Dataplanes its selectors match.

const NOW = new Date('2026-06-01T00:00:00Z');
const pem = (name: string) => readFileSync(new URL(`../fixtures/certs/${name}`, import.meta.url), 'latin1');
// As the control-plane client gives Secrets: their certificate blocks only, the keys dropped.
const liveSecret = (name: string, bundle: string) => ({ type: 'Secret', mesh: 'default', name, data: Buffer.from(certificateBlocks(pem(bundle)).join('\n')).toString('base64') });
const liveDataplane = (name: string, tags: Record<string, string>) => ({
  type: 'Dataplane', mesh: 'default', name,
  networking: { address: '10.0.0.1', gateway: { type: 'BUILTIN', tags } },
});

const LIVE: Record<string, object> = {
  '/meshes/default/meshgateways/edge': {
    type: 'MeshGateway', mesh: 'default', name: 'edge',
    selectors: [{ match: { 'kuma.io/service': 'edge' } }],
    conf: {
      listeners: [
        { port: 8080, protocol: 'HTTP' },
        { port: 443, protocol: 'HTTPS', hostname: 'foo.example.com', tls: { mode: 'TERMINATE', certificates: [{ secret: 'tls-rsa' }] } },
      ],
    },
  },
  '/meshes/default/dataplanes/edge-1': liveDataplane('edge-1', { 'kuma.io/service': 'edge', version: 'v1' }),
  '/meshes/default/dataplanes/edge-2': liveDataplane('edge-2', { 'kuma.io/service': 'edge', version: 'v1' }),
  '/meshes/default/dataplanes/other-1': liveDataplane('other-1', { 'kuma.io/service': 'other' }),
  '/meshes/default/secrets/tls-rsa': liveSecret('tls-rsa', 'bundle-rsa.pem'),
  '/meshes/default/secrets/tls-ec': liveSecret('tls-ec', 'bundle-ecdsa.pem'),
};
const LIVE_FILES = Object.entries(LIVE).map(([path, doc]) => ({ file: `${LIVE_FILE_PREFIX}${path}`, text: JSON.stringify(doc) }));
const OPTIONS = {
  now: NOW,
  secretAccess: { default: 'certificates-only' as const },
  dataplaneStatus: { 'default/edge-1': { online: true, zone: null }, 'default/edge-2': { online: true, zone: null }, 'default/other-1': { online: true, zone: null } },
};

/** The file form of the live gateway, with `listeners` (flow YAML lines) and `extra` top-level lines. */
const gatewayFile = (listeners: string[], extra = 'selectors: [{ match: { kuma.io/service: edge } }]', name = 'edge') => `type: MeshGateway
mesh: default
name: ${name}
${extra}
conf:
  listeners:
${listeners.map((l) => `    - ${l}`).join('\n')}
`;
const HTTP = '{ port: 8080, protocol: HTTP }';
const HTTPS = (secret = 'tls-rsa', host = 'foo.example.com') => `{ port: 443, protocol: HTTPS, hostname: ${host}, tls: { mode: TERMINATE, certificates: [{ secret: ${secret} }] } }`;

/** The diff of every gateway, applying `files` over the live resources. */
function check(files: Record<string, string>): GatewayDiff[] {
  const before = analyzeFiles(LIVE_FILES, OPTIONS);
  const after = analyzeFiles([...LIVE_FILES, ...Object.entries(files).map(([file, text]) => ({ file, text }))], OPTIONS);
  return diffGateways(before.gateways, after.gateways);
}
const edge = (files: Record<string, string>) => check(files).find((d) => d.name === 'edge')!;
const both = (value: string, from: string) => ({ value, from });

describe('diffGateways: gateways', () => {
  it('the same gateway written differently is no change', () => {
    const d = check({ 'gw.yaml': gatewayFile([HTTPS(), '{ port: 8080, protocol: HTTP, hostname: "*" }']) });
    expect(d.map((g) => [g.name, g.status])).toEqual([['edge', 'unchanged']]);
    expect(diffSummary(d[0])).toBe('no change');
    expect(diffText(d)).toBe('No change.');
  });

  it('a gateway only in the files is added, with every listener', () => {
    const d = check({ 'new.yaml': gatewayFile(['{ port: 9000, protocol: TCP }'], 'selectors: [{ match: { kuma.io/service: other } }]', 'new-edge') });
    const added = d.find((g) => g.name === 'new-edge')!;
    expect(added.status).toBe('added');
    expect(added.file).toEqual({ before: null, after: 'new.yaml' });
    expect(added.dataplanes).toEqual({ added: ['other-1'], removed: [] });
    expect(added.listeners.map((l) => [l.port, l.hostname, l.status])).toEqual([[9000, '*', 'added']]);
    expect(added.listeners[0].tags).toEqual([{ dataplane: 'other-1', changes: [{ key: 'kuma.io/service', before: null, after: both('other', 'dataplane') }] }]);
    expect(diffSummary(added)).toBe('new gateway, 1 listener');
    expect(d.find((g) => g.name === 'edge')!.status).toBe('unchanged');
  });

  it('a gateway only before is removed', () => {
    const before = analyzeFiles(LIVE_FILES, OPTIONS).gateways;
    const [d] = diffGateways(before, []);
    expect([d.status, d.file.after, d.listeners.map((l) => l.status)]).toEqual(['removed', null, ['removed', 'removed']]);
    expect(diffSummary(d)).toBe('gateway removed');
  });

  it('a gateway Kuma refuses is a change of admission, with Kuma\'s errors', () => {
    const d = edge({ 'gw.yaml': gatewayFile([HTTP, HTTPS(), '{ port: 8080, protocol: HTTP }']) });
    expect(d.admitted).toEqual({ before: true, after: false });
    expect(d.admissionErrors.map((e) => e.message)).toContain('multiple listeners for hostname on this port');
    expect(diffSummary(d).startsWith('refused by Kuma')).toBe(true);
  });
});

describe('diffGateways: listeners', () => {
  it('a new port is an added port and listener, its tags those of each bound dataplane', () => {
    const d = edge({ 'gw.yaml': gatewayFile([HTTP, HTTPS(), '{ port: 9090, protocol: TCP }']) });
    expect(d.status).toBe('changed');
    expect(d.ports).toEqual([{ port: 9090, status: 'added', hostnames: { added: ['*'], removed: [] }, protocol: { before: null, after: 'TCP' }, connectionLimit: { before: null, after: 0 }, crossMesh: { before: null, after: false } }]);
    const [l] = d.listeners;
    expect([l.port, l.hostname, l.status, l.index, l.protocol]).toEqual([9090, '*', 'added', { before: null, after: 2 }, { before: null, after: 'TCP' }]);
    const added = [
      { key: 'kuma.io/service', before: null, after: both('edge', 'dataplane') },
      { key: 'version', before: null, after: both('v1', 'dataplane') },
    ];
    expect(l.tags).toEqual([{ dataplane: 'edge-1', changes: added }, { dataplane: 'edge-2', changes: added }]);
    expect(diffSummary(d)).toBe('1 listener added');
  });

  it('a listener left out of the files is removed', () => {
    const d = edge({ 'gw.yaml': gatewayFile([HTTPS()]) });
    expect(d.listeners.map((l) => [l.port, l.hostname, l.status])).toEqual([[8080, '*', 'removed']]);
    expect(d.ports.map((p) => [p.port, p.status])).toEqual([[8080, 'removed']]);
    expect(diffSummary(d)).toBe('1 listener removed');
  });

  it('a new hostname is another virtual host: one listener removed, one added', () => {
    const d = edge({ 'gw.yaml': gatewayFile([HTTP, HTTPS('tls-rsa', 'bar.example.com')]) });
    expect(d.listeners.map((l) => [l.port, l.hostname, l.status])).toEqual([[443, 'bar.example.com', 'added'], [443, 'foo.example.com', 'removed']]);
    expect(d.ports).toEqual([{ port: 443, status: 'changed', hostnames: { added: ['bar.example.com'], removed: ['foo.example.com'] } }]);
    expect(diffSummary(d)).toBe('1 listener added, 1 removed, 1 port changed');
  });

  it('TLS dropped from a listener changes its mode', () => {
    const d = edge({ 'gw.yaml': gatewayFile([HTTP, '{ port: 443, protocol: HTTP, hostname: foo.example.com }']) });
    const [l] = d.listeners;
    expect([l.status, l.protocol, l.tlsMode]).toEqual(['changed', { before: 'HTTPS', after: 'HTTP' }, { before: 'TERMINATE', after: null }]);
    expect(l.certificates.map((c) => [c.source, c.before?.state, c.after])).toEqual([['secret tls-rsa', 'ok', null]]);
  });

  it('a connection limit is a change of the port, not of a listener', () => {
    const d = edge({ 'gw.yaml': gatewayFile(['{ port: 8080, protocol: HTTP, resources: { connection_limit: 100 } }', HTTPS()]) });
    expect(d.ports).toEqual([{ port: 8080, status: 'changed', hostnames: { added: [], removed: [] }, connectionLimit: { before: 0, after: 100 } }]);
    expect(d.listeners).toEqual([]);
    expect(diffSummary(d)).toBe('1 port changed');
  });
});

describe('diffGateways: final tags', () => {
  it('gateway tags overlay the dataplane\'s, listener tags overlay both', () => {
    const d = edge({ 'gw.yaml': gatewayFile(['{ port: 8080, protocol: HTTP, tags: { version: v3 } }', HTTPS()], 'selectors: [{ match: { kuma.io/service: edge } }]\ntags: { version: v2 }') });
    const byPort = new Map(d.listeners.map((l) => [l.port, l.tags]));
    const change = (after: string, from: string) => [{ key: 'version', before: both('v1', 'dataplane'), after: both(after, from) }];
    expect(byPort.get(8080)).toEqual([{ dataplane: 'edge-1', changes: change('v3', 'listener') }, { dataplane: 'edge-2', changes: change('v3', 'listener') }]);
    expect(byPort.get(443)).toEqual([{ dataplane: 'edge-1', changes: change('v2', 'gateway') }, { dataplane: 'edge-2', changes: change('v2', 'gateway') }]);
    expect(diffSummary(d)).toBe('2 listeners changed');
  });

  it('a selector that binds other dataplanes changes the bound dataplanes and their tags', () => {
    const d = edge({ 'gw.yaml': gatewayFile([HTTP, HTTPS()], 'selectors: [{ match: { kuma.io/service: other } }]') });
    expect(d.dataplanes).toEqual({ added: ['other-1'], removed: ['edge-1', 'edge-2'] });
    const tags = d.listeners.find((l) => l.port === 8080)!.tags;
    expect(tags.map((t) => t.dataplane)).toEqual(['edge-1', 'edge-2', 'other-1']);
    expect(tags[2].changes).toEqual([{ key: 'kuma.io/service', before: null, after: both('other', 'dataplane') }]);
    expect(diffSummary(d)).toBe('2 listeners changed, 1 dataplane bound, 2 dataplanes unbound');
  });

  it('a file Dataplane changes a live gateway the files do not name', () => {
    const dp = `type: Dataplane
mesh: default
name: edge-2
networking:
  address: 10.0.0.2
  gateway:
    type: BUILTIN
    tags: { kuma.io/service: edge, version: v9 }
`;
    const d = edge({ 'dp.yaml': dp });
    expect(d.file).toEqual({ before: `${LIVE_FILE_PREFIX}/meshes/default/meshgateways/edge`, after: `${LIVE_FILE_PREFIX}/meshes/default/meshgateways/edge` });
    expect(d.listeners.map((l) => l.tags)).toEqual([
      [{ dataplane: 'edge-2', changes: [{ key: 'version', before: both('v1', 'dataplane'), after: both('v9', 'dataplane') }] }],
      [{ dataplane: 'edge-2', changes: [{ key: 'version', before: both('v1', 'dataplane'), after: both('v9', 'dataplane') }] }],
    ]);
  });
});

describe('diffGateways: what the control plane adds on apply', () => {
  // Kuma's dataplane manager sets the gateway tag kuma.io/zone to the zone control plane's name on
  // every gateway Dataplane it stores (setGatewayClusterTag), so the live one carries it and a
  // file Dataplane applied there gets it too.
  const zoned = LIVE_FILES.map((f) => (f.file.endsWith('/dataplanes/edge-2') ? { ...f, text: JSON.stringify(liveDataplane('edge-2', { 'kuma.io/service': 'edge', version: 'v1', 'kuma.io/zone': 'eu' })) } : f));
  const dp = (tags: string) => `type: Dataplane
mesh: default
name: edge-2
networking:
  address: 10.0.0.2
  gateway:
    type: BUILTIN
    tags: { ${tags} }
`;
  const compare = (text: string, zone: string | null) => {
    const options = { ...OPTIONS, controlPlaneZone: zone };
    const before = analyzeFiles(zoned, options).gateways;
    const after = analyzeFiles([...zoned, { file: 'dp.yaml', text }], options).gateways;
    return diffGateways(before, after).find((d) => d.name === 'edge')!;
  };

  it('a file Dataplane without the zone tag is no change on a control plane of that zone', () => {
    expect(compare(dp('kuma.io/service: edge, version: v1'), 'eu').status).toBe('unchanged');
    expect(compare(dp('kuma.io/service: edge, version: v1, kuma.io/zone: us'), 'eu').status).toBe('unchanged');
  });

  it('on a global control plane (no zone) the tag the file leaves out is a change', () => {
    const d = compare(dp('kuma.io/service: edge, version: v1'), null);
    expect(d.listeners[0].tags).toEqual([{ dataplane: 'edge-2', changes: [{ key: 'kuma.io/zone', before: both('eu', 'dataplane'), after: null }] }]);
  });
});

describe('diffGateways: certificates and routes', () => {
  it('another secret: the old certificate goes, the new one comes, with its facts', () => {
    const d = edge({ 'gw.yaml': gatewayFile([HTTP, HTTPS('tls-ec')]) });
    const [l] = d.listeners;
    expect(l.certificates.map((c) => [c.source, c.before?.keyType ?? null, c.after?.keyType ?? null])).toEqual([['secret tls-rsa', 'RSA', null], ['secret tls-ec', null, 'ECDSA']]);
    const ec = l.certificates[1].after!;
    expect([ec.subject, ec.sans, ec.notAfter, ec.coversHostname]).toEqual(['ec.example.com', ['ec.example.com'], '2099-12-31T23:59:59.000Z', false]);
    expect(diffSummary(d)).toBe('1 listener changed');
  });

  it('a file Secret of the same name replaces the live certificate behind an unchanged listener', () => {
    const secret = `type: Secret\nmesh: default\nname: tls-rsa\ndata: ${Buffer.from(pem('bundle-ecdsa.pem')).toString('base64')}\n`;
    const [l] = edge({ 'secret.yaml': secret }).listeners;
    expect(l.certificates.map((c) => [c.source, c.before?.subject, c.after?.subject])).toEqual([['secret tls-rsa', 'foo.example.com', 'ec.example.com']]);
  });

  it('a route in the files attaches to the listeners of its protocol family', () => {
    const route = `type: MeshGatewayRoute
mesh: default
name: web
selectors: [{ match: { kuma.io/service: edge } }]
conf: { http: { rules: [{ matches: [{ path: { match: PREFIX, value: / } }], backends: [{ destination: { kuma.io/service: web } }] }] } }
`;
    const d = edge({ 'route.yaml': route });
    expect(d.listeners.map((l) => [l.port, l.routes])).toEqual([
      [443, [{ kind: 'MeshGatewayRoute', name: 'web', before: null, after: { effective: true } }]],
      [8080, [{ kind: 'MeshGatewayRoute', name: 'web', before: null, after: { effective: true } }]],
    ]);
  });
});

describe('diff text', () => {
  it('is kubectl diff-like: headers, then - and + lines under their port and listener', () => {
    const d = edge({ 'gw.yaml': gatewayFile([HTTP, HTTPS('tls-ec')], 'selectors: [{ match: { kuma.io/service: edge } }]\ntags: { version: v2 }') });
    const lines = diffLines(d);
    expect(lines.slice(0, 2)).toEqual([
      { kind: 'header', text: `--- MeshGateway edge (mesh default)  ${LIVE_FILE_PREFIX}/meshes/default/meshgateways/edge` },
      { kind: 'header', text: '+++ MeshGateway edge (mesh default)  gw.yaml' },
    ]);
    expect(lines.map((l) => l.text).slice(2)).toEqual([
      '   port 443',
      '     listener [1] foo.example.com',
      '-      cert secret tls-rsa: RSA 2048, 26876 days left (2099-12-31)',
      '+      cert secret tls-ec: ECDSA 256, 26876 days left (2099-12-31), does not cover the hostname',
      '       final tags on edge-1, edge-2',
      '-        version  v1  (dataplane)',
      '+        version  v2  (gateway)',
      '   port 8080',
      '     listener [0] *',
      '       final tags on edge-1, edge-2',
      '-        version  v1  (dataplane)',
      '+        version  v2  (gateway)',
    ]);
  });
});

describe('liveOnlyDiagnostics', () => {
  it('lists what the files get only against the control plane', () => {
    const files = [{ file: 'gw.yaml', text: gatewayFile([HTTP, HTTPS('tls-ec')]) }];
    const alone = analyzeFiles(files, { now: NOW });
    const overlaid = analyzeFiles([...LIVE_FILES, ...files], OPTIONS);
    const codes = liveOnlyDiagnostics(overlaid, alone).map((d) => [d.file, d.code]);
    // Alone the secret is not found; against the control plane it is, and does not cover the hostname.
    expect(codes).toContainEqual(['gw.yaml', 'certificate-hostname-not-covered']);
    expect(codes).not.toContainEqual(['gw.yaml', 'certificate-secret-not-found']);
    expect(codes.every(([file]) => file === 'gw.yaml')).toBe(true);
  });
});

describe('diffGateways: a new gateway Kuma refuses', () => {
  it('is added, refused, and says that applying fails', () => {
    const d = check({ 'new.yaml': gatewayFile(['{ port: 9000, protocol: TCP }', '{ port: 9000, protocol: TCP }'], 'selectors: [{ match: { kuma.io/service: other } }]', 'new-edge') }).find((g) => g.name === 'new-edge')!;
    expect([d.status, d.admitted]).toEqual(['added', { before: null, after: false }]);
    expect(d.admissionErrors.map((e) => e.message)).toContain('multiple listeners for hostname on this port');
    expect(diffSummary(d)).toBe('new gateway, refused by Kuma');
    expect(diffLines(d)[2]).toEqual({ kind: 'added', text: '+  REJECTED by Kuma: applying fails and nothing is created' });
  });
});
