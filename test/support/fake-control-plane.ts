/**
 * A fake Kuma control plane for tests and benchmarks: a real `node:http` (or `node:https`)
 * server on 127.0.0.1 and a random port, answering the read endpoints a gateway browser uses,
 * with bodies shaped like Kuma 2.14.3's (and, with `version`, like older releases'). Paging,
 * filters, error bodies and the admin-only Secrets follow `pkg/api-server` at v2.14.3.
 *
 * Not part of the product. Data sets are plain objects; see `FakeDataSet` and `makeLargeDataSet`.
 */
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'control-plane');

/** Paths of the fixture files, for tests that need them (CA, client certificate, PEM bundles). */
export const fakeControlPlaneFixtures = {
  caCert: join(FIXTURES, 'tls', 'ca.crt'),
  otherCaCert: join(FIXTURES, 'tls', 'other-ca.crt'),
  serverCert: join(FIXTURES, 'tls', 'server.crt'),
  serverKey: join(FIXTURES, 'tls', 'server.key'),
  clientCert: join(FIXTURES, 'tls', 'client.crt'),
  clientKey: join(FIXTURES, 'tls', 'client.key'),
  gatewayBundles: [
    join(FIXTURES, 'certificates', 'echo-example-com-rsa.pem'),
    join(FIXTURES, 'certificates', 'wildcard-example-com-ecdsa.pem'),
    join(FIXTURES, 'certificates', 'api-example-org-self-signed.pem'),
  ],
} as const;

// ---------------------------------------------------------------------------------------------
// Data set

/** Any resource: metadata (`mesh`, `name`, `labels`) and spec fields side by side. */
export interface FakeResource {
  mesh: string;
  name: string;
  labels?: Record<string, string>;
  [field: string]: unknown;
}

export interface FakeMesh {
  name: string;
  labels?: Record<string, string>;
  [field: string]: unknown;
}

export interface FakeDataplane {
  mesh: string;
  name: string;
  address?: string;
  /** Absent: a sidecar. `type` absent or `DELEGATED`: a delegated gateway. */
  gateway?: { type?: 'BUILTIN' | 'DELEGATED'; tags: Record<string, string> };
  inbound?: unknown[];
  labels?: Record<string, string>;
  /** Online: one open subscription. Offline: the last subscription has a disconnectTime. */
  online: boolean;
  /** Renders the overview without any `dataplaneInsight` (a proxy that never connected). */
  noInsight?: boolean;
}

export interface FakeSecret {
  /** Absent for global secrets. */
  mesh?: string;
  name: string;
  /** The PEM text; the server base64-encodes it into `data`. */
  pem: string;
  labels?: Record<string, string>;
}

export interface FakeDataSet {
  meshes: FakeMesh[];
  /** MeshGateways in Universal shape: `selectors`, `conf.listeners`, optional `tags`. */
  gateways: FakeResource[];
  /** Legacy MeshGatewayRoutes: `selectors`, `conf`. */
  gatewayRoutes?: FakeResource[];
  /** MeshHTTPRoutes: `spec.targetRef`, `spec.to`. */
  httpRoutes?: FakeResource[];
  /** MeshTCPRoutes: `spec.targetRef`, `spec.to`. */
  tcpRoutes?: FakeResource[];
  dataplanes: FakeDataplane[];
  secrets: FakeSecret[];
  globalSecrets?: FakeSecret[];
}

// ---------------------------------------------------------------------------------------------
// Faults

/** What a path answers instead of its normal response. */
export type FakeFault =
  /** A status with a Kuma error body (or `body` as given, with `contentType`). */
  | { kind: 'status'; status: number; body?: string; contentType?: string }
  /** A proxy's HTML error page, e.g. a 502 from nginx. */
  | { kind: 'html'; status: number }
  /** 200 with a body that is not JSON. */
  | { kind: 'invalid-json' }
  /** 200 with JSON of the wrong shape (default: `{"kind":"Unexpected","items":"none"}`). */
  | { kind: 'wrong-shape'; body?: unknown }
  /** Accepts the request and never answers. */
  | { kind: 'hang' }
  /** Destroys the connection before any byte of the answer. */
  | { kind: 'reset' }
  /** Sends the headers and part of the body, then destroys the connection. */
  | { kind: 'reset-mid-body' }
  /** `same`: `next` repeats the request's own offset. `advance`: `next` always moves on. */
  | { kind: 'endless-paging'; mode?: 'same' | 'advance' }
  /** 200 with a JSON body of about this many bytes. */
  | { kind: 'huge-body'; bytes: number }
  /** Waits, then answers normally. */
  | { kind: 'delay'; ms: number }
  /** Answers normally but passes the JSON body through `transform` first. */
  | { kind: 'transform'; transform: (body: unknown) => unknown };

export interface FakeFaultOptions {
  /** The fault applies this many times, then the path answers normally again. */
  times?: number;
}

export interface FakeRequest {
  method: string;
  /** Path without the base path and without the query, e.g. `/meshes/default/meshgateways`. */
  path: string;
  query: Record<string, string>;
  /** Who the server took the caller for. */
  identity: 'admin' | 'user' | 'anonymous' | 'invalid-token';
}

export interface FakeControlPlaneOptions {
  data?: FakeDataSet;
  /** Bearer token of an admin (`mesh-system:admin`). Default `fake-admin-token`. */
  adminToken?: string;
  /** Bearer tokens of valid non-admin users. Default `['fake-user-token']`. */
  userTokens?: string[];
  /** Treat callers without a token as admin, as Kuma does for localhost by default. Default false. */
  anonymousIsAdmin?: boolean;
  /** Serve HTTPS with `tls/server.crt`; `requireClientCert` also demands a certificate signed by `tls/ca.crt`. */
  https?: boolean | { requireClientCert?: boolean };
  /** The Kuma version to imitate, `2.0.0` to `2.14.3` (default). Changes index, errors, paging totals, paths. */
  version?: string;
  /** A build without MeshGateway (Kuma after 2.14): `/_resources` lacks it, its paths answer plain-text 404. */
  withoutMeshGateway?: boolean;
  mode?: 'zone' | 'global' | 'standalone';
  /** `multizone.zone.name`; default `default` (zone mode). */
  zone?: string;
  globalAddress?: string;
  /** Serve the API under this prefix, like `apiServer.basePath`, e.g. `/api`. */
  basePath?: string;
}

export interface FakeControlPlane {
  /** Base URL, including the base path, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  /** Stops listening and drops every open connection (hanging requests included). */
  close(): Promise<void>;
  setData(data: FakeDataSet): void;
  /** `path` is matched exactly (after the base path, without query) or by a RegExp. `null` clears. */
  setFault(path: string | RegExp, fault: FakeFault | null, options?: FakeFaultOptions): void;
  clearFaults(): void;
  /** Every request received, in order. */
  requests: FakeRequest[];
  clearRequests(): void;
  /** The largest number of requests that were in flight at once. */
  maxInFlight(): number;
}

// ---------------------------------------------------------------------------------------------
// Rendering helpers

const CREATED = '2025-03-01T10:00:00Z';
const MAX_PAGE_SIZE = 1000;
const DEFAULT_PAGE_SIZE = 100;

interface Version {
  minor: number;
  text: string;
}

function parseVersion(text: string): Version {
  const match = /^v?(\d+)\.(\d+)/.exec(text);
  if (match === null || match[1] !== '2') throw new Error(`fake control plane: unsupported version ${text}`);
  return { minor: Number(match[2]), text: text.replace(/^v/, '') };
}

class HttpAnswer {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly contentType = 'application/json',
  ) {}
}

function kumaError(
  version: Version,
  status: number,
  title: string,
  detail: string,
  invalid: { field: string; reason: string }[] = [],
): HttpAnswer {
  const body: Record<string, unknown> = {};
  if (version.minor >= 3) {
    body.type = '/std-errors';
    body.status = version.minor === 3 ? String(status) : status;
    body.title = title;
    body.detail = detail;
    if (invalid.length > 0) body.invalid_parameters = invalid;
    body.details = detail;
  } else {
    body.title = title;
    body.details = detail;
  }
  if (invalid.length > 0) body.causes = invalid.map(({ field, reason }) => ({ field, message: reason }));
  return new HttpAnswer(status, body);
}

function plainNotFound(): HttpAnswer {
  return new HttpAnswer(404, '404: Page Not Found', 'text/plain; charset=utf-8');
}

const HTML_502 = `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx/1.25.3</center>
<script>window.location.hash = "unused";</script>
</body>
</html>
`;

function shortNameOf(type: string): string | null {
  return { Mesh: 'm', MeshGateway: 'mgw', Dataplane: 'dp', MeshHTTPRoute: 'mhttpr', MeshTCPRoute: 'mtcpr' }[type] ?? null;
}

/** Metadata first, then spec fields, in the order Kuma's REST marshaller writes them. */
function renderResource(version: Version, type: string, resource: FakeResource | FakeMesh, spec: Record<string, unknown>): Record<string, unknown> {
  const mesh = typeof resource.mesh === 'string' ? resource.mesh : undefined;
  const out: Record<string, unknown> = { type };
  if (mesh !== undefined && type !== 'Mesh') out.mesh = mesh;
  out.name = resource.name;
  out.creationTime = typeof resource.creationTime === 'string' ? resource.creationTime : CREATED;
  out.modificationTime = typeof resource.modificationTime === 'string' ? resource.modificationTime : CREATED;
  if (version.minor >= 6) {
    const labels: Record<string, string> = {};
    if (mesh !== undefined && type !== 'Mesh') labels['kuma.io/mesh'] = mesh;
    Object.assign(labels, resource.labels ?? {});
    if (Object.keys(labels).length > 0) out.labels = labels;
  }
  const short = shortNameOf(type);
  if (version.minor >= 13 && short !== null) {
    const zone = resource.labels?.['kuma.io/zone'] ?? '';
    const namespace = resource.labels?.['k8s.kuma.io/namespace'] ?? '';
    out.kri = `kri_${short}_${type === 'Mesh' ? '' : mesh ?? ''}_${zone}_${namespace}_${resource.name}_`;
  }
  return { ...out, ...spec };
}

function specFields(resource: Record<string, unknown>): Record<string, unknown> {
  const spec: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource)) {
    if (['type', 'mesh', 'name', 'labels', 'creationTime', 'modificationTime', 'kri'].includes(key)) continue;
    spec[key] = value;
  }
  return spec;
}

function renderDataplaneOverview(version: Version, dp: FakeDataplane): Record<string, unknown> {
  const networking: Record<string, unknown> = { address: dp.address ?? '10.0.0.1' };
  if (dp.gateway !== undefined) {
    const gateway: Record<string, unknown> = { tags: dp.gateway.tags };
    // DELEGATED is the enum default, so protobuf JSON omits it.
    if (dp.gateway.type === 'BUILTIN') gateway.type = 'BUILTIN';
    networking.gateway = gateway;
  }
  if (dp.inbound !== undefined) networking.inbound = dp.inbound;
  const overview = renderResource(version, 'DataplaneOverview', { mesh: dp.mesh, name: dp.name, labels: dp.labels }, {});
  if (version.minor >= 13) overview.kri = `kri_dp_${dp.mesh}_${dp.labels?.['kuma.io/zone'] ?? ''}__${dp.name}_`;
  overview.dataplane = { networking };
  if (dp.noInsight !== true) {
    const subscription: Record<string, unknown> = {
      id: `stream-${dp.name}`,
      controlPlaneInstanceId: 'cp-1',
      connectTime: '2025-03-02T08:00:00Z',
    };
    if (!dp.online) subscription.disconnectTime = '2025-03-02T09:00:00Z';
    subscription.status = {
      lastUpdateTime: '2025-03-02T08:00:05Z',
      total: { responsesSent: '12', responsesAcknowledged: '12' },
      cds: {},
      eds: {},
      lds: {},
      rds: {},
    };
    subscription.version = {
      kumaDp: { version: version.text, gitTag: `v${version.text}`, gitCommit: 'unknown', buildDate: '2025-02-01T00:00:00Z' },
      envoy: { version: '1.33.2', build: 'hash/1.33.2/RELEASE', kumaDpCompatible: true },
    };
    if (version.minor >= 2) subscription.generation = 3;
    overview.dataplaneInsight = { subscriptions: [subscription] };
  }
  return overview;
}

function renderDataplane(version: Version, dp: FakeDataplane): Record<string, unknown> {
  const overview = renderDataplaneOverview(version, { ...dp, noInsight: true });
  const { dataplane, ...meta } = overview as { dataplane: Record<string, unknown> } & Record<string, unknown>;
  return { ...meta, type: 'Dataplane', ...dataplane };
}

function renderSecret(version: Version, secret: FakeSecret, type: 'Secret' | 'GlobalSecret'): Record<string, unknown> {
  const resource: FakeResource | FakeMesh = type === 'Secret' ? { mesh: secret.mesh ?? 'default', name: secret.name, labels: secret.labels } : { name: secret.name, labels: secret.labels };
  return renderResource(version, type, resource, { data: Buffer.from(secret.pem, 'utf8').toString('base64') });
}

function byMeshThenName<T extends { mesh?: unknown; name: string }>(a: T, b: T): number {
  const meshA = typeof a.mesh === 'string' ? a.mesh : '';
  const meshB = typeof b.mesh === 'string' ? b.mesh : '';
  if (meshA !== meshB) return meshA < meshB ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Tag selector match as Kuma does it for gateways: every key equal, `*` matches any value. */
function selectorMatches(match: Record<string, string>, tags: Record<string, string>): boolean {
  return Object.entries(match).every(([key, value]) => key in tags && (value === '*' || tags[key] === value));
}

// ---------------------------------------------------------------------------------------------
// The server

export async function startFakeControlPlane(options: FakeControlPlaneOptions = {}): Promise<FakeControlPlane> {
  const version = parseVersion(options.version ?? '2.14.3');
  const adminToken = options.adminToken ?? 'fake-admin-token';
  const userTokens = new Set(options.userTokens ?? ['fake-user-token']);
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const mode = options.mode ?? (version.minor >= 6 ? 'zone' : 'standalone');
  let data: FakeDataSet = options.data ?? { meshes: [{ name: 'default' }], gateways: [], dataplanes: [], secrets: [] };
  const faults: { path: string | RegExp; fault: FakeFault; remaining: number }[] = [];
  const requests: FakeRequest[] = [];
  let inFlight = 0;
  let peak = 0;
  const isHttps = options.https !== undefined && options.https !== false;

  function identityOf(request: http.IncomingMessage): FakeRequest['identity'] {
    const header = request.headers.authorization;
    if (header === undefined || header === '') return options.anonymousIsAdmin === true ? 'admin' : 'anonymous';
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    if (options.anonymousIsAdmin === true) return 'admin';
    if (token === adminToken) return 'admin';
    if (userTokens.has(token)) return 'user';
    return 'invalid-token';
  }

  function userDescription(identity: FakeRequest['identity']): string {
    if (identity === 'user') return 'fake-user/team-a,mesh-system:authenticated';
    return 'mesh-system:anonymous/mesh-system:unauthenticated';
  }

  function pageOf(
    items: Record<string, unknown>[],
    request: http.IncomingMessage,
    url: URL,
    fault: FakeFault | null,
  ): HttpAnswer {
    const query = url.searchParams;
    let size = DEFAULT_PAGE_SIZE;
    const sizeText = query.get('size');
    if (sizeText !== null && sizeText !== '') {
      if (!/^[+-]?\d+$/.test(sizeText)) return kumaError(version, 400, 'Could not retrieve resources', 'Invalid page size', [{ field: 'size', reason: 'invalid page size' }]);
      size = Number(sizeText);
      if (size <= 0) return kumaError(version, 400, 'Could not retrieve resources', 'Invalid page size', [{ field: 'size', reason: 'invalid page size: must be greater than 0' }]);
      if (size > MAX_PAGE_SIZE) {
        return kumaError(version, 400, 'Could not retrieve resources', 'Invalid page size', [
          { field: 'size', reason: `invalid page size of ${size}. Maximum page size is ${MAX_PAGE_SIZE}` },
        ]);
      }
    }
    let offset = 0;
    const offsetText = query.get('offset');
    if (offsetText !== null && offsetText !== '') {
      if (!/^[+-]?\d+$/.test(offsetText)) {
        return kumaError(version, 400, 'Could not retrieve resources', `invalid: invalid offset: strconv.Atoi: parsing "${offsetText}": invalid syntax`);
      }
      offset = Number(offsetText);
      if (offset < 0) return kumaError(version, 400, 'Could not retrieve resources', 'invalid: invalid offset: must be non-negative');
    }
    const page = items.slice(offset, offset + size);
    let nextOffset: string | null = offset + size < items.length ? String(offset + size) : null;
    if (fault?.kind === 'endless-paging') nextOffset = fault.mode === 'advance' ? String(offset + size) : String(offset);
    let next: string | null = null;
    if (nextOffset !== null) {
      // Like nextLink() in pagination.go: scheme from our own TLS, host from the Host header,
      // the request path, the query with `offset` replaced, keys sorted as url.Values.Encode does.
      const params = new URLSearchParams(query);
      params.set('offset', nextOffset);
      params.sort();
      next = `${isHttps ? 'https' : 'http'}://${request.headers.host ?? ''}${url.pathname}?${params.toString()}`;
    }
    // Before 2.5 `total` counted the items of the page only.
    return new HttpAnswer(200, { total: version.minor >= 5 ? items.length : page.length, items: page, next });
  }

  /** `name` (contains, 2.1+) and `filter[labels.KEY]=VALUE` (2.10+); other `filter[...]` keys are refused. */
  function listFilter(url: URL, path: string): ((item: Record<string, unknown>) => boolean) | HttpAnswer {
    const checks: ((item: Record<string, unknown>) => boolean)[] = [];
    const name = url.searchParams.get('name');
    if (name !== null && name !== '' && version.minor >= 1) checks.push((item) => String(item.name).includes(name));
    for (const [key, value] of url.searchParams) {
      const match = /^filter\[(.*)\]$/.exec(key);
      if (match === null || version.minor < 10) continue;
      if (!match[1].startsWith('labels.')) {
        return kumaError(version, 400, 'Could not retrieve resources', 'Resource is not valid', [
          { field: `${path}.filter[${match[1]}]`, reason: 'filters are only supported on labels' },
        ]);
      }
      const label = match[1].slice('labels.'.length);
      checks.push((item) => {
        const labels = (item.labels ?? {}) as Record<string, string>;
        return labels[label] === value;
      });
    }
    return (item) => checks.every((check) => check(item));
  }

  function list(
    rendered: Record<string, unknown>[],
    request: http.IncomingMessage,
    url: URL,
    routePath: string,
    fault: FakeFault | null,
  ): HttpAnswer {
    const filter = listFilter(url, routePath);
    if (filter instanceof HttpAnswer) return filter;
    const items = rendered.filter(filter).sort((a, b) => byMeshThenName(a as { mesh?: unknown; name: string }, b as { mesh?: unknown; name: string }));
    return pageOf(items, request, url, fault);
  }

  function gatewayModeFilter(url: URL): ((dp: FakeDataplane) => boolean) | HttpAnswer {
    const value = (url.searchParams.get('gateway') ?? '').toLowerCase();
    const allowed = version.minor >= 1 ? ['', 'true', 'false', 'builtin', 'delegated'] : ['', 'true', 'false'];
    if (!allowed.includes(value)) {
      const reason = version.minor >= 1 ? `shoud use \`true\`, \`false\`, \`builtin\` or \`delegated\` instead of ${value}` : `shoud use \`true\` or \`false\` instead of ${value}`;
      return kumaError(version, 400, 'Could not retrieve dataplanes', 'Resource is not valid', [
        { field: '/meshes/{mesh}/dataplanes+insights.gateway', reason },
      ]);
    }
    return (dp) => {
      switch (value) {
        case 'true':
          return dp.gateway !== undefined;
        case 'false':
          return dp.gateway === undefined;
        case 'builtin':
          return dp.gateway?.type === 'BUILTIN';
        case 'delegated':
          return dp.gateway !== undefined && dp.gateway.type !== 'BUILTIN';
        default:
          return true;
      }
    };
  }

  function resourceTypes(): Record<string, unknown>[] {
    // Field order as in pkg/api-server/testdata/base_endpoints/_resources.golden.json.
    const entry = (name: string, path: string, scope: 'Mesh' | 'Global', plural: string, singular: string, shortName: string, policy: 'route' | 'legacy' | null): Record<string, unknown> => {
      const out: Record<string, unknown> = { includeInFederation: name !== 'Dataplane', name, path, pluralDisplayName: plural };
      if (policy === 'route') out.policy = { hasFromTargetRef: false, hasRulesTargetRef: false, hasToTargetRef: true, isFromAsRules: false, isTargetRef: true };
      if (policy === 'legacy') out.policy = { hasFromTargetRef: false, hasRulesTargetRef: false, hasToTargetRef: false, isFromAsRules: false, isTargetRef: false };
      return { ...out, readOnly: false, scope, shortName, singularDisplayName: singular };
    };
    const types = [
      entry('Dataplane', 'dataplanes', 'Mesh', 'Dataplanes', 'Dataplane', 'dp', null),
      entry('GlobalSecret', 'globalsecrets', 'Global', 'Global Secrets', 'Global Secret', '', null),
      entry('Mesh', 'meshes', 'Global', 'Meshes', 'Mesh', 'm', null),
      entry('MeshHTTPRoute', 'meshhttproutes', 'Mesh', 'Mesh HTTP Routes', 'Mesh HTTP Route', 'mhttpr', 'route'),
      entry('MeshTCPRoute', 'meshtcproutes', 'Mesh', 'Mesh TCP Routes', 'Mesh TCP Route', 'mtcpr', 'route'),
      entry('Secret', 'secrets', 'Mesh', 'Secrets', 'Secret', '', null),
    ];
    if (options.withoutMeshGateway !== true) {
      types.push(entry('MeshGateway', 'meshgateways', 'Mesh', 'Mesh Gateways', 'Mesh Gateway', 'mgw', null));
      types.push(entry('MeshGatewayRoute', 'meshgatewayroutes', 'Mesh', 'Mesh Gateway Routes', 'Mesh Gateway Route', '', 'legacy'));
    }
    return types.sort((a, b) => (String(a.name) < String(b.name) ? -1 : 1));
  }

  function route(request: http.IncomingMessage, url: URL, path: string, identity: FakeRequest['identity'], fault: FakeFault | null): HttpAnswer {
    const segments = path.split('/').filter((segment) => segment !== '').map((segment) => decodeURIComponent(segment));
    const gatewayPaths = options.withoutMeshGateway !== true;
    const admin = identity === 'admin';
    const denied = (type: string): HttpAnswer =>
      kumaError(version, 403, 'Access Denied', `user "${userDescription(identity)}" cannot access the resource of type "${type}"`);

    if (segments.length === 0) {
      const index: Record<string, unknown> = { hostname: 'fake-control-plane' };
      if (version.minor <= 8) index.tagline = 'Kuma';
      if (version.minor >= 1) index.product = 'Kuma';
      index.version = version.text;
      index.instanceId = 'fake-control-plane-6f7d8';
      index.clusterId = '8a4b6c8e-0d1f-4a2b-9c3d-5e6f7a8b9c0d';
      index.gui = version.minor === 0 ? 'The gui is available at /gui' : '/gui';
      return new HttpAnswer(200, index);
    }
    if (identity === 'invalid-token') return kumaError(version, 401, 'Invalid authentication data', 'Unauthenticated');

    const [first, mesh, kind, name, sub] = segments;
    if (segments.length === 1 && first === 'config') {
      const zone: Record<string, unknown> = { name: options.zone ?? 'default' };
      if (options.globalAddress !== undefined) zone.globalAddress = options.globalAddress;
      return new HttpAnswer(200, {
        apiServer: { http: { enabled: true, interface: '0.0.0.0', port: 5681 }, readOnly: false, authn: { type: 'tokens', localhostIsAdmin: true } },
        environment: 'universal',
        general: { workDir: '/tmp/kuma' },
        mode,
        multizone: mode === 'global' ? { global: { kds: { grpcPort: 5685 } } } : { zone },
        store: { type: 'memory' },
      });
    }
    if (segments.length === 1 && first === 'who-am-i' && version.minor >= 2) {
      if (admin) return new HttpAnswer(200, { name: 'mesh-system:admin', groups: ['mesh-system:admin', 'mesh-system:authenticated'] });
      if (identity === 'user') return new HttpAnswer(200, { name: 'fake-user', groups: ['team-a', 'mesh-system:authenticated'] });
      return new HttpAnswer(200, { name: 'mesh-system:anonymous', groups: ['mesh-system:unauthenticated'] });
    }
    if (segments.length === 1 && first === '_resources' && version.minor >= 6) {
      return new HttpAnswer(200, { resources: resourceTypes() });
    }
    const globalSecretPath = first === 'global-secrets' || (first === 'globalsecrets' && version.minor >= 11);
    if (globalSecretPath && segments.length <= 2) {
      if (!admin) return denied('GlobalSecret');
      const rendered = (data.globalSecrets ?? []).map((secret) => renderSecret(version, secret, 'GlobalSecret'));
      if (segments.length === 2) {
        const found = rendered.find((secret) => secret.name === segments[1]);
        return found !== undefined ? new HttpAnswer(200, found) : kumaError(version, 404, 'Could not retrieve a resource', 'Not found');
      }
      return list(rendered, request, url, '/global-secrets', fault);
    }
    if (segments.length === 1 && first === 'meshgateways' && gatewayPaths) {
      return list(data.gateways.map((gw) => renderResource(version, 'MeshGateway', gw, specFields(gw))), request, url, '/meshgateways', fault);
    }
    if (first !== 'meshes') return plainNotFound();
    if (segments.length === 1) {
      return list(data.meshes.map((m) => renderResource(version, 'Mesh', m, specFields(m))), request, url, '/meshes', fault);
    }
    const meshResource = data.meshes.find((m) => m.name === mesh);
    if (segments.length === 2) {
      return meshResource !== undefined
        ? new HttpAnswer(200, renderResource(version, 'Mesh', meshResource, specFields(meshResource)))
        : kumaError(version, 404, 'Could not retrieve a resource', 'Not found');
    }
    const inMesh = <T extends { mesh?: unknown }>(items: T[] | undefined): T[] => (items ?? []).filter((item) => item.mesh === mesh);
    const collection = (type: string, items: FakeResource[] | undefined, wsPath: string): HttpAnswer => {
      const rendered = inMesh(items).map((item) => renderResource(version, type, item, specFields(item)));
      if (segments.length === 3) return list(rendered, request, url, `/meshes/{mesh}/${wsPath}`, fault);
      if (segments.length === 4) {
        const found = rendered.find((item) => item.name === name);
        return found !== undefined ? new HttpAnswer(200, found) : kumaError(version, 404, 'Could not retrieve a resource', 'Not found');
      }
      return plainNotFound();
    };

    switch (kind) {
      case 'meshgateways': {
        if (!gatewayPaths) return plainNotFound();
        if (segments.length === 5 && sub === 'dataplanes') {
          const gateway = inMesh(data.gateways).find((gw) => gw.name === name);
          if (gateway === undefined) return kumaError(version, 404, 'Could not retrieve MeshGateway', 'Not found');
          const selectors = Array.isArray(gateway.selectors) ? (gateway.selectors as { match?: Record<string, string> }[]) : [];
          const matched = inMesh(data.dataplanes)
            .filter((dp) => dp.gateway?.type === 'BUILTIN' && selectors.some((selector) => selectorMatches(selector.match ?? {}, dp.gateway?.tags ?? {})))
            .sort(byMeshThenName)
            .map((dp) => ({ dataplane: { mesh: dp.mesh, name: dp.name } }));
          return new HttpAnswer(200, { total: matched.length, items: matched });
        }
        return collection('MeshGateway', data.gateways, 'meshgateways');
      }
      case 'meshgatewayroutes':
        if (!gatewayPaths) return plainNotFound();
        return collection('MeshGatewayRoute', data.gatewayRoutes, 'meshgatewayroutes');
      case 'meshhttproutes':
        if (version.minor < 1) return plainNotFound();
        return collection('MeshHTTPRoute', data.httpRoutes, 'meshhttproutes');
      case 'meshtcproutes':
        if (version.minor < 3) return plainNotFound();
        return collection('MeshTCPRoute', data.tcpRoutes, 'meshtcproutes');
      case 'secrets': {
        if (!admin) return denied('Secret');
        const rendered = inMesh(data.secrets).map((secret) => renderSecret(version, secret, 'Secret'));
        if (segments.length === 3) return list(rendered, request, url, '/meshes/{mesh}/secrets', fault);
        const found = rendered.find((secret) => secret.name === name);
        return found !== undefined ? new HttpAnswer(200, found) : kumaError(version, 404, 'Could not retrieve a resource', 'Not found');
      }
      case 'dataplanes+insights':
      case 'dataplanes': {
        const overview = kind === 'dataplanes+insights' || (name === '_overview' && version.minor >= 5);
        if (segments.length === 3 || (segments.length === 4 && name === '_overview' && version.minor >= 5)) {
          const modeFilter = gatewayModeFilter(url);
          if (modeFilter instanceof HttpAnswer) return modeFilter;
          const dataplanes = inMesh(data.dataplanes).filter(modeFilter);
          const rendered = dataplanes.map((dp) => (overview ? renderDataplaneOverview(version, dp) : renderDataplane(version, dp)));
          return list(rendered, request, url, `/meshes/{mesh}/${kind}`, fault);
        }
        if (segments.length === 4) {
          const dp = inMesh(data.dataplanes).find((candidate) => candidate.name === name);
          if (dp === undefined) return kumaError(version, 404, 'Could not retrieve a resource', 'Not found');
          return new HttpAnswer(200, kind === 'dataplanes+insights' ? renderDataplaneOverview(version, dp) : renderDataplane(version, dp));
        }
        return plainNotFound();
      }
      default:
        return plainNotFound();
    }
  }

  function takeFault(path: string): FakeFault | null {
    const index = faults.findIndex((entry) => (typeof entry.path === 'string' ? entry.path === path : entry.path.test(path)));
    if (index < 0) return null;
    const entry = faults[index];
    entry.remaining -= 1;
    if (entry.remaining <= 0) faults.splice(index, 1);
    return entry.fault;
  }

  function send(response: http.ServerResponse, answer: HttpAnswer): void {
    const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    response.writeHead(answer.status, { 'Content-Type': answer.contentType, 'Content-Length': Buffer.byteLength(body) });
    response.end(body);
  }

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake.invalid');
    let path = url.pathname;
    if (basePath !== '') {
      if (path !== basePath && !path.startsWith(`${basePath}/`)) return send(response, plainNotFound());
      path = path.slice(basePath.length) || '/';
    }
    const identity = identityOf(request);
    requests.push({ method: request.method ?? 'GET', path, query: Object.fromEntries(url.searchParams), identity });
    if (request.method !== 'GET') return send(response, new HttpAnswer(405, '405: Method Not Allowed', 'text/plain; charset=utf-8'));

    const fault = takeFault(path);
    switch (fault?.kind) {
      case 'hang':
        return;
      case 'reset':
        request.socket.destroy();
        return;
      case 'reset-mid-body':
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 4096 });
        response.write('{"total": 3, "items": [{"type": "MeshGateway", "mesh": "def');
        setTimeout(() => request.socket.destroy(), 20);
        return;
      case 'status':
        if (fault.body !== undefined) return send(response, new HttpAnswer(fault.status, fault.body, fault.contentType ?? 'application/json'));
        return send(response, defaultStatusBody(fault.status));
      case 'html':
        return send(response, new HttpAnswer(fault.status, HTML_502.replace(/502 Bad Gateway/g, `${fault.status} ${http.STATUS_CODES[fault.status] ?? 'Error'}`), 'text/html'));
      case 'invalid-json':
        return send(response, new HttpAnswer(200, '{"total": 1, "items": [{"type": "MeshGateway", name: oops}', 'application/json'));
      case 'wrong-shape':
        return send(response, new HttpAnswer(200, fault.body ?? { kind: 'Unexpected', items: 'none' }));
      case 'huge-body': {
        const filler = 'x'.repeat(Math.max(0, fault.bytes - 64));
        return send(response, new HttpAnswer(200, { total: 0, items: [], next: null, padding: filler }));
      }
      case 'delay':
        await new Promise((resolve) => setTimeout(resolve, fault.ms));
        break;
      default:
        break;
    }
    if (response.destroyed) return;
    let answer = route(request, url, path, identity, fault);
    if (fault?.kind === 'transform' && answer.status === 200 && answer.contentType === 'application/json') {
      answer = new HttpAnswer(200, fault.transform(answer.body));
    }
    send(response, answer);
  }

  function defaultStatusBody(status: number): HttpAnswer {
    switch (status) {
      case 401:
        return kumaError(version, 401, 'Invalid authentication data', 'Unauthenticated');
      case 403:
        return kumaError(version, 403, 'Access Denied', `user "${userDescription('anonymous')}" cannot access the resource`);
      case 404:
        return kumaError(version, 404, 'Could not retrieve a resource', 'Not found');
      case 503:
        return kumaError(version, 503, 'Service unavailable', 'Service unavailable');
      default:
        return kumaError(version, status, 'Internal Server Error', 'Internal Server Error');
    }
  }

  const listener = (request: http.IncomingMessage, response: http.ServerResponse): void => {
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    let counted = true;
    const done = (): void => {
      if (counted) {
        counted = false;
        inFlight -= 1;
      }
    };
    response.on('close', done);
    response.on('finish', done);
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, kumaError(version, 500, 'Internal Server Error', String(error)));
    });
  };

  let server: http.Server;
  if (isHttps) {
    const requireClientCert = typeof options.https === 'object' && options.https.requireClientCert === true;
    server = https.createServer(
      {
        cert: readFileSync(fakeControlPlaneFixtures.serverCert),
        key: readFileSync(fakeControlPlaneFixtures.serverKey),
        ca: requireClientCert ? readFileSync(fakeControlPlaneFixtures.caCert) : undefined,
        requestCert: requireClientCert,
        rejectUnauthorized: requireClientCert,
      },
      listener,
    );
  } else {
    server = http.createServer(listener);
  }
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `${isHttps ? 'https' : 'http'}://127.0.0.1:${port}${basePath}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    setData(next: FakeDataSet): void {
      data = next;
    },
    setFault(path: string | RegExp, fault: FakeFault | null, faultOptions: FakeFaultOptions = {}): void {
      const key = String(path);
      for (let i = faults.length - 1; i >= 0; i -= 1) if (String(faults[i].path) === key) faults.splice(i, 1);
      if (fault !== null) faults.push({ path, fault, remaining: faultOptions.times ?? Number.POSITIVE_INFINITY });
    },
    clearFaults(): void {
      faults.length = 0;
    },
    requests,
    clearRequests(): void {
      requests.length = 0;
    },
    maxInFlight: () => peak,
  };
}

// ---------------------------------------------------------------------------------------------
// A large data set

export interface LargeDataSetSize {
  meshes: number;
  gateways: number;
  dataplanes: number;
  secrets: number;
}

function meshName(index: number): string {
  return index === 0 ? 'default' : `mesh-${index}`;
}

/**
 * A deterministic data set of the given size. Gateway `i` lives in mesh `i % meshes` and selects
 * `kuma.io/service: gw-i`; its listeners share ports (HTTP 80 for two hostnames, HTTPS 443 for
 * two hostnames with one certificate, TCP 9000 on every third). Dataplanes go round-robin over the
 * gateways, carry the matching gateway tag and are online except every seventh. Secrets reuse the
 * fixture PEM bundles; each HTTPS listener references a secret of its own mesh. Every gateway gets
 * a MeshHTTPRoute; every fifth also a MeshTCPRoute and a legacy MeshGatewayRoute. One
 * MeshHTTPRoute per mesh targets a MeshService, not a gateway.
 */
export function makeLargeDataSet(size: LargeDataSetSize): FakeDataSet {
  const pems = fakeControlPlaneFixtures.gatewayBundles.map((file) => readFileSync(file, 'utf8'));
  const meshCount = Math.max(1, size.meshes);
  const meshes: FakeMesh[] = Array.from({ length: meshCount }, (_, i) => ({ name: meshName(i) }));
  const secrets: FakeSecret[] = Array.from({ length: size.secrets }, (_, k) => ({
    mesh: meshName(k % meshCount),
    name: `cert-${k}`,
    pem: pems[k % pems.length],
  }));
  const secretsPerMesh = (mesh: number): number => secrets.filter((_, k) => k % meshCount === mesh).length;
  const gateways: FakeResource[] = [];
  const httpRoutes: FakeResource[] = [];
  const tcpRoutes: FakeResource[] = [];
  const gatewayRoutes: FakeResource[] = [];
  for (let i = 0; i < size.gateways; i += 1) {
    const meshIndex = i % meshCount;
    const mesh = meshName(meshIndex);
    const name = `gw-${i}`;
    const available = secretsPerMesh(meshIndex);
    const secretIndex = available > 0 ? meshIndex + meshCount * (Math.floor(i / meshCount) % available) : -1;
    const listeners: Record<string, unknown>[] = [
      { hostname: `a.gw-${i}.example.com`, port: 80, protocol: 'HTTP', tags: { vhost: 'a' } },
      { hostname: `b.gw-${i}.example.com`, port: 80, protocol: 'HTTP', tags: { vhost: 'b' } },
    ];
    for (const host of ['one', 'two']) {
      const listener: Record<string, unknown> = { hostname: `${host}.example.com`, port: 443, protocol: 'HTTPS', tags: { vhost: host } };
      listener.tls = secretIndex >= 0 ? { mode: 'TERMINATE', certificates: [{ secret: `cert-${secretIndex}` }] } : { mode: 'PASSTHROUGH' };
      listeners.push(listener);
    }
    if (i % 3 === 0) listeners.push({ port: 9000, protocol: 'TCP' });
    gateways.push({ mesh, name, selectors: [{ match: { 'kuma.io/service': name } }], conf: { listeners } });
    httpRoutes.push({
      mesh,
      name: `${name}-http`,
      spec: {
        targetRef: { kind: 'MeshGateway', name },
        to: [
          {
            targetRef: { kind: 'Mesh' },
            hostnames: [`a.gw-${i}.example.com`],
            rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], default: { backendRefs: [{ kind: 'MeshService', name: 'backend', port: 8080 }] } }],
          },
        ],
      },
    });
    if (i % 5 === 0) {
      tcpRoutes.push({
        mesh,
        name: `${name}-tcp`,
        spec: { targetRef: { kind: 'MeshGateway', name, tags: { port: '9000' } }, to: [{ targetRef: { kind: 'Mesh' }, rules: [{ default: { backendRefs: [{ kind: 'MeshService', name: 'db', port: 5432 }] } }] }] },
      });
      gatewayRoutes.push({
        mesh,
        name: `${name}-legacy`,
        selectors: [{ match: { 'kuma.io/service': name, vhost: 'b' } }],
        conf: { http: { rules: [{ matches: [{ path: { match: 'PREFIX', value: '/' } }], backends: [{ destination: { 'kuma.io/service': 'backend' } }] }] } },
      });
    }
  }
  for (let m = 0; m < meshCount; m += 1) {
    httpRoutes.push({
      mesh: meshName(m),
      name: 'service-route',
      spec: { targetRef: { kind: 'Mesh' }, to: [{ targetRef: { kind: 'MeshService', name: 'backend' }, rules: [] }] },
    });
  }
  const dataplanes: FakeDataplane[] = [];
  for (let j = 0; j < size.dataplanes && size.gateways > 0; j += 1) {
    const g = j % size.gateways;
    dataplanes.push({
      mesh: meshName(g % meshCount),
      name: `gw-${g}-dp-${j}`,
      address: `10.${(j >> 16) & 255}.${(j >> 8) & 255}.${j & 255}`,
      gateway: { type: 'BUILTIN', tags: { 'kuma.io/service': `gw-${g}` } },
      labels: { 'kuma.io/zone': `zone-${j % 2}` },
      online: j % 7 !== 0,
    });
  }
  return { meshes, gateways, gatewayRoutes, httpRoutes, tcpRoutes, dataplanes, secrets };
}
