/**
 * The test control plane for tests and benchmarks: a real `node:http` (or `node:https`) server on
 * 127.0.0.1 and a random port that answers the GETs of `packages/kuma-client` as a recorded
 * `kuma-cp` answered them (test/fixtures/kuma/read-api/<version>.json, default 2.14.3).
 *
 * Without `data` it serves the recorder's own data set, as recorded. With `data` it serves the
 * test's resources in the REST form of that version: each item shaped like the recorded item of
 * its kind, lists in the recorded envelope (`total`, `items`, `next` and how each version counts
 * `total`), errors as the recorded error bodies, `GET /`, `/config` and `/_resources` as recorded.
 * What no recording shows is said where it is written (the insight of a connected proxy, pages
 * without `size`, statuses that only faults produce).
 *
 * Not part of the product.
 */
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clone, substitute, versionShapes, type Item } from './fake-cp-shapes.js';
import { COLLECTION_LABELS, COLLECTIONS, recordedStore, storeFromData, type Collection, type FakeDataplane, type FakeDataSet, type FakeMesh, type FakeResource, type FakeSecret, type FakeStore } from './fake-cp-store.js';
import { readKumaRecording, type KumaRecording, type RecordedCall } from './kuma-recording.js';

export type { FakeDataplane, FakeDataSet, FakeMesh, FakeResource, FakeSecret };

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
// Faults

/** What a path answers instead of its normal response. */
export type FakeFault =
  /** A status with an error body of the version's layout (or `body` as given, with `contentType`). */
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
  /** The test's resources; without it, the data set the recording was made with. */
  data?: FakeDataSet;
  /** Bearer token of an admin (`mesh-system:admin`). Default `fake-admin-token`. */
  adminToken?: string;
  /** Bearer tokens of the recorded non-admin user (`alice`, group `users`). Default `['fake-user-token']`. */
  userTokens?: string[];
  /** Treat callers without a token as admin, as Kuma does for localhost. Default false: a remote caller. */
  anonymousIsAdmin?: boolean;
  /** Serve HTTPS with `tls/server.crt`; `requireClientCert` also demands a certificate signed by `tls/ca.crt`. */
  https?: boolean | { requireClientCert?: boolean };
  /** The recorded Kuma version to answer as, e.g. `2.0.8` (see `recordedKumaVersions()`). Default `2.14.3`. */
  version?: string;
  /** A build without MeshGateway (Kuma after 2.14): `/_resources` lacks it, its paths answer the recorded unknown-path 404. */
  withoutMeshGateway?: boolean;
  /** `mode` of `/config` (the recording's otherwise). */
  mode?: 'zone' | 'global' | 'standalone';
  /** `multizone.zone.name` of `/config`, and the zone in the labels, tags and `kri` Kuma adds. */
  zone?: string;
  /** `multizone.zone.globalAddress` of `/config`. */
  globalAddress?: string;
  /** Serve the API under this prefix, like `apiServer.basePath`, e.g. `/api`. */
  basePath?: string;
  /** Listen on this port (0, the default, picks a free one): a control plane that went away comes back at its address. */
  port?: number;
}

export interface FakeControlPlane {
  /** Base URL, including the base path, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  /** The recording it answers from. */
  recording: KumaRecording;
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
// Answers

const MAX_PAGE_SIZE = 1000;
/** Kuma's page size when a list is asked for without `size` (no recording: the client always sends one). */
const DEFAULT_PAGE_SIZE = 100;

class HttpAnswer {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly contentType = 'application/json',
  ) {}
}

/** The recorded answer of a call, its body a copy; `from`/`to` pairs are replaced in its strings. */
function recorded(call: RecordedCall, ...replacements: [from: string, to: string][]): HttpAnswer {
  let body = clone(call.body);
  for (const [from, to] of replacements) body = substitute(body, from, to);
  return new HttpAnswer(call.status, body, call.contentType);
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

function byName(a: Item, b: Item): number {
  return String(a.name) < String(b.name) ? -1 : String(a.name) > String(b.name) ? 1 : 0;
}

/** Tag selector match as Kuma does it for gateways: every key equal, `*` matches any value. */
function selectorMatches(match: Record<string, string>, tags: Record<string, string>): boolean {
  return Object.entries(match).every(([key, value]) => key in tags && (value === '*' || tags[key] === value));
}

function gatewayOf(overview: Item): { type?: unknown; tags?: Record<string, string> } | undefined {
  const dataplane = overview.dataplane as { networking?: { gateway?: { type?: unknown; tags?: Record<string, string> } } } | undefined;
  return dataplane?.networking?.gateway;
}

// ---------------------------------------------------------------------------------------------
// The server

export async function startFakeControlPlane(options: FakeControlPlaneOptions = {}): Promise<FakeControlPlane> {
  const recording = readKumaRecording(options.version ?? '2.14.3');
  const shapes = versionShapes(recording, options.zone ?? null);
  const call = recording.call;
  const adminToken = options.adminToken ?? 'fake-admin-token';
  const userTokens = new Set(options.userTokens ?? ['fake-user-token']);
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const gatewayPaths = options.withoutMeshGateway !== true;
  let store: FakeStore = options.data !== undefined ? storeFromData(shapes, options.data) : recordedStore(recording);
  const faults: { path: string | RegExp; fault: FakeFault; remaining: number }[] = [];
  const requests: FakeRequest[] = [];
  let inFlight = 0;
  let peak = 0;
  const isHttps = options.https !== undefined && options.https !== false;

  // Before 2.5 `total` of dataplanes+insights counted the page only; the other lists count all.
  const firstOverviewPage = call('dataplanes with insights (size=2, page 1)').body as { total: number; items: unknown[] };
  const overviewTotalIsPage = firstOverviewPage.total === firstOverviewPage.items.length && firstOverviewPage.total < recording.items('dataplanes with insights').length;

  function identityOf(request: http.IncomingMessage): FakeRequest['identity'] {
    const header = request.headers.authorization;
    if (options.anonymousIsAdmin === true) return 'admin';
    if (header === undefined || header === '') return 'anonymous';
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    if (token === adminToken) return 'admin';
    if (userTokens.has(token)) return 'user';
    return 'invalid-token';
  }

  /** The recorded 403 of this identity for a type (`Secret`, `GlobalSecret`). */
  function denied(identity: FakeRequest['identity'], type: 'Secret' | 'GlobalSecret'): HttpAnswer {
    const label = identity === 'anonymous' ? 'secrets without a token' : type === 'Secret' ? 'secrets as non-admin' : 'global secrets as non-admin';
    return recorded(call(label), ['type "Secret"', `type "${type}"`]);
  }

  function config(request: http.IncomingMessage): HttpAnswer {
    // Only what was recorded: no Accept, `*/*`, and `application/json` (which 2.0 refused with 406).
    const accept = request.headers.accept;
    const label = accept === undefined || accept === '' ? 'config, no Accept header' : accept === '*/*' ? 'config, Accept */*' : 'config';
    const answer = recorded(call(label));
    if (answer.status !== 200) return answer;
    const body = answer.body as Item & { multizone?: { zone?: Item } };
    if (options.mode !== undefined) body.mode = options.mode;
    if (options.zone !== undefined || options.globalAddress !== undefined) {
      body.multizone ??= {};
      body.multizone.zone ??= {};
      if (options.zone !== undefined) body.multizone.zone.name = options.zone;
      if (options.globalAddress !== undefined) body.multizone.zone.globalAddress = options.globalAddress;
    }
    return answer;
  }

  function resourceTypes(): HttpAnswer {
    const answer = recorded(call('resource types (2.6+)'));
    if (answer.status === 200 && !gatewayPaths) {
      const body = answer.body as { resources: Item[] };
      body.resources = body.resources.filter((type) => type.name !== 'MeshGateway' && type.name !== 'MeshGatewayRoute');
    }
    return answer;
  }

  /** A page as Kuma writes it; `size`, `offset` and their errors as recorded. */
  function page(items: Item[], request: http.IncomingMessage, url: URL, fault: FakeFault | null, totalIsPage: boolean): HttpAnswer {
    const query = url.searchParams;
    let size = DEFAULT_PAGE_SIZE;
    const sizeText = query.get('size');
    if (sizeText !== null && sizeText !== '') {
      size = /^\d+$/.test(sizeText) ? Number(sizeText) : 0;
      if (size > MAX_PAGE_SIZE) return recorded(call('page size 1001'), ['1001', sizeText]);
      if (size <= 0) {
        // Up to 2.13 a size of 0 means no paging: every item, in the store's order.
        const answer = recorded(call('page size 0'));
        return answer.status === 200 ? new HttpAnswer(200, { total: items.length, items, next: null }) : answer;
      }
    }
    let offset = 0;
    const offsetText = query.get('offset');
    if (offsetText !== null && offsetText !== '') {
      if (!/^\d+$/.test(offsetText)) return recorded(call('bad offset'), ['not-an-offset', offsetText]);
      offset = Number(offsetText);
    }
    const sorted = [...items].sort(byName);
    const chunk = sorted.slice(offset, offset + size);
    let nextOffset: string | null = offset + size < sorted.length ? String(offset + size) : null;
    if (fault?.kind === 'endless-paging') nextOffset = fault.mode === 'advance' ? String(offset + size) : String(offset);
    let next: string | null = null;
    if (nextOffset !== null) {
      // As recorded: scheme of the server, host from the Host header, the request's path and
      // query with `offset` set, keys sorted.
      const params = new URLSearchParams(query);
      params.set('offset', nextOffset);
      params.sort();
      next = `${isHttps ? 'https' : 'http'}://${request.headers.host ?? ''}${url.pathname}?${params.toString()}`;
    }
    return new HttpAnswer(200, { total: totalIsPage ? chunk.length : sorted.length, items: chunk, next });
  }

  /** `gateway=` of dataplanes+insights: the values the recording answered 200 to, and `false`. */
  function gatewayFilter(url: URL): ((overview: Item) => boolean) | HttpAnswer {
    const value = url.searchParams.get('gateway') ?? '';
    const accepted = value === '' || value === 'true' || value === 'false' || (value === 'builtin' && call('builtin gateway dataplanes (2.1+)').status === 200) || (value === 'delegated' && call('delegated gateway dataplanes').status === 200);
    if (!accepted) return recorded(call('invalid gateway filter'), ['instead of bogus', `instead of ${value}`]);
    return (overview) => {
      const gateway = gatewayOf(overview);
      switch (value) {
        case 'true':
          return gateway !== undefined;
        case 'false':
          return gateway === undefined;
        case 'builtin':
          return gateway?.type === 'BUILTIN';
        case 'delegated':
          return gateway !== undefined && gateway.type !== 'BUILTIN';
        default:
          return true;
      }
    };
  }

  function missing(): HttpAnswer {
    return recorded(call('missing gateway'));
  }

  /** `/meshes/{mesh}/{collection}[/{name}[/dataplanes]]`. */
  function inMesh(segments: string[], request: http.IncomingMessage, url: URL, identity: FakeRequest['identity'], fault: FakeFault | null): HttpAnswer {
    const [, mesh, collectionText, name, sub] = segments;
    if (!(COLLECTIONS as readonly string[]).includes(collectionText) || segments.length > 5) return recorded(call('unknown path'));
    const collection = collectionText as Collection;
    if (!gatewayPaths && (collection === 'meshgateways' || collection === 'meshgatewayroutes')) return recorded(call('unknown path'));
    // A kind the version does not serve answers as recorded (404 plain text), whatever the mesh.
    const list = call(COLLECTION_LABELS[collection]);
    if (list.status !== 200) return recorded(list);
    if (segments.length === 5 && !(collection === 'meshgateways' && sub === 'dataplanes')) return recorded(call('unknown path'));
    if (collection === 'secrets' && identity !== 'admin') return denied(identity, 'Secret');
    const lists = store.meshes.some((m) => m.name === mesh) ? store.lists.get(mesh) : undefined;
    if (lists === undefined) {
      const answer = recorded(call('gateways of a missing mesh'));
      return segments.length === 3 || answer.status === 404 ? answer : missing();
    }
    const items = lists[collection];
    if (segments.length === 3) {
      if (collection !== 'dataplanes+insights') return page(items, request, url, fault, false);
      const filter = gatewayFilter(url);
      if (filter instanceof HttpAnswer) return filter;
      return page(items.filter(filter), request, url, fault, overviewTotalIsPage);
    }
    const found = items.find((item) => item.name === name);
    if (segments.length === 4) return found !== undefined ? new HttpAnswer(200, clone(found)) : missing();
    if (found === undefined) return recorded(call('dataplanes of a missing gateway'));
    const selectors = Array.isArray(found.selectors) ? (found.selectors as { match?: Record<string, string> }[]) : [];
    const matched = lists['dataplanes+insights']
      .filter((overview) => {
        const gateway = gatewayOf(overview);
        return gateway?.type === 'BUILTIN' && selectors.some((selector) => selectorMatches(selector.match ?? {}, gateway.tags ?? {}));
      })
      .sort(byName)
      .map((overview) => ({ dataplane: { mesh: overview.mesh, name: overview.name } }));
    return new HttpAnswer(200, { total: matched.length, items: matched });
  }

  function route(request: http.IncomingMessage, url: URL, path: string, identity: FakeRequest['identity'], fault: FakeFault | null): HttpAnswer {
    const segments = path.split('/').filter((segment) => segment !== '').map((segment) => decodeURIComponent(segment));
    // `GET /` skips authentication in Kuma; everything else answers 401 to a token it cannot verify.
    if (segments.length === 0) return recorded(call('index'));
    if (identity === 'invalid-token') return recorded(call('mesh gateways with an invalid token'));
    const [first] = segments;
    if (segments.length === 1 && first === 'config') return config(request);
    if (segments.length === 1 && first === '_resources') return resourceTypes();
    if (first === 'global-secrets' && segments.length <= 2) {
      if (identity !== 'admin') return denied(identity, 'GlobalSecret');
      if (segments.length === 1) return page(store.globalSecrets, request, url, fault, false);
      const found = store.globalSecrets.find((secret) => secret.name === segments[1]);
      return found !== undefined ? new HttpAnswer(200, clone(found)) : missing();
    }
    if (first !== 'meshes') return recorded(call('unknown path'));
    if (segments.length === 1) return page(store.meshes, request, url, fault, false);
    if (segments.length === 2) {
      const mesh = store.meshes.find((m) => m.name === segments[1]);
      return mesh !== undefined ? new HttpAnswer(200, clone(mesh)) : missing();
    }
    return inMesh(segments, request, url, identity, fault);
  }

  /** The body of a `status` fault without one: a recorded answer of that status, else the version's error layout. */
  function statusBody(status: number): HttpAnswer {
    switch (status) {
      case 401:
        return recorded(call('mesh gateways with an invalid token'));
      case 403:
        return recorded(call('secrets as non-admin'));
      case 404:
        return missing();
      default: {
        const text = http.STATUS_CODES[status] ?? 'Error';
        return new HttpAnswer(status, shapes.error(status, text, text));
      }
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
      if (path !== basePath && !path.startsWith(`${basePath}/`)) return send(response, recorded(call('unknown path')));
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
        return send(response, statusBody(fault.status));
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
      if (!response.headersSent) send(response, new HttpAnswer(500, shapes.error(500, 'Internal Server Error', String(error))));
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
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `${isHttps ? 'https' : 'http'}://127.0.0.1:${port}${basePath}`,
    port,
    recording,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    setData(next: FakeDataSet): void {
      store = storeFromData(shapes, next);
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
