import { setMaxListeners } from 'node:events';
import {
  decodeConfig,
  decodeDataplaneRefs,
  decodeGatewayDataplane,
  decodeIndex,
  decodeListPage,
  decodeResource,
  decodeResourceTypes,
  isObject,
} from './decode.js';
import { bodySnippet, clientError, displayUrl, parseKumaErrorBody, redactError } from './errors.js';
import { createLimiter } from './http/limiter.js';
import { offsetFromNext } from './http/paging.js';
import { secretCertificates } from './resources/secrets.js';
import { createNodeTransport, type Transport, type TransportOutcome } from './http/transport.js';
import type {
  CallOptions,
  ClientError,
  ConnectionSettings,
  ControlPlaneConfig,
  ControlPlaneIndex,
  DataplaneRef,
  GatewayDataplane,
  RawResource,
  ResourceTypeInfo,
  Result,
  SecretCertificates,
  SecretsState,
} from './types.js';

export interface KumaClientOptions {
  /** Per-request timeout in milliseconds, connect to last body byte. Default 10 000. */
  timeoutMs?: number;
  /** Requests in flight at once, across all calls on this client. Default 6. */
  concurrency?: number;
  /** Page size for list calls; Kuma accepts 1 to 1000. Default 1000. */
  pageSize?: number;
  /** A list call that needs more pages than this stops with a `paging` error. Default 100. */
  maxPages?: number;
  /** Bodies larger than this many bytes fail with an `http` error. Default 64 MiB. */
  maxBodyBytes?: number;
  /** Replaces the network, e.g. in tests. Default: `createNodeTransport(settings.tls, ...)`. */
  transport?: Transport;
  /** The `User-Agent` header. Default `meshgw`. */
  userAgent?: string;
}

/** Options of the generic calls: the query is sent as given, values percent-encoded. */
export interface RequestOptions extends CallOptions {
  query?: Record<string, string>;
}

/**
 * A client for one control plane. Every call resolves to a value and never rejects: failures are
 * `ClientError`s (or a `SecretsState` for secrets). Mesh and resource names are percent-encoded
 * into paths by the client; pass them as the API returned them.
 */
export interface KumaClient {
  /** The base URL without credentials, for display. */
  readonly url: string;
  /** `GET /`. */
  getIndex(options?: CallOptions): Promise<Result<ControlPlaneIndex>>;
  /** `GET /config`, reduced to mode, environment and zone. */
  getConfig(options?: CallOptions): Promise<Result<ControlPlaneConfig>>;
  /** `GET /_resources` (2.6+; older servers answer 404, a `not-found` error). */
  getResourceTypes(options?: CallOptions): Promise<Result<ResourceTypeInfo[]>>;
  /** `GET /meshes`, all pages. */
  listMeshes(options?: CallOptions): Promise<Result<RawResource[]>>;
  /** `GET /meshes/{mesh}/meshgateways`, all pages. A 404 is `no-gateway-support`. */
  listMeshGateways(mesh: string, options?: CallOptions): Promise<Result<RawResource[]>>;
  /** `GET /meshes/{mesh}/meshgatewayroutes`, all pages. */
  listMeshGatewayRoutes(mesh: string, options?: CallOptions): Promise<Result<RawResource[]>>;
  /** `GET /meshes/{mesh}/meshhttproutes`, all pages, every target kind. */
  listMeshHttpRoutes(mesh: string, options?: CallOptions): Promise<Result<RawResource[]>>;
  /** `GET /meshes/{mesh}/meshtcproutes`, all pages, every target kind. */
  listMeshTcpRoutes(mesh: string, options?: CallOptions): Promise<Result<RawResource[]>>;
  /**
   * `GET /meshes/{mesh}/dataplanes+insights?gateway=builtin`, all pages: the mesh's builtin
   * gateway proxies with their online state. On 2.0, which knows only `gateway=true`, it asks
   * for all gateway proxies and keeps the builtin ones.
   */
  listGatewayDataplanes(mesh: string, options?: CallOptions): Promise<Result<GatewayDataplane[]>>;
  /**
   * `GET /meshes/{mesh}/meshgateways/{gateway}/dataplanes`: proxies whose tags match the
   * gateway's selectors. The server builds a whole mesh context for it: call it on demand only.
   */
  getMeshGatewayDataplanes(mesh: string, gateway: string, options?: CallOptions): Promise<Result<DataplaneRef[]>>;
  /** `GET /meshes/{mesh}/secrets`, all pages, reduced to certificates. 403 is a state. */
  listSecrets(mesh: string, options?: CallOptions): Promise<Exclude<SecretsState, { state: 'not-requested' }>>;
  /** `GET /global-secrets`, all pages, reduced to certificates. 403 is a state. */
  listGlobalSecrets(options?: CallOptions): Promise<Exclude<SecretsState, { state: 'not-requested' }>>;
  /** GET any path under the base URL and parse the JSON body. */
  get(path: string, options?: RequestOptions): Promise<Result<unknown>>;
  /** GET every page of a list under the base URL; the items as parsed, in order. */
  list(path: string, options?: RequestOptions): Promise<Result<unknown[]>>;
  /** Closes idle connections. The client still works afterwards. */
  close(): void;
}

const DEFAULTS = {
  timeoutMs: 10_000,
  concurrency: 6,
  pageSize: 1000,
  maxPages: 100,
  maxBodyBytes: 64 * 1024 * 1024,
  userAgent: 'meshgw',
};

/** Header names whose values are credentials and are removed from every message. */
const SENSITIVE_HEADER = /authorization|token|cookie|secret|key|auth/i;

function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

function fail<T>(error: ClientError): Result<T> {
  return { ok: false, error };
}

function sizeText(bytes: number): string {
  return bytes >= 1048576 ? `${Math.round(bytes / 1048576)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** A phrase for the usual connection failures; Node's own message otherwise. */
function networkReason(code: string | null, detail: string): string {
  switch (code) {
    case 'ECONNREFUSED':
      return 'the connection was refused';
    case 'ECONNRESET':
      return 'the connection was closed before an answer';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name does not resolve';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
      return 'the host cannot be reached';
    default:
      return detail.replace(/\.$/, '');
  }
}

const FORBIDDEN_SECRETS = 'Certificate expiry needs an admin token: this identity may not read Secrets.';

/**
 * Builds a client. Fails with a `config` error when the URL is not an absolute http(s) URL.
 */
export function createKumaClient(
  settings: Pick<ConnectionSettings, 'url' | 'token' | 'headers' | 'tls'>,
  options: KumaClientOptions = {},
): Result<KumaClient> {
  let base: URL;
  try {
    base = new URL(settings.url);
  } catch {
    return fail(clientError('config', `The control plane URL "${settings.url}" is not a valid URL.`));
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    return fail(clientError('config', `The control plane URL must start with http:// or https://, not ${base.protocol}//.`));
  }
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const concurrency = options.concurrency ?? DEFAULTS.concurrency;
  const pageSize = Math.min(1000, Math.max(1, options.pageSize ?? DEFAULTS.pageSize));
  const maxPages = options.maxPages ?? DEFAULTS.maxPages;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULTS.maxBodyBytes;
  const transport = options.transport ?? createNodeTransport(settings.tls, { maxSockets: concurrency });
  const limiter = createLimiter(concurrency);
  const shownUrl = displayUrl(base);

  const headers: Record<string, string> = {
    Accept: 'application/json',
    'User-Agent': options.userAgent ?? DEFAULTS.userAgent,
  };
  const secrets: string[] = [];
  for (const [key, value] of Object.entries(settings.headers)) {
    headers[key] = value;
    if (SENSITIVE_HEADER.test(key)) secrets.push(value);
  }
  if (settings.token !== null && settings.token !== '') {
    for (const key of Object.keys(headers)) if (key.toLowerCase() === 'authorization') delete headers[key];
    headers.Authorization = `Bearer ${settings.token}`;
    secrets.push(settings.token);
  }
  for (const part of [base.username, base.password]) {
    if (part === '') continue;
    secrets.push(part);
    try {
      secrets.push(decodeURIComponent(part));
    } catch {
      // A malformed escape stays as written; it is redacted in that form.
    }
  }
  const sendsCredentials = Object.keys(headers).some((key) => key.toLowerCase() === 'authorization');
  const basePath = base.pathname.replace(/\/+$/, '');

  function buildUrl(path: string, query: Record<string, string> | undefined): URL {
    const url = new URL(base.href);
    url.username = '';
    url.password = '';
    url.pathname = basePath + (path.startsWith('/') ? path : `/${path}`);
    url.search = query !== undefined ? new URLSearchParams(query).toString() : '';
    url.hash = '';
    return url;
  }

  function failureError(outcome: Extract<TransportOutcome, { type: 'failure' }>, path: string): ClientError {
    const code = outcome.code !== null ? ` (${outcome.code})` : '';
    switch (outcome.failure) {
      case 'aborted':
        return clientError('aborted', `GET ${path} was cancelled.`, { path });
      case 'timeout':
        return clientError('timeout', `The control plane at ${shownUrl} did not answer GET ${path} within ${seconds(timeoutMs)}.`, { path });
      case 'too-large':
        return clientError('http', `The answer to GET ${path} is larger than ${sizeText(maxBodyBytes)}; it was not read.`, { path });
      case 'tls-verify':
        return clientError(
          'tls',
          `The TLS certificate of ${shownUrl} could not be verified: ${outcome.detail}${code}. ` +
            'Pass --ca-cert FILE with the CA that signed it, or --insecure-skip-tls-verify to skip verification (not recommended).',
          { path },
        );
      case 'tls-handshake':
        return clientError(
          'tls',
          `The TLS handshake with ${shownUrl} failed: ${outcome.detail}${code}. ` +
            'Check that the URL scheme matches the port (Kuma serves HTTP on 5681 and HTTPS on 5682) and, if the server requires a client certificate, that one is configured.',
          { path },
        );
      case 'unreachable':
        return outcome.whileReadingBody
          ? clientError('unreachable', `The connection to ${shownUrl} broke while reading GET ${path}${code}.`, { path })
          : clientError('unreachable', `Cannot connect to the control plane at ${shownUrl}: ${networkReason(outcome.code, outcome.detail)}${code}. Is kuma-cp running at that address?`, { path });
    }
  }

  function statusError(status: number, body: string, path: string): ClientError {
    const kuma = parseKumaErrorBody(body);
    const extra: Partial<ClientError> = { path, status };
    if (kuma?.title != null) extra.title = kuma.title;
    if (kuma?.detail != null) extra.detail = kuma.detail;
    const explained = kuma !== null
      ? [kuma.title, kuma.detail].filter((part): part is string => part !== null && part !== '').join(': ') +
        (kuma.causes.length > 0 ? ` (${kuma.causes.join('; ')})` : '')
      : bodySnippet(body);
    const because = explained !== '' ? `: ${explained}` : '';
    switch (status) {
      case 401:
        return clientError(
          'unauthorized',
          sendsCredentials
            ? `The control plane at ${shownUrl} rejected the token (HTTP 401${because}). Check --token, MESHGW_TOKEN or the token of the kumactl context.`
            : `The control plane at ${shownUrl} requires a token (HTTP 401${because}). Pass --token or set MESHGW_TOKEN.`,
          extra,
        );
      case 403:
        return clientError('forbidden', `Access denied to GET ${path} (HTTP 403${because}).`, extra);
      case 404:
        return clientError('not-found', `GET ${path} found nothing on ${shownUrl} (HTTP 404${because}).`, extra);
      default:
        return clientError('http', `GET ${path} failed with HTTP ${status}${because}.`, extra);
    }
  }

  // One relay per caller signal: however many requests share a signal, it gets one listener from
  // this client, and the relay (which may have any number) fires when it does.
  const relays = new WeakMap<AbortSignal, AbortSignal>();
  function relay(signal: AbortSignal | undefined): AbortSignal | undefined {
    if (signal === undefined) return undefined;
    let inner = relays.get(signal);
    if (inner === undefined) {
      const controller = new AbortController();
      setMaxListeners(0, controller.signal);
      if (signal.aborted) controller.abort();
      else signal.addEventListener('abort', () => controller.abort(), { once: true });
      inner = controller.signal;
      relays.set(signal, inner);
    }
    return inner;
  }

  async function get(path: string, options: RequestOptions = {}): Promise<Result<unknown>> {
    const url = buildUrl(path, options.query);
    const shownPath = url.pathname + url.search;
    const signal = relay(options.signal);
    const outcome = await limiter.run(
      () => transport.get({ url, headers, timeoutMs, signal, maxBodyBytes }),
      signal,
      (): TransportOutcome => ({ type: 'failure', failure: 'aborted', code: null, detail: 'aborted', whileReadingBody: false }),
    );
    if (outcome.type === 'failure') return fail(redactError(failureError(outcome, shownPath), secrets));
    if (outcome.status < 200 || outcome.status > 299) {
      return fail(redactError(statusError(outcome.status, outcome.body, shownPath), secrets));
    }
    try {
      return ok(JSON.parse(outcome.body) as unknown);
    } catch {
      const snippet = bodySnippet(outcome.body);
      return fail(
        redactError(
          clientError('invalid-json', `GET ${shownPath} answered HTTP ${outcome.status} with a body that is not JSON${snippet !== '' ? `: ${snippet}` : ' (empty)'}.`, {
            path: shownPath,
            status: outcome.status,
          }),
          secrets,
        ),
      );
    }
  }

  async function list(path: string, options: RequestOptions = {}): Promise<Result<unknown[]>> {
    const items: unknown[] = [];
    const seen = new Set<string>();
    let offset: string | null = null;
    for (let page = 1; ; page += 1) {
      if (page > maxPages) {
        return fail(clientError('paging', `GET ${path} still had more pages after ${maxPages} pages of ${pageSize}; stopped.`, { path }));
      }
      const query: Record<string, string> = { ...options.query, size: String(pageSize) };
      if (offset !== null) query.offset = offset;
      const response = await get(path, { query, signal: options.signal });
      if (!response.ok) return response;
      const decoded = decodeListPage(response.value);
      if (decoded === null) {
        return fail(clientError('bad-shape', `GET ${path} did not answer with a list ({"items": [...], "next": ...}).`, { path }));
      }
      items.push(...decoded.items);
      if (decoded.next === null) return ok(items);
      const next = offsetFromNext(decoded.next);
      if (next === null) {
        return fail(clientError('paging', `GET ${path} returned a next link without an offset; paging stopped.`, { path }));
      }
      seen.add(offset ?? '');
      if (seen.has(next)) {
        return fail(clientError('paging', `GET ${path} returned a next link that repeats offset ${next}; paging stopped.`, { path }));
      }
      offset = next;
    }
  }

  async function listResources(path: string, options: CallOptions): Promise<Result<RawResource[]>> {
    const response = await list(path, { signal: options.signal });
    if (!response.ok) return response;
    const out: RawResource[] = [];
    for (const item of response.value) {
      const resource = decodeResource(item);
      if (resource === null) {
        return fail(clientError('bad-shape', `GET ${path} returned an item without a name.`, { path }));
      }
      out.push(resource);
    }
    return ok(out);
  }

  async function one<T>(path: string, options: CallOptions, decode: (json: unknown) => T | null, what: string): Promise<Result<T>> {
    const response = await get(path, { signal: options.signal });
    if (!response.ok) return response;
    const value = decode(response.value);
    if (value === null) return fail(clientError('bad-shape', `GET ${path} did not answer with ${what}.`, { path }));
    return ok(value);
  }

  const meshPath = (mesh: string, rest: string): string => `/meshes/${encodeURIComponent(mesh)}/${rest}`;

  async function listGatewayDataplanes(mesh: string, options: CallOptions = {}): Promise<Result<GatewayDataplane[]>> {
    const path = meshPath(mesh, 'dataplanes+insights');
    let response = await list(path, { query: { gateway: 'builtin' }, signal: options.signal });
    if (!response.ok && response.error.status === 400) {
      response = await list(path, { query: { gateway: 'true' }, signal: options.signal });
    }
    if (!response.ok) return response;
    const out: GatewayDataplane[] = [];
    for (const item of response.value) {
      const dataplane = decodeGatewayDataplane(item, mesh);
      if (dataplane === null) return fail(clientError('bad-shape', `GET ${path} returned an item without a name.`, { path }));
      if (dataplane.gatewayType === 'BUILTIN') out.push(dataplane);
    }
    return ok(out);
  }

  async function secretsAt(path: string, options: CallOptions): Promise<Exclude<SecretsState, { state: 'not-requested' }>> {
    const response = await list(path, { signal: options.signal });
    if (!response.ok) {
      if (response.error.kind === 'forbidden') return { state: 'forbidden', message: FORBIDDEN_SECRETS };
      return { state: 'error', error: response.error };
    }
    const secretsList: SecretCertificates[] = [];
    for (const item of response.value) {
      const secret = secretCertificates(item);
      if (secret === null) {
        return { state: 'error', error: clientError('bad-shape', `GET ${path} returned an item without a name.`, { path }) };
      }
      secretsList.push(secret);
    }
    return { state: 'ok', secrets: secretsList };
  }

  const client: KumaClient = {
    url: shownUrl,
    getIndex: (options = {}) => one('/', options, decodeIndex, 'the index ({"product", "version", ...})'),
    getConfig: (options = {}) => one('/config', options, decodeConfig, 'a configuration object'),
    getResourceTypes: (options = {}) => one('/_resources', options, decodeResourceTypes, 'a resource type list ({"resources": [...]})'),
    listMeshes: (options = {}) => listResources('/meshes', options),
    async listMeshGateways(mesh, options = {}) {
      const response = await listResources(meshPath(mesh, 'meshgateways'), options);
      if (!response.ok && response.error.kind === 'not-found') {
        return fail({
          ...response.error,
          kind: 'no-gateway-support',
          message: `The control plane at ${shownUrl} has no builtin MeshGateway support (GET ${response.error.path ?? ''} answered 404). Kuma 2.14 is the last release with MeshGateway.`,
        });
      }
      return response;
    },
    listMeshGatewayRoutes: (mesh, options = {}) => listResources(meshPath(mesh, 'meshgatewayroutes'), options),
    listMeshHttpRoutes: (mesh, options = {}) => listResources(meshPath(mesh, 'meshhttproutes'), options),
    listMeshTcpRoutes: (mesh, options = {}) => listResources(meshPath(mesh, 'meshtcproutes'), options),
    listGatewayDataplanes,
    getMeshGatewayDataplanes: (mesh, gateway, options = {}) =>
      one(meshPath(mesh, `meshgateways/${encodeURIComponent(gateway)}/dataplanes`), options, decodeDataplaneRefs, 'a dataplane list ({"items": [{"dataplane": ...}]})'),
    listSecrets: (mesh, options = {}) => secretsAt(meshPath(mesh, 'secrets'), options),
    listGlobalSecrets: (options = {}) => secretsAt('/global-secrets', options),
    get,
    list,
    close: () => transport.close(),
  };
  return ok(client);
}

/** Whether a MeshHTTPRoute or MeshTCPRoute targets a MeshGateway (`spec.targetRef.kind`). */
export function targetsMeshGateway(route: RawResource): boolean {
  const spec = route.spec;
  return isObject(spec) && isObject(spec.targetRef) && spec.targetRef.kind === 'MeshGateway';
}
