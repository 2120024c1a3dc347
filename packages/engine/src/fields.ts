import type { ResourceForm, ResourceKind } from './types.js';

/**
 * The engine's field knowledge: every field Kuma v2.14.3 reads in the resources meshgw knows,
 * as plain data. Hover, completion, the unknown-field and type checks, and the JSON Schema are
 * all derived from this one description.
 *
 * Legacy resources (MeshGateway, MeshGatewayRoute, Dataplane, Mesh, Secret) are protobuf
 * messages read with protobuf-JSON: a field may be written with its JSON (camelCase) name or its
 * proto name (`protoName`, given only where it differs), unknown keys are dropped, enums are read
 * by exact name or by any number. MeshHTTPRoute and MeshTCPRoute are Go structs read with Go's
 * JSON decoder after a schema check: one spelling, enums are names only.
 */

/** One value of an enum. `number` is the protobuf number; null for string-only enums. */
export interface EnumValue {
  name: string;
  number: number | null;
  doc: string;
}

/**
 * A field's type.
 * - `uint32`: protobuf uint32 (also UInt32Value): a non-negative whole number, quoted or not.
 * - `integer`: a Go integer read by Go's JSON decoder: an unquoted whole number.
 * - `double`: protobuf double (also DoubleValue): a number, quoted or not.
 * - `bytes`: protobuf bytes (also BytesValue): a base64 string.
 * - `duration`: google.protobuf.Duration: a Go duration string such as `10s` or `1m30s`.
 * - `timestamp`: an RFC 3339 time string.
 * - `intOrString`: a whole number or a string such as `"50"`.
 * - `enum`: `name` is the protobuf full name (empty for string-only enums); `numbers` tells
 *   whether Kuma also accepts a number (any number, even one not listed).
 * - `map`: map<string,string> with free-form keys; `requiredKeys` are keys Kuma requires.
 * - `object`: a message; `closed` is true when every field Kuma reads is listed, so any other
 *   key is dropped by Kuma. `oneofs` lists the groups of which at most one member takes effect.
 * - `any`: free-form content this description does not detail.
 */
export type FieldType =
  | { kind: 'string' }
  | { kind: 'uint32'; min?: number; max?: number }
  | { kind: 'integer'; min?: number; max?: number }
  | { kind: 'bool' }
  | { kind: 'double'; min?: number; max?: number }
  | { kind: 'bytes' }
  | { kind: 'duration' }
  | { kind: 'timestamp' }
  | { kind: 'intOrString' }
  | { kind: 'enum'; name: string; values: EnumValue[]; numbers: boolean }
  | { kind: 'map'; requiredKeys?: string[] }
  | { kind: 'object'; name: string; fields: FieldSpec[]; closed: boolean; oneofs?: OneofGroup[] }
  | { kind: 'list'; of: FieldType; min?: number; max?: number }
  | { kind: 'any' };

export type ObjectType = Extract<FieldType, { kind: 'object' }>;
export type EnumType = Extract<FieldType, { kind: 'enum' }>;

/**
 * A protobuf oneof. `fields` are JSON names of the members. With `required`, Kuma's validator
 * needs one member; two members are never reported by Kuma: the later one in proto order wins.
 */
export interface OneofGroup {
  name: string;
  fields: string[];
  required: boolean;
}

export interface FieldSpec {
  /** The JSON (camelCase) name, the spelling Kuma prints when it writes the resource. */
  name: string;
  /** The proto (snake_case) name, accepted too; only present where it differs from `name`. */
  protoName?: string;
  type: FieldType;
  /** One or two sentences for a user hovering the field: what it does, Kuma's default or rule. */
  doc: string;
  /** True when Kuma rejects the resource without this field (unconditionally). */
  required?: boolean;
  /** The oneof group this field belongs to, as named in `ObjectType.oneofs`. */
  oneof?: string;
  /** Why the field should not be used, when it is deprecated or unsupported. */
  deprecated?: string;
  /** True for resource metadata (type, name, mesh, metadata, ...) rather than spec fields. */
  envelope?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Building blocks. These helpers only assemble plain objects.

const STRING: FieldType = { kind: 'string' };
const BOOL: FieldType = { kind: 'bool' };
const UINT32: FieldType = { kind: 'uint32' };
const PORT: FieldType = { kind: 'uint32', min: 1, max: 65535 };
const MAP: FieldType = { kind: 'map' };
const ANY: FieldType = { kind: 'any' };

function f(name: string, type: FieldType, doc: string, extra: Omit<Partial<FieldSpec>, 'name' | 'type' | 'doc'> = {}): FieldSpec {
  return { name, type, doc, ...extra };
}

function obj(name: string, fields: FieldSpec[], oneofs?: OneofGroup[]): ObjectType {
  return oneofs ? { kind: 'object', name, fields, closed: true, oneofs } : { kind: 'object', name, fields, closed: true };
}

/** A Go struct of a new-style policy: closed too, Go's decoder drops other keys. */
function goStruct(name: string, fields: FieldSpec[]): ObjectType {
  return { kind: 'object', name, fields, closed: true };
}

function openObj(name: string, fields: FieldSpec[]): ObjectType {
  return { kind: 'object', name, fields, closed: false };
}

function list(of: FieldType, bounds: { min?: number; max?: number } = {}): FieldType {
  return { kind: 'list', of, ...bounds };
}

function protoEnum(name: string, values: [string, number, string][]): EnumType {
  return { kind: 'enum', name, values: values.map(([n, num, doc]) => ({ name: n, number: num, doc })), numbers: true };
}

function stringEnum(values: [string, string][]): EnumType {
  return { kind: 'enum', name: '', values: values.map(([n, doc]) => ({ name: n, number: null, doc })), numbers: false };
}

// ---------------------------------------------------------------------------------------------
// Shared legacy messages

const SELECTOR = obj('kuma.mesh.v1alpha1.Selector', [
  f(
    'match',
    { kind: 'map', requiredKeys: ['kuma.io/service'] },
    'Tags a builtin gateway Dataplane must have for this selector to match; `*` matches any value. Must contain `kuma.io/service`.',
    { required: true },
  ),
]);

const DATASOURCE = obj(
  'kuma.system.v1alpha1.DataSource',
  [
    f('secret', STRING, 'Name of a mesh-scoped Secret in the gateway\'s mesh holding the PEM bundle (certificate first, then chain, and the private key).', {
      oneof: 'type',
    }),
    f('file', STRING, 'Path of a file on the control-plane host. Accepted at admission but not supported by the builtin gateway at runtime.', {
      oneof: 'type',
      deprecated: 'Deprecated, and not supported by the builtin gateway at runtime (`unsupported type of the DataSource`): use `secret` or `inlineString`.',
    }),
    f('inline', { kind: 'bytes' }, 'The PEM bundle as base64-encoded bytes, written in the resource itself.', { oneof: 'type' }),
    f('inlineString', STRING, 'The PEM bundle as plain text, written in the resource itself.', { oneof: 'type' }),
  ],
  [{ name: 'type', fields: ['secret', 'file', 'inline', 'inlineString'], required: false }],
);

// ---------------------------------------------------------------------------------------------
// MeshGateway

const PROTOCOL = protoEnum('kuma.mesh.v1alpha1.MeshGateway.Listener.Protocol', [
  ['NONE', 0, 'Not a valid protocol: Kuma rejects a listener without a protocol.'],
  ['TCP', 1, 'Plain TCP proxying to the backends of MeshGatewayRoute `conf.tcp` or MeshTCPRoute.'],
  ['TLS', 3, 'TLS matched by SNI, terminated or passed through (`tls.mode`), then proxied as TCP.'],
  ['HTTP', 4, 'Plain-text HTTP/1.1 and HTTP/2 routed by Host header and HTTP routes.'],
  ['HTTPS', 5, 'HTTP over TLS terminated at the gateway; needs `tls` with mode TERMINATE and certificates.'],
]);

const TLS_MODE = protoEnum('kuma.mesh.v1alpha1.MeshGateway.TLS.Mode', [
  ['NONE', 0, 'Not a valid mode: a present `tls` needs TERMINATE or PASSTHROUGH.'],
  ['TERMINATE', 1, 'The gateway terminates TLS with the listener\'s certificates (1 or 2 of them).'],
  ['PASSTHROUGH', 2, 'The gateway forwards the TLS stream untouched, matching only the SNI; not allowed on HTTPS listeners.'],
]);

const TLS_CONF = obj('kuma.mesh.v1alpha1.MeshGateway.TLS.Conf', [
  f('mode', TLS_MODE, 'How TLS is handled: TERMINATE or PASSTHROUGH. Required whenever `tls` is present on a listener that is not crossMesh.'),
  f(
    'certificates',
    list(DATASOURCE),
    'Datasources holding PEM certificate chains and private keys, server certificate first. TERMINATE needs 1 or 2 (one RSA and one ECDSA); PASSTHROUGH ignores them.',
  ),
  f('options', obj('kuma.mesh.v1alpha1.MeshGateway.TLS.Options', []), 'Reserved for future TLS options; it has no fields yet.'),
]);

const LISTENER = obj('kuma.mesh.v1alpha1.MeshGateway.Listener', [
  f(
    'hostname',
    STRING,
    'Hostname this listener answers for. Empty or `*` means any host; `*.example.com` matches any subdomain. Listeners on one port must have distinct hostnames.',
  ),
  f('port', PORT, 'Port the gateway listens on, 1 to 65535. Listeners on the same port are merged and must share one protocol.', { required: true }),
  f('protocol', PROTOCOL, 'Protocol the listener accepts: TCP, TLS, HTTP or HTTPS. Required; HTTPS needs `tls`.', { required: true }),
  f(
    'tls',
    TLS_CONF,
    'TLS settings. Required for HTTPS (mode TERMINATE), used by TLS listeners, ignored (but still validated) on HTTP and TCP; must be empty with crossMesh.',
  ),
  f(
    'tags',
    MAP,
    'Tags added to this listener\'s tag set (Dataplane tags, then gateway tags, then these), which routes and policies select on. May not use `kuma.io/service`, `kuma.io/protocol`, `kuma.io/zone` or `kuma.io/external-service-name`.',
  ),
  f(
    'crossMesh',
    BOOL,
    'Makes the listener reachable only from other meshes, over mesh mTLS. Default false; not allowed on HTTPS, needs an empty `tls`, and the gateway may then have only one selector.',
  ),
  f(
    'resources',
    obj('kuma.mesh.v1alpha1.MeshGateway.Listener.Resources', [
      f(
        'connectionLimit',
        UINT32,
        'Maximum number of concurrent connections on this listener\'s port; 0 (default) means unlimited. Only the first listener of a port sets it.',
        { protoName: 'connection_limit' },
      ),
    ]),
    'Listener resource settings.',
  ),
]);

const MESH_GATEWAY_SPEC: FieldSpec[] = [
  f(
    'selectors',
    list(SELECTOR, { min: 1 }),
    'Selects the builtin gateway Dataplanes that run this gateway; each selector needs `kuma.io/service`. A Dataplane takes the gateway with its best-matching selector.',
    { required: true },
  ),
  f(
    'tags',
    MAP,
    'Tags common to all listeners, overlaid on the Dataplane tags. May not use `kuma.io/service`, `kuma.io/protocol`, `kuma.io/zone` or `kuma.io/external-service-name`.',
  ),
  f(
    'conf',
    obj('kuma.mesh.v1alpha1.MeshGateway.Conf', [
      f('listeners', list(LISTENER, { min: 1 }), 'The gateway\'s listeners; at least one. Listeners on the same port are merged into one Envoy listener.', {
        required: true,
      }),
    ]),
    'The gateway configuration: its listeners. Required.',
    { required: true },
  ),
];

// ---------------------------------------------------------------------------------------------
// MeshGatewayRoute

const BACKEND = obj('kuma.mesh.v1alpha1.MeshGatewayRoute.Backend', [
  f('weight', UINT32, 'Share of the traffic, computed as weight/sum of weights. Default 0, which sends this backend no traffic.'),
  f(
    'destination',
    { kind: 'map', requiredKeys: ['kuma.io/service'] },
    'Tags of the endpoints to forward to; must contain `kuma.io/service`, other tags select a subset.',
    { required: true },
  ),
]);

const PATH_MATCH = protoEnum('kuma.mesh.v1alpha1.MeshGatewayRoute.HttpRoute.Match.Path.MatchType', [
  ['EXACT', 0, 'The request path equals the value (default).'],
  ['PREFIX', 1, 'The path starts with the value as whole segments: `/a` matches `/a` and `/a/b`, not `/ab`.'],
  ['REGEX', 2, 'The path matches the value as an RE2 regular expression.'],
]);

const HEADER_MATCH = protoEnum('kuma.mesh.v1alpha1.MeshGatewayRoute.HttpRoute.Match.Header.MatchType', [
  ['EXACT', 0, 'The header equals the value (default).'],
  ['REGEX', 1, 'The header matches the value as an RE2 regular expression.'],
  ['ABSENT', 2, 'The header is not present; `value` must not be set.'],
  ['PRESENT', 3, 'The header is present with any value; `value` must not be set.'],
]);

const QUERY_MATCH = protoEnum('kuma.mesh.v1alpha1.MeshGatewayRoute.HttpRoute.Match.Query.MatchType', [
  ['EXACT', 0, 'The parameter equals the value (default).'],
  ['REGEX', 1, 'The parameter matches the value as an RE2 regular expression.'],
]);

const HTTP_METHOD = protoEnum('kuma.mesh.v1alpha1.HttpMethod', [
  ['NONE', 0, 'No method condition (the same as leaving `method` out).'],
  ['CONNECT', 1, 'HTTP CONNECT.'],
  ['DELETE', 2, 'HTTP DELETE.'],
  ['GET', 3, 'HTTP GET.'],
  ['HEAD', 4, 'HTTP HEAD.'],
  ['OPTIONS', 5, 'HTTP OPTIONS.'],
  ['PATCH', 6, 'HTTP PATCH.'],
  ['POST', 7, 'HTTP POST.'],
  ['PUT', 8, 'HTTP PUT.'],
  ['TRACE', 9, 'HTTP TRACE.'],
]);

const HTTP_MATCH = obj('kuma.mesh.v1alpha1.MeshGatewayRoute.HttpRoute.Match', [
  f(
    'path',
    obj('kuma.mesh.v1alpha1.MeshGatewayRoute.HttpRoute.Match.Path', [
      f('match', PATH_MATCH, 'How the path is compared: EXACT (default), PREFIX or REGEX.'),
      f('value', STRING, 'The path to match: an absolute path (`/...`) for EXACT and PREFIX, a non-empty RE2 expression for REGEX.'),
    ]),
    'Matches the request path.',
  ),
  f('method', HTTP_METHOD, 'Matches the request method; NONE or absent means any method.'),
  f(
    'headers',
    list(
      obj('kuma.mesh.v1alpha1.MeshGatewayRoute.HttpRoute.Match.Header', [
        f('match', HEADER_MATCH, 'How the header is compared: EXACT (default), REGEX, ABSENT or PRESENT.'),
        f('name', STRING, 'Name of the request header.', { required: true }),
        f('value', STRING, 'Value to compare with; required for EXACT and REGEX, forbidden for ABSENT and PRESENT.'),
      ]),
    ),
    'Request header conditions; all must hold.',
  ),
  f(
    'queryParameters',
    list(
      obj('kuma.mesh.v1alpha1.MeshGatewayRoute.HttpRoute.Match.Query', [
        f('match', QUERY_MATCH, 'How the parameter is compared: EXACT (default) or REGEX.'),
        f('name', STRING, 'Name of the query parameter.', { required: true }),
        f('value', STRING, 'Value to compare with; required.', { required: true }),
      ]),
    ),
    'Query parameter conditions; all must hold.',
    { protoName: 'query_parameters' },
  ),
]);

const HEADER_FILTER_HEADER = obj('kuma.mesh.v1alpha1.MeshGatewayRoute.HttpRoute.Filter.HeaderFilter.Header', [
  f('name', STRING, 'Header name.', { required: true }),
  f('value', STRING, 'Header value.', { required: true }),
]);

function headerFilter(what: string): ObjectType {
  return obj('kuma.mesh.v1alpha1.MeshGatewayRoute.HttpRoute.Filter.HeaderFilter', [
    f('set', list(HEADER_FILTER_HEADER), `${what} headers to set, replacing any existing value.`),
    f('add', list(HEADER_FILTER_HEADER), `${what} headers to add, keeping existing values.`),
    f('remove', list(STRING), `Names of ${what.toLowerCase()} headers to remove.`),
  ]);
}

const REWRITE = obj(
  'kuma.mesh.v1alpha1.MeshGatewayRoute.HttpRoute.Filter.Rewrite',
  [
    f('replaceFull', STRING, 'Replaces the whole request path with this value.', { protoName: 'replace_full', oneof: 'path' }),
    f(
      'replacePrefixMatch',
      STRING,
      'Replaces the part of the path matched by the rule\'s PREFIX match with this value; the rule needs a PREFIX path match.',
      { protoName: 'replace_prefix_match', oneof: 'path' },
    ),
    f(
      'hostToBackendHostname',
      BOOL,
      'Rewrites the Host header to the hostname of the chosen backend. The rule may then not set `Host` or `:authority` with a request header filter.',
      { protoName: 'host_to_backend_hostname' },
    ),
  ],
  [{ name: 'path', fields: ['replaceFull', 'replacePrefixMatch'], required: false }],
);

const HTTP_FILTER = obj(
  'kuma.mesh.v1alpha1.MeshGatewayRoute.HttpRoute.Filter',
  [
    f('requestHeader', headerFilter('Request'), 'Modifies request headers; needs at least one of `set`, `add`, `remove`.', {
      protoName: 'request_header',
      oneof: 'filter',
    }),
    f(
      'mirror',
      obj('kuma.mesh.v1alpha1.MeshGatewayRoute.HttpRoute.Filter.Mirror', [
        f('backend', BACKEND, 'Where mirrored requests go; its weight is ignored.', { required: true }),
        f('percentage', { kind: 'double', min: 0, max: 100 }, 'Percentage of requests to mirror, 0 to 100. Required.', { required: true }),
      ]),
      'Sends a copy of a percentage of requests to another backend and ignores its responses.',
      { oneof: 'filter' },
    ),
    f(
      'redirect',
      obj('kuma.mesh.v1alpha1.MeshGatewayRoute.HttpRoute.Filter.Redirect', [
        f('scheme', STRING, 'Scheme of the redirect URL, usually `http` or `https`; default is the request\'s.'),
        f('hostname', STRING, 'Host of the redirect URL; default is the request\'s.'),
        f('port', { kind: 'uint32', max: 65535 }, 'Port of the redirect URL; 0 (default) keeps the listener\'s port. The query string is always dropped.'),
        f('statusCode', { kind: 'uint32', min: 300, max: 308 }, 'HTTP status of the redirect, 300 to 308. Required.', {
          protoName: 'status_code',
          required: true,
        }),
        f('path', REWRITE, 'Rewrites the path of the redirect URL.'),
      ]),
      'Answers with an HTTP redirect instead of forwarding. It must be the only filter of its rule, and the rule may not have backends.',
      { oneof: 'filter' },
    ),
    f('rewrite', REWRITE, 'Rewrites the path or the Host header before forwarding.', { oneof: 'filter' }),
    f('responseHeader', headerFilter('Response'), 'Modifies response headers. Kuma does not validate it.', {
      protoName: 'response_header',
      oneof: 'filter',
    }),
  ],
  [{ name: 'filter', fields: ['requestHeader', 'mirror', 'redirect', 'rewrite', 'responseHeader'], required: false }],
);

const HTTP_ROUTE = obj('kuma.mesh.v1alpha1.MeshGatewayRoute.HttpRoute', [
  f(
    'hostnames',
    list(STRING),
    'Hostnames (SNI and Host header) this route is for; empty means every hostname of the listeners it attaches to. Not validated by Kuma.',
  ),
  f(
    'rules',
    list(
      obj('kuma.mesh.v1alpha1.MeshGatewayRoute.HttpRoute.Rule', [
        f('matches', list(HTTP_MATCH, { min: 1 }), 'Conditions selecting requests for this rule; any one may match. At least one, each non-empty.', {
          required: true,
        }),
        f('filters', list(HTTP_FILTER), 'Processing steps applied in order to matched requests; a redirect must be the only filter.'),
        f('backends', list(BACKEND), 'Services to forward matched requests to. Required unless the rule redirects; forbidden with a redirect.'),
      ]),
      { min: 1 },
    ),
    'Routing rules; at least one.',
    { required: true },
  ),
]);

const TCP_ROUTE = obj('kuma.mesh.v1alpha1.MeshGatewayRoute.TcpRoute', [
  f(
    'rules',
    list(
      obj('kuma.mesh.v1alpha1.MeshGatewayRoute.TcpRoute.Rule', [
        f('backends', list(BACKEND), 'Services to forward connections to, split by weight. Kuma does not validate TCP routes.'),
      ]),
    ),
    'TCP forwarding rules. Kuma does not validate TCP routes.',
  ),
]);

const MESH_GATEWAY_ROUTE_SPEC: FieldSpec[] = [
  f(
    'selectors',
    list(SELECTOR, { min: 1 }),
    'Selects the gateway listeners this route attaches to, by their final tags; any matching selector attaches it. Each needs `kuma.io/service`.',
    { required: true },
  ),
  f(
    'conf',
    obj(
      'kuma.mesh.v1alpha1.MeshGatewayRoute.Conf',
      [
        f('tcp', TCP_ROUTE, 'A TCP route, for TCP and TLS listeners.', { oneof: 'route' }),
        f('http', HTTP_ROUTE, 'An HTTP route, for HTTP and HTTPS listeners. Wins over `tcp` when both are written.', { oneof: 'route' }),
      ],
      [{ name: 'route', fields: ['tcp', 'http'], required: true }],
    ),
    'The route: exactly one of `http` or `tcp`. Required.',
    { required: true },
  ),
];

// ---------------------------------------------------------------------------------------------
// Dataplane

const GATEWAY_TYPE = protoEnum('kuma.mesh.v1alpha1.Dataplane.Networking.Gateway.GatewayType', [
  ['DELEGATED', 0, 'An independently deployed proxy (Kong, Contour, ...) in front of this data plane proxy (default).'],
  ['BUILTIN', 1, 'This data plane proxy is itself the gateway, configured by a MeshGateway.'],
]);

const INBOUND_STATE = protoEnum('kuma.mesh.v1alpha1.Dataplane.Networking.Inbound.State', [
  ['Ready', 0, 'The inbound is ready to serve traffic.'],
  ['NotReady', 1, 'The inbound is not ready to serve traffic.'],
  ['Ignored', 2, 'The inbound is not created and cannot be targeted by policies.'],
]);

const IP_FAMILY_MODE = protoEnum('kuma.mesh.v1alpha1.Dataplane.Networking.TransparentProxying.IpFamilyMode', [
  ['UnSpecified', 0, 'Kept for backward compatibility; do not use.'],
  ['DualStack', 1, 'Redirect both IPv4 and IPv6 traffic (default).'],
  ['IPv4', 2, 'Redirect IPv4 traffic only.'],
  ['IPv6', 3, 'Redirect IPv6 traffic only.'],
]);

const DP_LISTENER_TYPE = protoEnum('kuma.mesh.v1alpha1.Dataplane.Networking.Listener.Type', [
  ['Unspecified', 0, 'Not a valid type: set ZoneIngress or ZoneEgress.'],
  ['ZoneIngress', 1, 'Accepts cross-zone traffic for services in this zone.'],
  ['ZoneEgress', 2, 'Forwards outbound traffic to external services.'],
]);

const DP_LISTENER_STATE = protoEnum('kuma.mesh.v1alpha1.Dataplane.Networking.Listener.State', [
  ['Ready', 0, 'The listener is ready to serve traffic.'],
  ['NotReady', 1, 'The listener is not ready to serve traffic.'],
]);

const INBOUND = obj('kuma.mesh.v1alpha1.Dataplane.Networking.Inbound', [
  f('port', UINT32, 'Port of the inbound listener; with transparent proxying, the port the service listens on.'),
  f('servicePort', UINT32, 'Port of the service requests are forwarded to; defaults to `port`.'),
  f('serviceAddress', STRING, 'Address of the service requests are forwarded to; defaults to the inbound address.'),
  f('address', STRING, 'Address the inbound listener is exposed on; defaults to `networking.address`.'),
  f('tags', MAP, 'Tags of the service behind this inbound, such as `kuma.io/service` (required) and `version`.'),
  f('health', obj('kuma.mesh.v1alpha1.Dataplane.Networking.Inbound.Health', [f('ready', BOOL, 'Whether the inbound is ready to serve traffic.')]), 'Health of the inbound; absent means healthy.'),
  f(
    'serviceProbe',
    obj('kuma.mesh.v1alpha1.Dataplane.Networking.Inbound.ServiceProbe', [
      f('interval', { kind: 'duration' }, 'Time between health checks, such as `10s`.'),
      f('timeout', { kind: 'duration' }, 'Time to wait for a health check answer, such as `2s`.'),
      f('unhealthyThreshold', UINT32, 'Consecutive failed checks before the service is unhealthy.', { protoName: 'unhealthy_threshold' }),
      f('healthyThreshold', UINT32, 'Consecutive successful checks before the service is healthy.', { protoName: 'healthy_threshold' }),
      f('tcp', obj('kuma.mesh.v1alpha1.Dataplane.Networking.Inbound.ServiceProbe.Tcp', []), 'Checks by opening a TCP connection.'),
    ]),
    'Health checking of the service next to the proxy (Universal).',
  ),
  f('state', INBOUND_STATE, 'Current state of the inbound: Ready (default), NotReady or Ignored.'),
  f('name', STRING, 'Name of this port, usable with MeshService.'),
  f('protocol', STRING, 'Protocol of the service (`tcp`, `http`, `grpc`, ...).'),
]);

const OUTBOUND = obj('kuma.mesh.v1alpha1.Dataplane.Networking.Outbound', [
  f('address', STRING, 'Address the consumed service is available on locally; defaults to 127.0.0.1.'),
  f('port', UINT32, 'Port the consumed service is available on locally.'),
  f('tags', MAP, 'Tags of the consumed service; `kuma.io/service` is required.'),
  f(
    'backendRef',
    obj('kuma.mesh.v1alpha1.Dataplane.Networking.Outbound.BackendRef', [
      f('kind', STRING, 'Kind of the target; `MeshService`.'),
      f('name', STRING, 'Name of the target.'),
      f('port', UINT32, 'Port of the target; required for MeshService.'),
      f('labels', MAP, 'Labels selecting a single target; the oldest is used when several match.'),
    ]),
    'Targets a MeshService instead of tags (experimental).',
  ),
]);

const TRANSPARENT_PROXYING = obj('kuma.mesh.v1alpha1.Dataplane.Networking.TransparentProxying', [
  f('redirectPortInbound', { kind: 'uint32', max: 65535 }, 'Port all inbound traffic is redirected to.', { protoName: 'redirect_port_inbound' }),
  f('redirectPortOutbound', { kind: 'uint32', max: 65535 }, 'Port all outbound traffic is redirected to.', { protoName: 'redirect_port_outbound' }),
  f('directAccessServices', list(STRING), 'Services reached directly by IP:port; `*` means all (costly).', { protoName: 'direct_access_services' }),
  f('reachableServices', list(STRING), 'Services (by `kuma.io/service`) reachable through transparent proxying; empty means all.', {
    protoName: 'reachable_services',
  }),
  f('ipFamilyMode', IP_FAMILY_MODE, 'IP families to redirect: DualStack (default), IPv4 or IPv6.', { protoName: 'ip_family_mode' }),
  f(
    'reachableBackends',
    obj('kuma.mesh.v1alpha1.Dataplane.Networking.TransparentProxying.ReachableBackends', [
      f(
        'refs',
        list(
          obj('kuma.mesh.v1alpha1.Dataplane.Networking.TransparentProxying.ReachableBackendRef', [
            f('kind', STRING, 'Kind of the backend: MeshService, MeshExternalService or MeshMultiZoneService.'),
            f('name', STRING, 'Name of the backend.'),
            f('namespace', STRING, 'Namespace of the backend.'),
            f('port', UINT32, 'Port of the backend.'),
            f('labels', MAP, 'Labels selecting backends.'),
          ]),
        ),
        'Backends reachable through transparent proxying.',
      ),
    ]),
    'MeshService, MeshExternalService and MeshMultiZoneService backends reachable through transparent proxying; empty means all.',
    { protoName: 'reachable_backends' },
  ),
]);

const NETWORKING = obj('kuma.mesh.v1alpha1.Dataplane.Networking', [
  f('address', STRING, 'IP address or hostname other proxies and the control plane reach this proxy at; a builtin gateway listens on it. Required; not 0.0.0.0 or ::.', {
    required: true,
  }),
  f('advertisedAddress', STRING, 'Routable address advertised to other proxies when `address` is not reachable from them; Envoy still binds to `address`.'),
  f(
    'gateway',
    obj('kuma.mesh.v1alpha1.Dataplane.Networking.Gateway', [
      f('tags', MAP, 'Tags of this gateway proxy; `kuma.io/service` is required. MeshGateway selectors match them and every listener\'s tags start from them.'),
      f('type', GATEWAY_TYPE, 'DELEGATED (default) for an external gateway, BUILTIN for Kuma\'s builtin gateway configured by a MeshGateway.'),
    ]),
    'Declares this proxy as a gateway; a BUILTIN gateway may not have inbounds, outbounds, listeners or probes.',
  ),
  f('inbound', list(INBOUND), 'Services implemented by this proxy, one Envoy listener each. Not allowed on a builtin gateway.'),
  f('outbound', list(OUTBOUND), 'Services consumed by this proxy, one Envoy listener each. Not allowed on a builtin gateway.'),
  f('transparentProxying', TRANSPARENT_PROXYING, 'Transparent proxying settings; used by default on Kubernetes.', { protoName: 'transparent_proxying' }),
  f('admin', obj('kuma.mesh.v1alpha1.EnvoyAdmin', [f('port', UINT32, 'Port of the Envoy admin API, bound on localhost.')]), 'Envoy admin API settings.'),
  f(
    'listeners',
    list(
      obj('kuma.mesh.v1alpha1.Dataplane.Networking.Listener', [
        f('type', DP_LISTENER_TYPE, 'Role of the listener: ZoneIngress or ZoneEgress.'),
        f('address', STRING, 'Address the listener is exposed on.'),
        f('port', UINT32, 'Port the listener is exposed on.'),
        f('name', STRING, 'Name used with `sectionName` in policies; defaults to the port.'),
        f('state', DP_LISTENER_STATE, 'Current state: Ready (default) or NotReady.'),
      ]),
    ),
    'Zone proxy listeners embedded in this Dataplane. Not allowed on a builtin gateway.',
  ),
]);

const DATAPLANE_SPEC: FieldSpec[] = [
  f('networking', NETWORKING, 'Addresses, inbounds, outbounds and gateway settings of the proxy. Required.', { required: true }),
  f(
    'metrics',
    obj('kuma.mesh.v1alpha1.MetricsBackend', [
      f('name', STRING, 'Name of the metrics backend.'),
      f('type', STRING, 'Type of the backend, such as `prometheus`.'),
      f('conf', ANY, 'Backend configuration.'),
    ]),
    'Metrics settings overriding the Mesh defaults for this proxy.',
  ),
  f(
    'probes',
    obj('kuma.mesh.v1alpha1.Dataplane.Probes', [
      f('port', UINT32, 'Port the probe endpoints are exposed on.'),
      f(
        'endpoints',
        list(
          obj('kuma.mesh.v1alpha1.Dataplane.Probes.Endpoint', [
            f('inboundPort', UINT32, 'Application port the endpoint is exposed from.', { protoName: 'inbound_port' }),
            f('inboundPath', STRING, 'Application path the endpoint is exposed from.', { protoName: 'inbound_path' }),
            f('path', STRING, 'Path on the probes port.'),
          ]),
        ),
        'Endpoints exposed without mTLS.',
      ),
    ]),
    'Endpoints exposed without mTLS for health checks (deprecated). Not allowed on a builtin gateway.',
    { deprecated: 'Virtual probes are deprecated: removed for Universal, not needed on Kubernetes.' },
  ),
];

// ---------------------------------------------------------------------------------------------
// Mesh (top-level names; their contents are not detailed here)

const MESH_SPEC: FieldSpec[] = [
  f('mtls', ANY, 'Mutual TLS settings: CA backends and the enabled one. Builtin gateway crossMesh listeners need mTLS.'),
  f('tracing', ANY, 'Tracing backends and the default one.'),
  f('logging', ANY, 'Access log backends and the default one.'),
  f('metrics', ANY, 'Metrics backends; defaults for every Dataplane of the mesh.'),
  f('networking', ANY, 'Mesh networking settings, such as the outbound passthrough.'),
  f('routing', ANY, 'Routing settings, such as locality-aware load balancing and zone egress.'),
  f('constraints', ANY, 'Constraints on the mesh\'s Dataplanes.'),
  f('skipCreatingInitialPolicies', list(STRING), 'Default policies not to create with the mesh; `*` skips all.'),
  f('meshServices', ANY, 'MeshService generation settings.'),
];

// ---------------------------------------------------------------------------------------------
// MeshHTTPRoute and MeshTCPRoute (Go structs, string-only enums)

const TARGET_REF_KIND = stringEnum([
  ['Mesh', 'All proxies of the mesh.'],
  ['MeshSubset', 'Proxies of the mesh with the given tags.'],
  ['MeshGateway', 'A builtin gateway, by MeshGateway name; `tags` selects its listeners.'],
  ['MeshService', 'A MeshService (or, without MeshServices, a `kuma.io/service`).'],
  ['MeshExternalService', 'A MeshExternalService.'],
  ['MeshMultiZoneService', 'A MeshMultiZoneService.'],
  ['MeshServiceSubset', 'Proxies of a service with the given tags.'],
  ['MeshHTTPRoute', 'A MeshHTTPRoute.'],
  ['Dataplane', 'Data plane proxies, by name or labels.'],
]);

function targetRefFields(): FieldSpec[] {
  return [
    f('kind', TARGET_REF_KIND, 'Kind of the referenced resource. A gateway route uses `MeshGateway` at the top and `Mesh` in `to[]`.', { required: true }),
    f('name', STRING, 'Name of the referenced resource; required with kind MeshGateway.'),
    f('tags', MAP, 'Tags selecting a subset; with kind MeshGateway, selects listeners by their final tags.'),
    f('mesh', STRING, 'Reserved for cross-mesh references; not allowed with kind MeshGateway.'),
    f('proxyTypes', list(stringEnum([['Sidecar', 'Sidecar proxies.'], ['Gateway', 'Gateway proxies.']])), 'Proxy types the policy applies to; empty means all. Not allowed with kind MeshGateway.'),
    f('namespace', STRING, 'Namespace of the referenced resource; not allowed with kind MeshGateway.'),
    f('labels', MAP, 'Labels selecting the referenced resources; not allowed with kind MeshGateway.'),
    f('sectionName', STRING, 'A section of the resource, such as a MeshService port name; not allowed with kind MeshGateway.'),
  ];
}

const TARGET_REF = goStruct('TargetRef', targetRefFields());

const BACKEND_REF = goStruct('BackendRef', [
  ...targetRefFields(),
  f('weight', { kind: 'integer', min: 0 }, 'Share of the traffic; default 1.'),
  f('port', { kind: 'integer', min: 0 }, 'Port of the referenced MeshService.'),
]);

const PATH_REWRITE = goStruct('PathRewrite', [
  f('type', stringEnum([['ReplaceFullPath', 'Replace the whole path.'], ['ReplacePrefixMatch', 'Replace the matched prefix.']]), 'How the path is rewritten.', {
    required: true,
  }),
  f('replaceFullPath', STRING, 'The new path, for ReplaceFullPath.'),
  f('replacePrefixMatch', STRING, 'The replacement of the matched prefix, for ReplacePrefixMatch.'),
]);

const HEADER_KEY_VALUE = goStruct('HeaderKeyValue', [f('name', STRING, 'Header name.', { required: true }), f('value', STRING, 'Header value.', { required: true })]);

const HEADER_MODIFIER = goStruct('HeaderModifier', [
  f('set', list(HEADER_KEY_VALUE, { max: 16 }), 'Headers to set, replacing existing values.'),
  f('add', list(HEADER_KEY_VALUE, { max: 16 }), 'Headers to add.'),
  f('remove', list(STRING, { max: 16 }), 'Names of headers to remove.'),
]);

const HTTP_ROUTE_MATCH = goStruct('Match', [
  f(
    'path',
    goStruct('PathMatch', [
      f('value', STRING, 'Path to match; Exact and PathPrefix need an absolute path.', { required: true }),
      f(
        'type',
        stringEnum([
          ['Exact', 'The path equals the value.'],
          ['PathPrefix', 'The path starts with the value as whole segments.'],
          ['RegularExpression', 'The path matches the value as a regular expression.'],
        ]),
        'How the path is compared.',
        { required: true },
      ),
    ]),
    'Matches the request path.',
  ),
  f(
    'method',
    stringEnum(HTTP_METHOD.values.filter((v) => v.name !== 'NONE').map((v) => [v.name, v.doc] as [string, string])),
    'Matches the request method.',
  ),
  f(
    'queryParams',
    list(
      goStruct('QueryParamsMatch', [
        f('type', stringEnum([['Exact', 'Equal value.'], ['RegularExpression', 'Regular expression.']]), 'How the value is compared.', { required: true }),
        f('name', STRING, 'Query parameter name.', { required: true }),
        f('value', STRING, 'Value to compare with.', { required: true }),
      ]),
    ),
    'Query parameter conditions; all must hold.',
  ),
  f(
    'headers',
    list(
      goStruct('HeaderMatch', [
        f(
          'type',
          stringEnum([
            ['Exact', 'Equal value (default).'],
            ['Present', 'The header is present.'],
            ['RegularExpression', 'Regular expression.'],
            ['Absent', 'The header is absent.'],
            ['Prefix', 'The value starts with the given prefix.'],
          ]),
          'How the header is compared; default Exact.',
        ),
        f('name', STRING, 'Header name, in lower case.', { required: true }),
        f('value', STRING, 'Value to compare with.'),
      ]),
    ),
    'Request header conditions; all must hold.',
  ),
]);

const HTTP_ROUTE_FILTER = goStruct('Filter', [
  f(
    'type',
    stringEnum([
      ['RequestHeaderModifier', 'Modify request headers.'],
      ['ResponseHeaderModifier', 'Modify response headers.'],
      ['RequestRedirect', 'Answer with a redirect.'],
      ['URLRewrite', 'Rewrite host or path.'],
      ['RequestMirror', 'Mirror requests.'],
    ]),
    'Which filter this is; the matching field below holds its settings.',
    { required: true },
  ),
  f('requestHeaderModifier', HEADER_MODIFIER, 'Request header changes.'),
  f('responseHeaderModifier', HEADER_MODIFIER, 'Response header changes.'),
  f(
    'requestRedirect',
    goStruct('RequestRedirect', [
      f('scheme', stringEnum([['http', 'Plain HTTP.'], ['https', 'HTTPS.']]), 'Scheme of the redirect URL.'),
      f('hostname', STRING, 'Host of the redirect URL.'),
      f('path', PATH_REWRITE, 'Path rewrite of the redirect URL.'),
      f('port', { kind: 'integer', min: 1, max: 65535 }, 'Port of the redirect URL.'),
      f('statusCode', { kind: 'integer' }, 'HTTP status of the redirect: 301, 302 (default), 303, 307 or 308.'),
    ]),
    'Redirect settings.',
  ),
  f(
    'urlRewrite',
    goStruct('URLRewrite', [
      f('hostname', STRING, 'New Host header.'),
      f('path', PATH_REWRITE, 'Path rewrite.'),
      f('hostToBackendHostname', BOOL, 'Rewrites the Host header to the backend hostname; only with MeshGateway targets.'),
    ]),
    'Rewrite settings.',
  ),
  f(
    'requestMirror',
    goStruct('RequestMirror', [
      f('percentage', { kind: 'intOrString' }, 'Percentage of requests to mirror; default all.'),
      f('backendRef', BACKEND_REF, 'Where mirrored requests go.', { required: true }),
    ]),
    'Mirror settings.',
  ),
]);

const MESH_HTTP_ROUTE_SPEC: FieldSpec[] = [
  f('targetRef', TARGET_REF, 'What the route applies to; for a builtin gateway `kind: MeshGateway` with its `name`, and optional `tags` picking listeners.'),
  f(
    'to',
    list(
      goStruct('To', [
        f('hostnames', list(STRING), 'Hostnames the rules apply to; only with a MeshGateway target, intersected with the listener hostnames.'),
        f('targetRef', TARGET_REF, 'Destination group; with a MeshGateway target it must be `kind: Mesh`.', { required: true }),
        f(
          'rules',
          list(
            goStruct('Rule', [
              f('matches', list(HTTP_ROUTE_MATCH, { min: 1 }), 'Conditions selecting requests; at least one.', { required: true }),
              f(
                'default',
                goStruct('RuleConf', [
                  f('filters', list(HTTP_ROUTE_FILTER), 'Filters applied to matched requests.'),
                  f('backendRefs', list(BACKEND_REF), 'Where matched requests go; required with a MeshGateway target unless the rule redirects.'),
                ]),
                'The rule\'s configuration.',
                { required: true },
              ),
            ]),
          ),
          'Routing rules.',
          { required: true },
        ),
      ]),
    ),
    'Routing configuration per destination group.',
  ),
];

const MESH_TCP_ROUTE_SPEC: FieldSpec[] = [
  f('targetRef', TARGET_REF, 'What the route applies to; for a builtin gateway `kind: MeshGateway` with its `name`, and optional `tags` picking listeners.'),
  f(
    'to',
    list(
      goStruct('To', [
        f('targetRef', TARGET_REF, 'Destination group; with a MeshGateway target it must be `kind: Mesh`.', { required: true }),
        f(
          'rules',
          list(
            goStruct('Rule', [
              f(
                'default',
                goStruct('RuleConf', [f('backendRefs', list(BACKEND_REF), 'Where connections go, split by weight.')]),
                'The rule\'s configuration.',
                { required: true },
              ),
            ]),
            { max: 1 },
          ),
          'Routing rules; at most one.',
          { required: true },
        ),
      ]),
      { min: 1 },
    ),
    'Routing configuration per destination group.',
  ),
];

// ---------------------------------------------------------------------------------------------
// Secrets

const SECRET_SPEC: FieldSpec[] = [f('data', { kind: 'bytes' }, 'The secret\'s payload, base64-encoded; for gateway certificates, a PEM bundle.')];

// ---------------------------------------------------------------------------------------------
// Envelopes

const LEGACY_KINDS: ReadonlySet<ResourceKind> = new Set<ResourceKind>(['Mesh', 'MeshGateway', 'MeshGatewayRoute', 'Dataplane', 'Secret', 'GlobalSecret']);
const MESH_SCOPED: ReadonlySet<ResourceKind> = new Set<ResourceKind>(['MeshGateway', 'MeshGatewayRoute', 'Dataplane', 'Secret', 'MeshHTTPRoute', 'MeshTCPRoute']);

/** Whether the kind is a protobuf message read with protobuf-JSON (names or numbers for enums). */
export function isProtoKind(kind: ResourceKind): boolean {
  return LEGACY_KINDS.has(kind);
}

function specFields(kind: ResourceKind): FieldSpec[] {
  switch (kind) {
    case 'MeshGateway':
      return MESH_GATEWAY_SPEC;
    case 'MeshGatewayRoute':
      return MESH_GATEWAY_ROUTE_SPEC;
    case 'Dataplane':
      return DATAPLANE_SPEC;
    case 'Mesh':
      return MESH_SPEC;
    case 'Secret':
    case 'GlobalSecret':
      return SECRET_SPEC;
    case 'MeshHTTPRoute':
      return MESH_HTTP_ROUTE_SPEC;
    case 'MeshTCPRoute':
      return MESH_TCP_ROUTE_SPEC;
  }
}

function universalEnvelope(kind: ResourceKind): FieldSpec[] {
  const env: FieldSpec[] = [
    f('type', { kind: 'enum', name: '', values: [{ name: kind, number: null, doc: `A ${kind} resource.` }], numbers: false }, 'The resource type.', {
      required: true,
      envelope: true,
    }),
    f('name', STRING, 'Name of the resource: a lower-case RFC 1123 subdomain, at most 253 characters.', { required: true, envelope: true }),
  ];
  if (MESH_SCOPED.has(kind)) {
    env.push(f('mesh', STRING, 'The mesh this resource belongs to. Required.', { required: true, envelope: true }));
  }
  env.push(
    f('labels', MAP, 'Labels of the resource, used to select and group resources.', { envelope: true }),
    f('creationTime', { kind: 'timestamp' }, 'When the resource was created; set by the control plane and ignored on apply.', { envelope: true }),
    f('modificationTime', { kind: 'timestamp' }, 'When the resource was last changed; set by the control plane and ignored on apply.', { envelope: true }),
    f('kri', STRING, 'The Kuma resource identifier, printed by the control plane and ignored on apply.', { envelope: true }),
  );
  return env;
}

const METADATA = openObj('ObjectMeta', [
  f('name', STRING, 'Name of the resource.', { required: true }),
  f('namespace', STRING, 'Namespace of the resource; MeshGateway, MeshGatewayRoute and Mesh are cluster-scoped and have none.'),
  f('labels', MAP, 'Labels of the resource; `kuma.io/mesh` sets the mesh of new-style policies and Secrets.'),
  f('annotations', MAP, 'Annotations of the resource.'),
  f('generateName', STRING, 'Prefix for a generated name.'),
  f('uid', STRING, 'Unique identifier set by Kubernetes.'),
  f('resourceVersion', STRING, 'Version set by Kubernetes.'),
  f('generation', ANY, 'Generation set by Kubernetes.'),
  f('creationTimestamp', ANY, 'Creation time set by Kubernetes.'),
  f('deletionTimestamp', ANY, 'Deletion time set by Kubernetes.'),
  f('deletionGracePeriodSeconds', ANY, 'Deletion grace period set by Kubernetes.'),
  f('ownerReferences', ANY, 'Owners of the resource.'),
  f('finalizers', ANY, 'Finalizers of the resource.'),
  f('managedFields', ANY, 'Field ownership set by Kubernetes.'),
]);

function kubernetesEnvelope(kind: ResourceKind, spec: ObjectType): FieldSpec[] {
  const env: FieldSpec[] = [
    f('apiVersion', STRING, 'API group and version: `kuma.io/v1alpha1`.', { required: true, envelope: true }),
    f('kind', { kind: 'enum', name: '', values: [{ name: kind, number: null, doc: `A ${kind} resource.` }], numbers: false }, 'The resource kind.', {
      required: true,
      envelope: true,
    }),
    f('metadata', METADATA, 'Kubernetes object metadata: name, labels, annotations.', { required: true, envelope: true }),
  ];
  if (LEGACY_KINDS.has(kind)) {
    const meshRequired = MESH_SCOPED.has(kind);
    env.push(
      f('mesh', STRING, meshRequired ? 'The mesh this resource belongs to; a top-level field (not a label), required by Kuma\'s webhook.' : 'Not used by this kind.', {
        envelope: true,
        ...(meshRequired ? { required: true } : {}),
      }),
    );
  }
  env.push(
    f('spec', spec, `The ${kind} specification.`, { envelope: true }),
    f('status', ANY, 'Status written by the control plane; ignored on apply.', { envelope: true }),
  );
  return env;
}

const K8S_SECRET = openObj('v1.Secret', [
  f('apiVersion', STRING, 'Core API version: `v1`.', { required: true, envelope: true }),
  f('kind', STRING, 'Kind: `Secret`.', { required: true, envelope: true }),
  f('metadata', METADATA, 'Object metadata; the `kuma.io/mesh` label sets the mesh (default `default`).', { required: true, envelope: true }),
  f('type', STRING, '`system.kuma.io/secret` for a mesh Secret, `system.kuma.io/global-secret` for a GlobalSecret.', { envelope: true }),
  f('data', { kind: 'map' }, 'Payload; Kuma reads the base64-encoded `value` key.'),
  f('stringData', { kind: 'map' }, 'Payload as plain text, merged into `data` by Kubernetes.'),
  f('immutable', BOOL, 'Whether the Secret can no longer change.'),
]);

/**
 * The whole document's shape for a kind in a form: the root object type. Universal documents
 * carry the envelope next to the spec fields (new-style policies keep theirs under `spec`);
 * Kubernetes documents carry `apiVersion`, `kind`, `metadata`, `spec`, and `mesh` for legacy
 * kinds. Kubernetes Secrets are core v1 Secrets.
 */
export function documentType(kind: ResourceKind, form: ResourceForm): ObjectType {
  if (form === 'kubernetes') {
    if (kind === 'Secret' || kind === 'GlobalSecret') return K8S_SECRET;
    return obj(`${kind} (Kubernetes)`, kubernetesEnvelope(kind, specType(kind)));
  }
  if (LEGACY_KINDS.has(kind)) return obj(`${kind} (Universal)`, [...universalEnvelope(kind), ...specFields(kind)]);
  return obj(`${kind} (Universal)`, [...universalEnvelope(kind), f('spec', specType(kind), `The ${kind} specification.`, { envelope: true })]);
}

/** The spec message of a kind: the fields Kuma reads into the resource's spec. */
export function specType(kind: ResourceKind): ObjectType {
  return obj(kind, specFields(kind));
}

// ---------------------------------------------------------------------------------------------
// Lookup

/** The field of an object type written as `key`, in either spelling; null when unknown. */
export function fieldByKey(type: ObjectType, key: string): FieldSpec | null {
  for (const field of type.fields) {
    if (field.name === key || field.protoName === key) return field;
  }
  return null;
}

/**
 * The field at `keys` from the document root, keys as found in the YAML: a string key in either
 * spelling, a number indexing a list. A list index gives the list field with its item type; a
 * key inside a map field gives a string field named by the key. Null when the path leaves the
 * described shape.
 */
export function fieldAtPath(kind: ResourceKind, form: ResourceForm, keys: (string | number)[]): FieldSpec | null {
  let type: FieldType = documentType(kind, form);
  let current = null as FieldSpec | null;
  for (const key of keys) {
    if (typeof key === 'number') {
      if (type.kind !== 'list' || !current) return null;
      type = type.of;
      current = { ...current, type };
      continue;
    }
    if (type.kind === 'map') {
      if (!current) return null;
      current = { name: key, type: STRING, doc: current.doc };
      type = STRING;
      continue;
    }
    if (type.kind !== 'object') return null;
    const next = fieldByKey(type, key);
    if (!next) return null;
    current = next;
    type = next.type;
  }
  return current;
}

/**
 * The fields that may be written in the object at `keys` (see `fieldAtPath`), for completion.
 * `[]` gives the document's top-level fields; a path to a list of objects gives the item's.
 */
export function childFields(kind: ResourceKind, form: ResourceForm, keys: (string | number)[]): FieldSpec[] {
  let type: FieldType;
  if (keys.length === 0) {
    type = documentType(kind, form);
  } else {
    const field = fieldAtPath(kind, form, keys);
    if (!field) return [];
    type = field.type;
  }
  while (type.kind === 'list') type = type.of;
  return type.kind === 'object' ? type.fields : [];
}
