import type { FieldSpec } from './field-type.js';
import { ANY, BOOL, MAP, STRING, f, goStruct, list, stringEnum } from './field-type.js';
import { HTTP_METHOD_ENUM } from '../enums.js';

export const MESH_SPEC: FieldSpec[] = [
  f('mtls', ANY, 'Mutual TLS settings: CA backends and the enabled one. Builtin gateway crossMesh listeners need mTLS.'),
  f('tracing', ANY, 'Tracing backends and the default one.'),
  f('logging', ANY, 'Access log backends and the default one.'),
  f('metrics', ANY, 'Metrics backends; defaults for every Dataplane of the mesh.'),
  f('networking', ANY, 'Mesh networking settings, such as the outbound passthrough.'),
  f('routing', ANY, 'Routing settings, such as locality-aware load balancing and zone egress.'),
  f('constraints', ANY, 'Constraints on the mesh\'s Dataplanes.'),
  f('skipCreatingInitialPolicies', list(STRING), 'Default policies not to create with the mesh; `*` skips all.', { versions: { since: '2.3' } }),
  f('meshServices', ANY, 'MeshService generation settings.', { versions: { since: '2.9' } }),
];


export const TARGET_REF_KIND = stringEnum([
  ['Mesh', 'All proxies of the mesh.'],
  ['MeshSubset', 'Proxies of the mesh with the given tags.'],
  ['MeshGateway', 'A builtin gateway, by MeshGateway name; `tags` selects its listeners.', { versions: { since: '2.4' } }],
  ['MeshService', 'A MeshService (or, without MeshServices, a `kuma.io/service`).'],
  ['MeshExternalService', 'A MeshExternalService.', { versions: { since: '2.8' } }],
  ['MeshMultiZoneService', 'A MeshMultiZoneService.', { versions: { since: '2.9' } }],
  ['MeshServiceSubset', 'Proxies of a service with the given tags.'],
  ['MeshGatewayRoute', 'A MeshGatewayRoute.', { versions: { until: '2.3' } }],
  ['MeshHTTPRoute', 'A MeshHTTPRoute.', { versions: { since: '2.3' } }],
  ['Dataplane', 'Data plane proxies, by name or labels.', { versions: { since: '2.10' } }],
]);

/** The versions whose OpenAPI schema requires `kind` in every targetRef and backendRef. */
const KIND_REQUIRED = { since: '2.10' };
/** The versions whose OpenAPI schema wants at least one item in a `proxyTypes` that is written. */
const PROXY_TYPES_NOT_EMPTY = { since: '2.6', until: '2.10' };

export function targetRefFields(): FieldSpec[] {
  return [
    f('kind', TARGET_REF_KIND, 'Kind of the referenced resource. A gateway route uses `MeshGateway` at the top and `Mesh` in `to[]`.', {
      required: true,
      requiredVersions: KIND_REQUIRED,
    }),
    f('name', STRING, 'Name of the referenced resource; required with kind MeshGateway.'),
    f('tags', MAP, 'Tags selecting a subset; with kind MeshGateway, selects listeners by their final tags.'),
    f('mesh', STRING, 'Reserved for cross-mesh references; not allowed with kind MeshGateway.'),
    f(
      'proxyTypes',
      list(stringEnum([['Sidecar', 'Sidecar proxies.'], ['Gateway', 'Gateway proxies.']]), { min: 1, minVersions: PROXY_TYPES_NOT_EMPTY }),
      'Proxy types the policy applies to; empty means all. Not allowed with kind MeshGateway.',
      { versions: { since: '2.6' } },
    ),
    f('namespace', STRING, 'Namespace of the referenced resource; not allowed with kind MeshGateway.', { versions: { since: '2.8' } }),
    f('labels', MAP, 'Labels selecting the referenced resources; not allowed with kind MeshGateway.', { versions: { since: '2.8' } }),
    f('sectionName', STRING, 'A section of the resource, such as a MeshService port name; not allowed with kind MeshGateway.', {
      versions: { since: '2.8' },
    }),
  ];
}

export const TARGET_REF = goStruct('TargetRef', targetRefFields());

export const BACKEND_REF = goStruct('BackendRef', [
  ...targetRefFields(),
  f('weight', { kind: 'integer', min: 0 }, 'Share of the traffic; default 1.'),
  f('port', { kind: 'integer', min: 0 }, 'Port of the referenced MeshService.', { versions: { since: '2.7' } }),
]);

export const PATH_REWRITE = goStruct('PathRewrite', [
  f('type', stringEnum([['ReplaceFullPath', 'Replace the whole path.'], ['ReplacePrefixMatch', 'Replace the matched prefix.']]), 'How the path is rewritten.', {
    required: true,
  }),
  f('replaceFullPath', STRING, 'The new path, for ReplaceFullPath.'),
  f('replacePrefixMatch', STRING, 'The replacement of the matched prefix, for ReplacePrefixMatch.'),
]);

export const HEADER_KEY_VALUE = goStruct('HeaderKeyValue', [f('name', STRING, 'Header name.', { required: true }), f('value', STRING, 'Header value.', { required: true })]);

export const HEADER_MODIFIER = goStruct('HeaderModifier', [
  f('set', list(HEADER_KEY_VALUE, { max: 16 }), 'Headers to set, replacing existing values.'),
  f('add', list(HEADER_KEY_VALUE, { max: 16 }), 'Headers to add.'),
  f('remove', list(STRING, { max: 16 }), 'Names of headers to remove.'),
]);

export const HTTP_ROUTE_MATCH = goStruct('Match', [
  f(
    'path',
    goStruct('PathMatch', [
      f('value', STRING, 'Path to match; Exact and PathPrefix need an absolute path.', { required: true }),
      f(
        'type',
        stringEnum([
          ['Exact', 'The path equals the value.'],
          ['PathPrefix', 'The path starts with the value as whole segments.', { versions: { since: '2.3' } }],
          ['Prefix', 'The path starts with the value as whole segments (the name before 2.3).', { versions: { until: '2.3' } }],
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
    stringEnum(HTTP_METHOD_ENUM.values.filter((v) => v.name !== 'NONE').map((v) => [v.name, v.doc] as [string, string])),
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
    { versions: { since: '2.2' } },
  ),
]);

export const HTTP_ROUTE_FILTER = goStruct('Filter', [
  f(
    'type',
    stringEnum([
      ['RequestHeaderModifier', 'Modify request headers.'],
      ['ResponseHeaderModifier', 'Modify response headers.'],
      ['RequestRedirect', 'Answer with a redirect.'],
      ['URLRewrite', 'Rewrite host or path.'],
      ['RequestMirror', 'Mirror requests.', { versions: { since: '2.2' } }],
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
      f('path', PATH_REWRITE, 'Path rewrite of the redirect URL.', { versions: { since: '2.2' } }),
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
      f('hostToBackendHostname', BOOL, 'Rewrites the Host header to the backend hostname; only with MeshGateway targets.', { versions: { since: '2.6' } }),
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
    { versions: { since: '2.2' } },
  ),
]);

export const MESH_HTTP_ROUTE_SPEC: FieldSpec[] = [
  f('targetRef', TARGET_REF, 'What the route applies to; for a builtin gateway `kind: MeshGateway` with its `name`, and optional `tags` picking listeners.'),
  f(
    'to',
    list(
      goStruct('To', [
        f('hostnames', list(STRING), 'Hostnames the rules apply to; only with a MeshGateway target, intersected with the listener hostnames.', {
          versions: { since: '2.6' },
        }),
        f('targetRef', TARGET_REF, 'Destination group; with a MeshGateway target it must be `kind: Mesh`.', { required: true, requiredVersions: { since: '2.10' } }),
        f(
          'rules',
          list(
            goStruct('Rule', [
              f('matches', list(HTTP_ROUTE_MATCH, { min: 1, minVersions: { since: '2.3' } }), 'Conditions selecting requests; at least one.', { required: true }),
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
          { required: true, requiredVersions: { since: '2.10' } },
        ),
      ]),
    ),
    'Routing configuration per destination group.',
  ),
];

export const MESH_TCP_ROUTE_SPEC: FieldSpec[] = [
  f('targetRef', TARGET_REF, 'What the route applies to; for a builtin gateway `kind: MeshGateway` with its `name`, and optional `tags` picking listeners.', {
    requiredVersions: { until: '2.9' },
  }),
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
                goStruct('RuleConf', [
                  f('backendRefs', list(BACKEND_REF, { min: 1, minVersions: { until: '2.10' } }), 'Where connections go, split by weight.', {
                    requiredVersions: { until: '2.10' },
                  }),
                ]),
                'The rule\'s configuration.',
                { required: true },
              ),
            ]),
            { max: 1 },
          ),
          'Routing rules; at most one.',
          { required: true, requiredVersions: { since: '2.10' } },
        ),
      ]),
      { min: 1 },
    ),
    'Routing configuration per destination group.',
  ),
];
