import { BOOL, STRING, UINT32, f, list, obj } from './field-type.js';
import { HEADER_MATCH_ENUM, HTTP_METHOD_ENUM, PATH_MATCH_ENUM, QUERY_MATCH_ENUM } from '../enums.js';
import type { FieldSpec, ObjectType } from './field-type.js';
import { SELECTOR } from './common.js';

export const BACKEND = obj('kuma.mesh.v1alpha1.MeshGatewayRoute.Backend', [
  f('weight', UINT32, 'Share of the traffic, computed as weight/sum of weights. Default 0, which sends this backend no traffic.'),
  f(
    'destination',
    { kind: 'map', requiredKeys: ['kuma.io/service'] },
    'Tags of the endpoints to forward to; must contain `kuma.io/service`, other tags select a subset.',
    { required: true },
  ),
]);





export const HTTP_MATCH = obj('kuma.mesh.v1alpha1.MeshGatewayRoute.HttpRoute.Match', [
  f(
    'path',
    obj('kuma.mesh.v1alpha1.MeshGatewayRoute.HttpRoute.Match.Path', [
      f('match', PATH_MATCH_ENUM, 'How the path is compared: EXACT (default), PREFIX or REGEX.'),
      f('value', STRING, 'The path to match: an absolute path (`/...`) for EXACT and PREFIX, a non-empty RE2 expression for REGEX.'),
    ]),
    'Matches the request path.',
  ),
  f('method', HTTP_METHOD_ENUM, 'Matches the request method; NONE or absent means any method.'),
  f(
    'headers',
    list(
      obj('kuma.mesh.v1alpha1.MeshGatewayRoute.HttpRoute.Match.Header', [
        f('match', HEADER_MATCH_ENUM, 'How the header is compared: EXACT (default), REGEX, ABSENT or PRESENT.'),
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
        f('match', QUERY_MATCH_ENUM, 'How the parameter is compared: EXACT (default) or REGEX.'),
        f('name', STRING, 'Name of the query parameter.', { required: true }),
        f('value', STRING, 'Value to compare with; required.', { required: true }),
      ]),
    ),
    'Query parameter conditions; all must hold.',
    { protoName: 'query_parameters' },
  ),
]);

export const HEADER_FILTER_HEADER = obj('kuma.mesh.v1alpha1.MeshGatewayRoute.HttpRoute.Filter.HeaderFilter.Header', [
  f('name', STRING, 'Header name.', { required: true }),
  f('value', STRING, 'Header value.', { required: true }),
]);

export function headerFilter(what: string): ObjectType {
  return obj('kuma.mesh.v1alpha1.MeshGatewayRoute.HttpRoute.Filter.HeaderFilter', [
    f('set', list(HEADER_FILTER_HEADER), `${what} headers to set, replacing any existing value.`),
    f('add', list(HEADER_FILTER_HEADER), `${what} headers to add, keeping existing values.`),
    f('remove', list(STRING), `Names of ${what.toLowerCase()} headers to remove.`),
  ]);
}

export const REWRITE = obj(
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
      { protoName: 'host_to_backend_hostname', versions: { since: '2.2' } },
    ),
  ],
  [{ name: 'path', fields: ['replaceFull', 'replacePrefixMatch'], required: false }],
);

export const HTTP_FILTER = obj(
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
        f('path', REWRITE, 'Rewrites the path of the redirect URL.', { versions: { since: '2.2' } }),
      ]),
      'Answers with an HTTP redirect instead of forwarding. It must be the only filter of its rule, and the rule may not have backends.',
      { oneof: 'filter' },
    ),
    f('rewrite', REWRITE, 'Rewrites the path or the Host header before forwarding.', { oneof: 'filter' }),
    f('responseHeader', headerFilter('Response'), 'Modifies response headers. Kuma does not validate it.', {
      protoName: 'response_header',
      oneof: 'filter',
      versions: { since: '2.1' },
    }),
  ],
  [{ name: 'filter', fields: ['requestHeader', 'mirror', 'redirect', 'rewrite', 'responseHeader'], required: false }],
);

export const HTTP_ROUTE = obj('kuma.mesh.v1alpha1.MeshGatewayRoute.HttpRoute', [
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

export const TCP_ROUTE = obj('kuma.mesh.v1alpha1.MeshGatewayRoute.TcpRoute', [
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

export const MESH_GATEWAY_ROUTE_SPEC: FieldSpec[] = [
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
