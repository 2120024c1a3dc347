import fc from 'fast-check';
import { stringify } from 'yaml';
import type { FileInput } from '@meshgw/engine';

/**
 * Random Kuma resources of roughly the right shape, in Universal and Kubernetes form, with wrong
 * YAML types sprinkled in: numbers for strings, maps for lists, nulls. Names, services and
 * secret names come from small pools so that selectors, routes and certificate references do
 * match each other often enough to reach the merge.
 */

const anything: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string({ maxLength: 8 }),
  fc.constant({}),
  fc.constant([]),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxKeys: 3 }),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null)), { maxLength: 3 }),
);

/** Usually `arb`, sometimes a value of some other YAML type. */
function often<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | unknown> {
  return fc.oneof({ weight: 7, arbitrary: arb }, { weight: 1, arbitrary: anything });
}

/** A record whose keys may each be missing. */
function partial<T extends Record<string, unknown>>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<Partial<T>> {
  return fc.record(model, { requiredKeys: [] }) as fc.Arbitrary<Partial<T>>;
}

const mesh = fc.constantFrom('default', 'default', 'other', '', 'Bad_Mesh');
const name = fc.constantFrom('edge', 'edge', 'shop', 'tcp', 'a.b-c', '', 'UPPER', 'x'.repeat(260));
const service = fc.constantFrom('edge', 'shop', 'edge_kuma-demo_svc', '*', 'bad value!', '');
const secretName = fc.constantFrom('tls-rsa', 'tls-ecdsa', 'missing', '');
const hostname = fc.constantFrom('*', 'foo.example.com', 'secure.example.com', '*.example.com', 'a..b', 'Foo.Example.com', '', '*.*.x', 'x'.repeat(254));
const tagKey = fc.constantFrom('kuma.io/service', 'kuma.io/service', 'kuma.io/zone', 'kuma.io/protocol', 'team', 'vhost', 'bad key', '');
const tagValue = fc.constantFrom('edge', 'shop', 'tcp', 'http', '*', 'a b', '', 'v1');

const tags = fc.oneof(
  fc.record({ 'kuma.io/service': often(service) }),
  fc.dictionary(tagKey, often(tagValue), { maxKeys: 4 }),
);
const selectors = often(fc.array(often(partial({ match: often(tags) })), { maxLength: 3 }));

const certificate = fc.oneof(
  fc.record({ secret: often(secretName) }),
  fc.record({ inline: often(fc.base64String({ maxLength: 24 })) }),
  fc.record({ file: often(fc.constantFrom('/etc/tls.pem', '')) }),
  fc.record({ inlineString: often(fc.constantFrom('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', 'x')) }),
  fc.constant({}),
);

const listener = partial({
  port: often(fc.oneof(fc.constantFrom(80, 8080, 8443, 443, 0, 65536, -1), fc.integer({ min: 0, max: 70_000 }), fc.constantFrom('8080', 1e400, 99999999999999999999))),
  protocol: often(fc.constantFrom('HTTP', 'HTTPS', 'TCP', 'TLS', 'NONE', 'http', 'UDP', 4, 2, 9)),
  hostname: often(hostname),
  tls: often(partial({
    mode: often(fc.constantFrom('TERMINATE', 'PASSTHROUGH', 'NONE', 'terminate', 1, 7)),
    certificates: often(fc.array(often(certificate), { maxLength: 3 })),
    options: anything,
  })),
  tags: often(tags),
  crossMesh: often(fc.boolean()),
  resources: often(partial({ connectionLimit: often(fc.constantFrom(0, 1, 100, -5, 4294967296)) })),
});

const universalGateway = fc.record({
  type: fc.constant('MeshGateway'),
  mesh: often(mesh),
  name: often(name),
  selectors,
  tags: often(tags),
  conf: often(partial({ listeners: often(fc.array(often(listener), { maxLength: 4 })) })),
});

const backend = partial({ destination: often(tags), weight: often(fc.constantFrom(0, 1, 50, -1, 1.5)) });
const pathMatch = partial({
  match: often(fc.constantFrom('EXACT', 'PREFIX', 'REGEX', 'prefix')),
  value: often(fc.constantFrom('/', '/api', 'api', '', '.*', '/a/../b')),
});
const headerMatch = partial({
  match: often(fc.constantFrom('EXACT', 'REGEX', 'ABSENT', 'PRESENT')),
  name: often(fc.constantFrom('x-debug', '', 'Host')),
  value: often(fc.constantFrom('1', '', 'beta-.*')),
});
const filter = fc.oneof(
  fc.record({ requestHeader: often(partial({ set: often(fc.array(often(partial({ name: often(fc.constantFrom('host', 'x-a', '')), value: often(fc.constantFrom('v', '')) })), { maxLength: 2 })), remove: often(fc.array(fc.constantFrom('x-a', ''), { maxLength: 2 })) })) }),
  fc.record({ mirror: often(partial({ backend: often(backend), percentage: often(fc.constantFrom(0, 10, 100, 101, -1)) })) }),
  fc.record({ redirect: often(partial({ scheme: often(fc.constantFrom('https', '')), hostname: often(hostname), port: often(fc.constantFrom(443, 0, 70000)), statusCode: often(fc.constantFrom(301, 302, 200, 999)) })) }),
  fc.record({ rewrite: often(partial({ replaceFull: often(fc.constantFrom('/x', '')), replacePrefixMatch: often(fc.constantFrom('/y', '')), hostToBackendHostname: often(fc.boolean()) })) }),
);
const httpRule = partial({
  matches: often(fc.array(often(partial({ path: often(pathMatch), method: often(fc.constantFrom('GET', 'get', 'NONE')), headers: often(fc.array(often(headerMatch), { maxLength: 2 })), queryParameters: often(fc.array(often(partial({ match: often(fc.constantFrom('EXACT', 'REGEX')), name: often(fc.constantFrom('q', '')), value: often(fc.constantFrom('1', '')) })), { maxLength: 2 })) })), { maxLength: 2 })),
  filters: often(fc.array(often(filter), { maxLength: 2 })),
  backends: often(fc.array(often(backend), { maxLength: 2 })),
});
const routeConf = fc.oneof(
  fc.record({ http: often(partial({ hostnames: often(fc.array(often(hostname), { maxLength: 2 })), rules: often(fc.array(often(httpRule), { maxLength: 3 })) })) }),
  fc.record({ tcp: often(partial({ rules: often(fc.array(often(partial({ backends: often(fc.array(often(backend), { maxLength: 2 })) })), { maxLength: 2 })) })) }),
  fc.constant({}),
);
const universalRoute = fc.record({
  type: fc.constant('MeshGatewayRoute'),
  mesh: often(mesh),
  name: often(name),
  selectors,
  conf: often(routeConf),
});

const universalDataplane = fc.record({
  type: fc.constant('Dataplane'),
  mesh: often(mesh),
  name: often(name),
  networking: often(partial({
    address: often(fc.constantFrom('192.168.0.10', '', '0.0.0.0', 'not-an-ip', '::1')),
    gateway: often(partial({ type: often(fc.constantFrom('BUILTIN', 'DELEGATED', 'builtin', 1)), tags: often(tags) })),
    inbound: often(fc.array(partial({ port: often(fc.nat(70_000)), tags: often(tags) }), { maxLength: 1 })),
  })),
});

function secretData(bundles: string[]): fc.Arbitrary<unknown> {
  return often(fc.oneof(
    fc.constantFrom(...bundles).map((pem) => Buffer.from(pem).toString('base64')),
    fc.uint8Array({ maxLength: 48 }).map((b) => Buffer.from(b).toString('base64')),
    fc.constantFrom('', 'not base64!', '===='),
  ));
}

function universalSecret(bundles: string[]) {
  return fc.record({
    type: fc.constantFrom('Secret', 'GlobalSecret'),
    mesh: often(mesh),
    name: often(secretName),
    data: secretData(bundles),
  });
}

const policyRoute = fc.record({
  type: fc.constantFrom('MeshHTTPRoute', 'MeshTCPRoute'),
  mesh: often(mesh),
  name: often(name),
  spec: often(partial({
    targetRef: often(partial({ kind: often(fc.constantFrom('MeshGateway', 'Mesh')), name: often(name), tags: often(tags) })),
    to: often(fc.array(often(partial({ targetRef: often(fc.constant({ kind: 'Mesh' })), hostnames: often(fc.array(often(hostname), { maxLength: 2 })), rules: anything })), { maxLength: 2 })),
  })),
});

/** Moves a Universal resource into its Kubernetes form (`metadata`, `spec`). */
function kubernetes(doc: Record<string, unknown>): Record<string, unknown> {
  const { type, mesh: m, name: n, data, spec, ...rest } = doc;
  if (type === 'Secret' || type === 'GlobalSecret') {
    return {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: n, namespace: 'kuma-system', labels: type === 'Secret' ? { 'kuma.io/mesh': m } : {} },
      type: type === 'Secret' ? 'system.kuma.io/secret' : 'system.kuma.io/global-secret',
      data: { value: data },
    };
  }
  const policy = type === 'MeshHTTPRoute' || type === 'MeshTCPRoute';
  return {
    apiVersion: 'kuma.io/v1alpha1',
    kind: type,
    ...(policy ? {} : { mesh: m }),
    metadata: { name: n, namespace: 'kuma-system', ...(policy ? { labels: { 'kuma.io/mesh': m } } : {}) },
    spec: policy ? spec : rest,
  };
}

/** One resource document as an object. */
export function resourceArb(bundles: string[]): fc.Arbitrary<Record<string, unknown>> {
  const universal = fc.oneof(
    { weight: 3, arbitrary: universalGateway },
    { weight: 2, arbitrary: universalRoute },
    { weight: 2, arbitrary: universalDataplane },
    { weight: 2, arbitrary: universalSecret(bundles) },
    { weight: 1, arbitrary: policyRoute },
  ) as fc.Arbitrary<Record<string, unknown>>;
  return fc.tuple(universal, fc.boolean()).map(([doc, k8s]) => (k8s ? kubernetes(doc) : doc));
}

/** Renders documents as block YAML or as JSON (which YAML reads too), joined by `---`. */
function render(docs: Record<string, unknown>[], style: 'block' | 'flow'): string {
  return docs.map((d) => (style === 'block' ? stringify(d) : JSON.stringify(d, null, 1) + '\n')).join('---\n');
}

/** One to three files of one to four random resources each. */
export function workspaceArb(bundles: string[]): fc.Arbitrary<FileInput[]> {
  const file = fc.tuple(fc.array(resourceArb(bundles), { minLength: 1, maxLength: 4 }), fc.constantFrom('block' as const, 'block' as const, 'flow' as const));
  return fc.array(file, { minLength: 1, maxLength: 3 }).map((files) =>
    files.map(([docs, style], i) => ({ file: `generated-${i}.yaml`, text: render(docs, style) })),
  );
}
