import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { admissionDiagnostics, formatKumaError, warningDiagnostics, parseFile, recogniseResources } from '@meshgw/engine/testing';

/**
 * The rules never throw and always point inside the text, whatever the shape of the input:
 * random trees whose keys are mostly field names the rules read, with values of every YAML type.
 */

const KEYS = [
  'selectors', 'match', 'kuma.io/service', 'kuma.io/protocol', 'tags', 'conf', 'listeners', 'port', 'protocol', 'hostname',
  'tls', 'mode', 'certificates', 'secret', 'file', 'inline', 'inlineString', 'crossMesh', 'resources', 'connectionLimit',
  'connection_limit', 'http', 'tcp', 'rules', 'matches', 'path', 'value', 'method', 'headers', 'name', 'queryParameters',
  'query_parameters', 'filters', 'requestHeader', 'request_header', 'response_header', 'set', 'add', 'remove', 'mirror',
  'percentage', 'backend', 'destination', 'redirect', 'statusCode', 'status_code', 'rewrite', 'replacePrefixMatch',
  'hostToBackendHostname', 'host_to_backend_hostname', 'backends', 'networking', 'address', 'gateway', 'type', 'inbound',
  'outbound', 'admin', 'probes', 'transparentProxying', 'reachableBackends', 'refs', 'kind', 'targetRef', 'to', 'default',
  'backendRefs', 'proxyTypes', 'labels', 'namespace', 'sectionName', 'serviceProbe', 'interval', 'unhealthyThreshold',
  'servicePort', 'serviceAddress', 'backendRef', '', 'bad key',
];
const SCALARS = [
  'HTTP', 'HTTPS', 'TLS', 'TCP', 'NONE', 'TERMINATE', 'PASSTHROUGH', 'BUILTIN', 'MeshGateway', 'Mesh', 'MeshService', 'REGEX',
  'PREFIX', 'EXACT', 'ABSENT', 'PRESENT', 'GET', 'RequestRedirect', '', '*', '/', 'a b', '0.0.0.0', '::', '127.0.0.1', '0s',
  'NaN', 'host', 'Host', ':authority', 'edge', '*.example.com', 'x'.repeat(260), 0, 1, 2, 80, 65536, -1, 1.5, 300, 9901,
  true, false, null,
];

const tree: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...SCALARS),
    fc.dictionary(fc.constantFrom(...KEYS), tie('node'), { maxKeys: 5 }),
    fc.array(tie('node'), { maxLength: 3 }),
  ),
})).node;

/** A list of maps whose keys come from `keys`: listeners, rules, matches, filters. */
function items(keys: string[]): fc.Arbitrary<Record<string, unknown>[]> {
  return fc.array(fc.dictionary(fc.constantFrom(...keys), tree, { maxKeys: 6 }), { maxLength: 4 });
}
const LISTENER_KEYS = ['port', 'protocol', 'hostname', 'tls', 'tags', 'crossMesh', 'resources'];
const RULE_KEYS = ['matches', 'filters', 'backends'];

const KINDS = ['MeshGateway', 'MeshGatewayRoute', 'Dataplane', 'MeshHTTPRoute', 'MeshTCPRoute', 'Secret', 'GlobalSecret', 'Mesh'];

const documents = fc.record({
  kind: fc.constantFrom(...KINDS),
  kubernetes: fc.boolean(),
  json: fc.boolean(),
  spec: fc.dictionary(fc.constantFrom(...KEYS), tree, { maxKeys: 6 }),
  builtin: fc.boolean(),
  gatewayTarget: fc.boolean(),
  listeners: items(LISTENER_KEYS),
  rules: fc.array(fc.record({ matches: items(KEYS), filters: items(['mirror', 'redirect', 'rewrite', 'request_header', 'requestHeader']), backends: items(['destination', 'weight']) }, { requiredKeys: [] }), { maxLength: 3 }),
  tlsListeners: fc.array(fc.record({ port: fc.constantFrom(80, 443), protocol: fc.constantFrom('HTTPS', 'TLS', 'HTTP', 'TCP'), tls: items(['mode', 'certificates']).map((l) => l[0] ?? {}), crossMesh: fc.boolean(), resources: fc.record({ connectionLimit: fc.constantFrom(0, 1, 2) }) }, { requiredKeys: ['port', 'protocol'] }), { maxLength: 4 }),
});

type Generated = typeof documents extends fc.Arbitrary<infer T> ? T : never;

function render(d: Generated): string {
  const spec: Record<string, unknown> = { ...d.spec };
  if (d.kind === 'MeshGateway' && !('conf' in spec)) spec.conf = { listeners: [...d.listeners, ...d.tlsListeners] };
  if (d.kind === 'MeshGatewayRoute' && !('conf' in spec)) spec.conf = { http: { rules: d.rules } };
  if (d.kind === 'Dataplane' && d.builtin) {
    const networking = typeof spec.networking === 'object' && spec.networking && !Array.isArray(spec.networking) ? spec.networking : {};
    spec.networking = { ...networking, gateway: { type: 'BUILTIN', tags: spec.tags ?? {} } };
  }
  if ((d.kind === 'MeshHTTPRoute' || d.kind === 'MeshTCPRoute') && d.gatewayTarget) {
    spec.targetRef = { kind: 'MeshGateway', ...(typeof spec.targetRef === 'object' && spec.targetRef ? spec.targetRef : {}) };
  }
  let doc: Record<string, unknown>;
  if (d.kind === 'Secret' || d.kind === 'GlobalSecret') {
    doc = d.kubernetes
      ? { apiVersion: 'v1', kind: 'Secret', type: d.kind === 'Secret' ? 'system.kuma.io/secret' : 'system.kuma.io/global-secret', metadata: spec, data: spec.data, stringData: spec.stringData }
      : { type: d.kind, name: 'x', mesh: 'default', ...spec };
  } else if (d.kubernetes) {
    doc = { apiVersion: 'kuma.io/v1alpha1', kind: d.kind, mesh: spec.mesh ?? 'default', metadata: { name: 'x' }, spec };
  } else if (d.kind === 'MeshHTTPRoute' || d.kind === 'MeshTCPRoute') {
    doc = { type: d.kind, name: 'x', mesh: 'default', spec };
  } else {
    doc = { type: d.kind, name: 'x', mesh: 'default', ...spec };
  }
  return d.json ? JSON.stringify(doc) : stringify(doc);
}

describe('admission rules on arbitrary input', () => {
  it('never throw and keep spans inside the text', () => {
    fc.assert(
      fc.property(documents, (d) => {
        const text = render(d);
        for (const doc of recogniseResources(parseFile('x.yaml', text))) {
          const diagnostics = [...admissionDiagnostics(doc), ...warningDiagnostics(doc)];
          formatKumaError(diagnostics);
          for (const diagnostic of diagnostics) {
            expect(diagnostic.span.start).toBeGreaterThanOrEqual(0);
            expect(diagnostic.span.end).toBeLessThanOrEqual(text.length);
            expect(diagnostic.span.end).toBeGreaterThanOrEqual(diagnostic.span.start);
            expect(typeof diagnostic.message).toBe('string');
          }
        }
      }),
      { numRuns: 3000 },
    );
  });
});
