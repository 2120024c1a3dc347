import { clientError, displayUrl } from './errors.js';
import { requestCredentials } from './http/credentials.js';
import { createLimiter } from './http/limiter.js';
import { listPages } from './http/paging.js';
import { createGet, type RequestOptions } from './http/request.js';
import { createNodeTransport, type Transport } from './http/transport.js';
import { controlPlaneCalls } from './resources/control-plane.js';
import { dataplaneCalls } from './resources/dataplanes.js';
import { gatewayCalls } from './resources/gateways.js';
import type { Requests } from './resources/resource-requests.js';
import { secretCalls } from './resources/secrets.js';
import { fail, ok } from './result.js';
import type { CallOptions, ConnectionSettings, ControlPlaneConfig, ControlPlaneIndex, DataplaneRef, GatewayDataplane, RawResource, ResourceTypeInfo, Result, SecretsState } from './types.js';

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
  /**
   * A body equal to the last one of the same URL gives the value parsed then, the same object,
   * instead of being parsed again: for a client that polls. Callers must then not change what
   * calls return. Default false.
   */
  reuseUnchangedBodies?: boolean;
}

/**
 * A client for one control plane. Every call resolves to a value and never rejects: failures are
 * `ClientError`s (or a `SecretsState` for secrets). Mesh and resource names are percent-encoded
 * into paths by the client; pass them as the API returned them.
 */
export interface KumaClient {
  /** The base URL without credentials, for display. */
  readonly url: string;
  /** The per-request timeout in milliseconds it was made with (for a client of another thread). */
  readonly timeoutMs: number;
  /** `GET /`. */
  getIndex(options?: CallOptions): Promise<Result<ControlPlaneIndex>>;
  /** `GET /config`, reduced to mode, environment and zone. */
  getConfig(options?: CallOptions): Promise<Result<ControlPlaneConfig>>;
  /** `GET /_resources` (2.6+; older servers answer 404, a `not-found` error). */
  getResourceTypes(options?: CallOptions): Promise<Result<ResourceTypeInfo[]>>;
  /** `GET /meshes`, all pages. */
  listMeshes(options?: CallOptions): Promise<Result<RawResource[]>>;
  /**
   * `GET /meshes/{mesh}/meshgateways`, all pages. The unknown-path 404 of a server without
   * MeshGateway is `no-gateway-support`; the 404 of a missing mesh (2.7+) is `not-found`.
   */
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

function baseUrl(url: string): Result<URL> {
  let base: URL;
  try {
    base = new URL(url);
  } catch {
    return fail(clientError('config', `The control plane URL "${url}" is not a valid URL.`));
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    return fail(clientError('config', `The control plane URL must start with http:// or https://, not ${base.protocol}//.`));
  }
  return ok(base);
}

/**
 * Builds a client. Fails with a `config` error when the URL is not an absolute http(s) URL.
 */
export function createKumaClient(
  settings: Pick<ConnectionSettings, 'url' | 'token' | 'headers' | 'tls'>,
  options: KumaClientOptions = {},
): Result<KumaClient> {
  const parsed = baseUrl(settings.url);
  if (!parsed.ok) return parsed;
  const base = parsed.value;
  const concurrency = options.concurrency ?? DEFAULTS.concurrency;
  const limits = { pageSize: Math.min(1000, Math.max(1, options.pageSize ?? DEFAULTS.pageSize)), maxPages: options.maxPages ?? DEFAULTS.maxPages };
  const transport = options.transport ?? createNodeTransport(settings.tls, { maxSockets: concurrency });
  const shownUrl = displayUrl(base);
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const get = createGet({
    base,
    shownUrl,
    transport,
    limiter: createLimiter(concurrency),
    credentials: requestCredentials(settings, base, options.userAgent ?? DEFAULTS.userAgent),
    timeoutMs,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULTS.maxBodyBytes,
    reuseUnchangedBodies: options.reuseUnchangedBodies === true,
  });
  const list = (path: string, listOptions: RequestOptions = {}): Promise<Result<unknown[]>> => listPages(get, path, listOptions, limits);
  const requests: Requests = { url: shownUrl, get, list };
  return ok({
    url: shownUrl,
    timeoutMs,
    ...controlPlaneCalls(requests),
    ...gatewayCalls(requests),
    ...dataplaneCalls(requests),
    ...secretCalls(requests),
    get,
    list,
    close: () => transport.close(),
  });
}
