import { describe, expect, it } from 'vitest';
import { checkEnumCase, checkScalarTypes, checkUnknownFields, parseKumaVersion } from '@meshgw/engine/testing';
import type { Diagnostic } from '@meshgw/engine';
import { marked, resourceDoc } from './support/ynode.js';

/**
 * Each case is a document with at most one «marked» span. The three checks run together; the
 * case lists the expected code and the fix's new text (null: no fix). A case without a mark
 * expects no diagnostics at all. `kumaVersion` is the target (2.14 when absent).
 */
interface Case {
  name: string;
  yaml: string;
  code?: string;
  fix?: string | null;
  message?: string;
  kumaVersion?: string;
}

function runAll(text: string, kumaVersion = '2.14'): Diagnostic[] {
  const doc = resourceDoc(text);
  const target = parseKumaVersion(kumaVersion)!;
  return [...checkUnknownFields(doc, target), ...checkEnumCase(doc, target), ...checkScalarTypes(doc, target)];
}

function check(c: Case): Diagnostic[] {
  if (!c.yaml.includes('«')) {
    const found = runAll(c.yaml, c.kumaVersion);
    expect(found.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
    return found;
  }
  const { text, span } = marked(c.yaml);
  const found = runAll(text, c.kumaVersion);
  expect(found.map((d) => [d.code, d.span])).toEqual([[c.code, span]]);
  const d = found[0];
  expect(d.fixes?.[0]?.edits[0]?.newText ?? null).toBe(c.fix ?? null);
  if (d.fixes) expect(d.fixes[0].edits[0].span).toEqual(span);
  if (c.message !== undefined) expect(d.message).toBe(c.message);
  return found;
}

const gateway = (listener: string): string => `type: MeshGateway
mesh: default
name: edge
selectors:
- match:
    kuma.io/service: edge
conf:
  listeners:
  - port: 8080
${listener}
`;

const route = (rule: string): string => `type: MeshGatewayRoute
mesh: default
name: r
selectors:
- match:
    kuma.io/service: edge
conf:
  http:
    rules:
    - matches:
      - path:
          match: PREFIX
          value: /
${rule}
`;

const UNKNOWN: Case[] = [
  {
    name: 'a typo in a listener key, with Kuma\'s behaviour in the message',
    yaml: gateway('    protocol: HTTP\n    «hostnmae»: foo.example.com'),
    code: 'unknown-field',
    fix: 'hostname',
    message: 'Unknown field "hostnmae": Kuma ignores it. Did you mean "hostname"?',
  },
  { name: 'a key in the wrong case', yaml: gateway('    «Protocol»: HTTP'), code: 'unknown-field', fix: 'protocol' },
  { name: 'crossMesh has no snake_case spelling', yaml: gateway('    protocol: HTTP\n    «cross_mesh»: true'), code: 'unknown-field', fix: 'crossMesh' },
  {
    name: 'a dashed spelling of connectionLimit',
    yaml: gateway('    protocol: HTTP\n    resources:\n      «connection-limit»: 10'),
    code: 'unknown-field',
    fix: 'connectionLimit',
  },
  {
    name: 'a snake_case typo keeps the snake_case spelling',
    yaml: gateway('    protocol: HTTP\n    resources:\n      «conection_limit»: 10'),
    code: 'unknown-field',
    fix: 'connection_limit',
  },
  {
    name: 'no suggestion for an unrelated key',
    yaml: gateway('    protocol: HTTP\n    «frobnicate»: 1'),
    code: 'unknown-field',
    fix: null,
    message: 'Unknown field "frobnicate": Kuma ignores it.',
  },
  {
    name: 'no fix when the suggested field is already written',
    yaml: gateway('    protocol: HTTP\n    hostname: a.example.com\n    «hostnme»: b.example.com'),
    code: 'unknown-field',
    fix: null,
  },
  { name: 'a typo at the top of a Universal document', yaml: gateway('    protocol: HTTP').replace('selectors:', '«selector»:'), code: 'unknown-field', fix: 'selectors' },
  {
    name: 'a typo inside a certificate datasource',
    yaml: gateway('    protocol: HTTPS\n    tls:\n      mode: TERMINATE\n      certificates:\n      - «secrt»: foo'),
    code: 'unknown-field',
    fix: 'secret',
  },
  {
    name: 'a typo in a route filter',
    yaml: route('      filters:\n      - «request_headr»:\n          remove: [x]\n      backends:\n      - destination:\n          kuma.io/service: b'),
    code: 'unknown-field',
    fix: 'request_header',
  },
  {
    name: 'Kubernetes: a typo inside spec',
    yaml: `apiVersion: kuma.io/v1alpha1
kind: MeshGateway
mesh: default
metadata:
  name: edge
spec:
  «selector»:
  - match:
      kuma.io/service: edge
`,
    code: 'unknown-field',
    fix: 'selectors',
  },
  {
    name: 'Kubernetes: a spec field written at the top',
    yaml: `apiVersion: kuma.io/v1alpha1
kind: MeshGateway
mesh: default
metadata:
  name: edge
«conf»:
  listeners: []
`,
    code: 'unknown-field',
    fix: null,
    message: 'Unknown field "conf": Kuma ignores it here. It belongs under "spec".',
  },
  {
    name: 'Kubernetes MeshHTTPRoute: top-level mesh is dropped',
    yaml: `apiVersion: kuma.io/v1alpha1
kind: MeshHTTPRoute
«mesh»: default
metadata:
  name: r
  namespace: kuma-system
spec:
  targetRef:
    kind: MeshGateway
    name: edge
`,
    code: 'unknown-field',
    fix: null,
  },
  {
    name: 'MeshHTTPRoute in Universal form: a typo under spec',
    yaml: `type: MeshHTTPRoute
name: r
mesh: default
spec:
  «targetref»:
    kind: MeshGateway
    name: edge
`,
    code: 'unknown-field',
    fix: 'targetRef',
  },
  {
    name: 'Mesh: a typo in a top-level field',
    yaml: 'type: Mesh\nname: default\n«mtsl»:\n  enabledBackend: ca-1\n',
    code: 'unknown-field',
    fix: 'mtls',
  },
  {
    name: 'Mesh: mesh is not part of a Mesh',
    yaml: 'type: Mesh\nname: default\n«mesh»: default\n',
    code: 'unknown-field',
    fix: null,
  },
];

const CLEAN: Case[] = [
  {
    name: 'a full gateway with both spellings and free-form maps',
    yaml: `type: MeshGateway
mesh: default
name: edge
labels:
  team: edge
creationTime: "2024-01-01T00:00:00Z"
modificationTime: "2024-01-01T00:00:00Z"
kri: kri_mgw_default___edge_
selectors:
- match:
    kuma.io/service: edge
    hostnmae: whatever
tags:
  Hostnmae: "x"
conf:
  listeners:
  - port: "8443"
    protocol: HTTPS
    hostname: foo.example.com
    crossMesh: false
    tls:
      mode: TERMINATE
      certificates:
      - secret: foo
      - inlineString: "-----BEGIN CERTIFICATE-----"
      options: {}
    tags:
      port: http-8443
    resources:
      connection_limit: 100
  - port: 8080
    protocol: 4
    resources:
      connectionLimit: 0
`,
  },
  {
    name: 'a route with every snake_case spelling',
    yaml: route(`      - query_parameters:
        - name: a
          value: b
        headers:
        - name: x
          match: PRESENT
        method: GET
      filters:
      - request_header:
          set:
          - name: x
            value: v
          remove: [z]
      - response_header:
          add:
          - name: a
            value: b
      - rewrite:
          replace_prefix_match: /
          host_to_backend_hostname: true
      - mirror:
          backend:
            destination:
              kuma.io/service: m
          percentage: "12.5"
      backends:
      - weight: 1
        destination:
          kuma.io/service: b
          version: "2"
    - matches:
      - path:
          value: /r
      filters:
      - redirect:
          scheme: https
          hostname: example.com
          port: 443
          status_code: 301
          path:
            replace_full: /x`),
  },
  {
    name: 'a route in camelCase',
    yaml: route(`      filters:
      - requestHeader:
          add:
          - name: x
            value: v
      - redirect:
          statusCode: 302
          path:
            replacePrefixMatch: /
      - rewrite:
          replaceFull: /a
          hostToBackendHostname: false`),
  },
  {
    name: 'a TCP route',
    yaml: `type: MeshGatewayRoute
mesh: default
name: t
selectors:
- match:
    kuma.io/service: edge
conf:
  tcp:
    rules:
    - backends:
      - weight: 1
        destination:
          kuma.io/service: db
`,
  },
  {
    name: 'a Dataplane with the whole networking shape',
    yaml: `type: Dataplane
mesh: default
name: dp-1
networking:
  address: 10.0.0.1
  advertisedAddress: 192.168.0.1
  gateway:
    type: BUILTIN
    tags:
      kuma.io/service: edge
  inbound:
  - port: 8080
    servicePort: 80
    serviceAddress: 127.0.0.1
    address: 10.0.0.1
    tags:
      kuma.io/service: web
    health:
      ready: true
    serviceProbe:
      interval: 10s
      timeout: 2s
      unhealthy_threshold: 3
      healthyThreshold: 1
      tcp: {}
    state: NotReady
    name: http
    protocol: http
  outbound:
  - port: 10001
    address: 127.0.0.1
    tags:
      kuma.io/service: db
    backendRef:
      kind: MeshService
      name: db
      port: 5432
      labels:
        app: db
  transparent_proxying:
    redirectPortInbound: 15006
    redirect_port_outbound: 15001
    directAccessServices: ["*"]
    reachable_services: [a]
    ipFamilyMode: DualStack
    reachableBackends:
      refs:
      - kind: MeshService
        name: a
        namespace: ns
        port: 80
        labels:
          x: z
  admin:
    port: 9901
  listeners:
  - type: ZoneIngress
    address: 10.0.0.1
    port: 10001
    name: ingress
    state: Ready
metrics:
  name: prom
  type: prometheus
  conf:
    port: 5670
probes:
  port: 9000
  endpoints:
  - inbound_port: 8080
    inboundPath: /healthz
    path: /8080/healthz
`,
  },
  {
    name: 'Kubernetes MeshGateway: metadata is not checked, status is allowed',
    yaml: `apiVersion: kuma.io/v1alpha1
kind: MeshGateway
mesh: default
metadata:
  name: edge
  namespace: ignored
  labels:
    version: 2
  whatever: true
spec:
  selectors:
  - match:
      kuma.io/service: edge_kuma-demo_svc
  conf:
    listeners:
    - port: 80
      protocol: HTTP
status: {}
`,
  },
  {
    name: 'Universal Secret',
    yaml: 'type: Secret\nname: cert\nmesh: default\ndata: aGVsbG8=\n',
  },
  {
    name: 'Kubernetes Secret is a core v1 Secret and is skipped',
    yaml: `apiVersion: v1
kind: Secret
metadata:
  name: cert
type: system.kuma.io/secret
data:
  value: 12
whatever: 1
`,
  },
  {
    name: 'MeshHTTPRoute on a gateway',
    yaml: `apiVersion: kuma.io/v1alpha1
kind: MeshHTTPRoute
metadata:
  name: r
  namespace: kuma-system
  labels:
    kuma.io/mesh: default
spec:
  targetRef:
    kind: MeshGateway
    name: edge
    tags:
      port: http-80
  to:
  - targetRef:
      kind: Mesh
    hostnames: [foo.example.com]
    rules:
    - matches:
      - path:
          type: PathPrefix
          value: /
        method: GET
        headers:
        - type: Exact
          name: x
          value: v
        queryParams:
        - type: RegularExpression
          name: q
          value: ".*"
      default:
        filters:
        - type: RequestMirror
          requestMirror:
            percentage: 50
            backendRef:
              kind: MeshService
              name: m
        - type: URLRewrite
          urlRewrite:
            hostToBackendHostname: true
            path:
              type: ReplacePrefixMatch
              replacePrefixMatch: /
        backendRefs:
        - kind: MeshService
          name: web
          port: 80
          weight: 1
`,
  },
  {
    name: 'MeshTCPRoute in Universal form',
    yaml: `type: MeshTCPRoute
name: t
mesh: default
spec:
  targetRef:
    kind: MeshGateway
    name: edge
  to:
  - targetRef:
      kind: Mesh
    rules:
    - default:
        backendRefs:
        - kind: MeshService
          name: db
`,
  },
  {
    name: 'null values are the same as absent',
    yaml: gateway('    protocol: HTTP\n    hostname: ~\n    tags:\n    tls: null'),
  },
  {
    name: 'YAML 1.1 booleans are booleans for a bool field',
    yaml: gateway('    protocol: HTTP\n    crossMesh: no'),
  },
];

const ENUMS: Case[] = [
  {
    name: 'protocol in lower case',
    yaml: gateway('    protocol: «http»'),
    code: 'enum-case',
    fix: 'HTTP',
    message:
      'Kuma reads enum values in upper case only: "http" is rejected (unknown value "\\"http\\"" for enum kuma.mesh.v1alpha1.MeshGateway.Listener.Protocol); write "HTTP".',
  },
  { name: 'tls mode in lower case', yaml: gateway('    protocol: HTTPS\n    tls:\n      mode: «terminate»'), code: 'enum-case', fix: 'TERMINATE' },
  {
    name: 'a quoted lower-case value keeps its span',
    yaml: gateway('    protocol: «"https"»'),
    code: 'enum-case',
    fix: 'HTTPS',
  },
  {
    name: 'Dataplane gateway type in lower case',
    yaml: 'type: Dataplane\nmesh: default\nname: gw\nnetworking:\n  address: 1.2.3.4\n  gateway:\n    type: «builtin»\n',
    code: 'enum-case',
    fix: 'BUILTIN',
  },
  {
    name: 'a mixed-case enum',
    yaml: 'type: Dataplane\nmesh: default\nname: gw\nnetworking:\n  address: 1.2.3.4\n  transparentProxying:\n    ipFamilyMode: «dualstack»\n',
    code: 'enum-case',
    fix: 'DualStack',
  },
  { name: 'a route path match in lower case', yaml: route('      backends: []').replace('match: PREFIX', 'match: «prefix»'), code: 'enum-case', fix: 'PREFIX' },
  {
    name: 'an unknown protocol lists the valid values',
    yaml: gateway('    protocol: «QUIC»'),
    code: 'enum-unknown',
    fix: null,
    message:
      'Unknown value "QUIC" for protocol: Kuma rejects it (unknown value "\\"QUIC\\"" for enum kuma.mesh.v1alpha1.MeshGateway.Listener.Protocol). Valid values: TCP, TLS, HTTP, HTTPS (or a number).',
  },
  {
    name: 'UDP, which only the protos of 2.0 and 2.1 declare',
    yaml: gateway('    protocol: «UDP»'),
    code: 'enum-unknown',
    fix: null,
    message:
      'Kuma 2.14 cannot read "UDP" (unknown value "\\"UDP\\"" for enum kuma.mesh.v1alpha1.MeshGateway.Listener.Protocol): protocol has this value before Kuma 2.2. Valid values: TCP, TLS, HTTP, HTTPS (or a number).',
  },
  { name: 'UDP decodes on 2.1 (its validator refuses it)', yaml: gateway('    protocol: UDP'), kumaVersion: '2.1' },
  {
    name: 'TLS, which the protos of 2.2 lack',
    yaml: gateway('    protocol: «TLS»'),
    kumaVersion: '2.2.9',
    code: 'enum-unknown',
    fix: null,
    message:
      'Kuma 2.2.9 cannot read "TLS" (unknown value "\\"TLS\\"" for enum kuma.mesh.v1alpha1.MeshGateway.Listener.Protocol): protocol has this value before Kuma 2.2 and from Kuma 2.3. Valid values: TCP, HTTP, HTTPS (or a number).',
  },
  { name: 'TLS as a number decodes on 2.2', yaml: gateway('    protocol: 3'), kumaVersion: '2.2' },
  { name: 'TLS decodes on 2.3', yaml: gateway('    protocol: TLS'), kumaVersion: '2.3' },
  {
    name: 'PASSTHROUGH, which the protos of 2.2 lack',
    yaml: gateway('    protocol: HTTP\n    tls:\n      mode: «PASSTHROUGH»'),
    kumaVersion: '2.2',
    code: 'enum-unknown',
    fix: null,
  },
  {
    name: 'a header match of 2.1 on 2.0',
    yaml: route('      backends: []').replace('          value: /', '          value: /\n        headers:\n        - name: x\n          match: «PRESENT»'),
    kumaVersion: '2.0',
    code: 'enum-unknown',
    fix: null,
  },
  {
    name: 'a field of 2.14 on 2.13',
    yaml: 'type: Dataplane\nmesh: default\nname: gw\nnetworking:\n  address: 1.2.3.4\n  «listeners»: []\n',
    kumaVersion: '2.13',
    code: 'unknown-field',
    fix: null,
    message: 'Kuma 2.13 does not know "listeners" and ignores it: Kuma reads it from Kuma 2.14.',
  },
  { name: 'the same field on 2.14', yaml: 'type: Dataplane\nmesh: default\nname: gw\nnetworking:\n  address: 1.2.3.4\n  listeners: []\n' },
  {
    name: 'labels before 2.6',
    yaml: 'type: MeshGateway\nmesh: default\nname: gw\n«labels»:\n  team: a\n',
    kumaVersion: '2.5',
    code: 'unknown-field',
    fix: null,
  },
  {
    name: 'a filter of 2.1 on 2.0, whose value is not checked',
    yaml: route('      filters:\n      - «responseHeader»:\n          set: 5'),
    kumaVersion: '2.0',
    code: 'unknown-field',
    fix: null,
  },
  {
    name: 'the host rewrite of 2.2 on 2.1',
    yaml: route('      filters:\n      - rewrite:\n          «hostToBackendHostname»: true'),
    kumaVersion: '2.1',
    code: 'unknown-field',
    fix: null,
  },
  { name: 'a near-miss enum name', yaml: gateway('    protocol: «HTPS»'), code: 'enum-unknown', fix: 'HTTPS' },
  { name: 'a quoted number is read as a name', yaml: gateway('    protocol: «"4"»'), code: 'enum-unknown', fix: 'HTTP' },
  { name: 'any number is accepted', yaml: gateway('    protocol: 2') },
  {
    name: 'a new-style enum in the wrong case',
    yaml: 'type: MeshHTTPRoute\nname: r\nmesh: default\nspec:\n  targetRef:\n    kind: «meshgateway»\n    name: edge\n',
    code: 'enum-case',
    fix: 'MeshGateway',
  },
  {
    name: 'new-style enums take no numbers',
    yaml: 'type: MeshHTTPRoute\nname: r\nmesh: default\nspec:\n  targetRef:\n    kind: «4»\n',
    code: 'enum-unknown',
    fix: null,
  },
];

const SCALARS: Case[] = [
  {
    name: 'a number as a tag value',
    yaml: gateway('    protocol: HTTP\n    tags:\n      version: «2»'),
    code: 'not-a-string',
    fix: '"2"',
    message: 'Kuma fails to parse it: json: cannot unmarshal number into Go value of type string. Quote it: "2".',
  },
  {
    name: 'a boolean as a tag value',
    yaml: gateway('    protocol: HTTP\n    tags:\n      enabled: «true»'),
    code: 'not-a-string',
    fix: '"true"',
    message: 'Kuma fails to parse it: json: cannot unmarshal bool into Go value of type string. Quote it: "true".',
  },
  {
    name: 'a YAML 1.1 boolean as a selector value',
    yaml: gateway('    protocol: HTTP').replace('kuma.io/service: edge', 'kuma.io/service: «on»'),
    code: 'not-a-string',
    fix: '"on"',
  },
  {
    name: 'a lone y is a YAML 1.1 boolean too',
    yaml: route('      filters:\n      - request_header:\n          set:\n          - name: x-flag\n            value: «y»\n      backends: []'),
    code: 'not-a-string',
    fix: '"y"',
  },
  { name: 'a float as a string field', yaml: gateway('    protocol: HTTP\n    hostname: «1.5»'), code: 'not-a-string', fix: '"1.5"' },
  {
    name: 'a number in a destination',
    yaml: route('      backends:\n      - destination:\n          kuma.io/service: b\n          version: «1»'),
    code: 'not-a-string',
    fix: '"1"',
  },
  { name: 'a number in a hostname list', yaml: route('      backends: []').replace('    rules:', '    hostnames: [«42»]\n    rules:'), code: 'not-a-string', fix: '"42"' },
  { name: 'a negative port', yaml: gateway('    protocol: HTTP').replace('port: 8080', 'port: «-1»'), code: 'not-a-number', fix: null },
  { name: 'a fractional port', yaml: gateway('    protocol: HTTP').replace('port: 8080', 'port: «80.5»'), code: 'not-a-number', fix: null },
  { name: 'a word as a port', yaml: gateway('    protocol: HTTP').replace('port: 8080', 'port: «http»'), code: 'not-a-number', fix: null },
  { name: 'a quoted word as a port', yaml: gateway('    protocol: HTTP').replace('port: 8080', 'port: «"80a"»'), code: 'not-a-number', fix: null },
  { name: 'a boolean as a connection limit', yaml: gateway('    protocol: HTTP\n    resources:\n      connectionLimit: «true»'), code: 'not-a-number', fix: null },
  { name: 'an integral float is a whole number', yaml: gateway('    protocol: HTTP').replace('port: 8080', 'port: 8080.0') },
  { name: 'a word as a mirror percentage', yaml: route('      filters:\n      - mirror:\n          backend:\n            destination:\n              kuma.io/service: m\n          percentage: «half»\n      backends: []'), code: 'not-a-number', fix: null },
  { name: 'a quoted boolean', yaml: gateway('    protocol: HTTP\n    crossMesh: «"true"»'), code: 'not-a-boolean', fix: 'true' },
  { name: 'a list where an object belongs', yaml: gateway('    protocol: HTTP\n    tags: «[a, b]»'), code: 'wrong-shape', fix: null },
  { name: 'a scalar where a list belongs', yaml: gateway('    protocol: HTTP').replace('selectors:\n- match:\n    kuma.io/service: edge', 'selectors: «edge»'), code: 'wrong-shape', fix: null },
  {
    name: 'a quoted weight in a new-style policy',
    yaml: 'type: MeshTCPRoute\nname: t\nmesh: default\nspec:\n  to:\n  - targetRef:\n      kind: Mesh\n    rules:\n    - default:\n        backendRefs:\n        - kind: MeshService\n          name: db\n          weight: «"1"»\n',
    code: 'not-a-number',
    fix: '1',
  },
];

describe('checkUnknownFields', () => {
  it.each(UNKNOWN)('$name', (c) => {
    check(c);
  });
  it('reports a warning outside admission, with the resource', () => {
    const { text } = marked(gateway('    protocol: HTTP\n    «hostnmae»: x'));
    const [d] = checkUnknownFields(resourceDoc(text, 'gw.yaml'));
    expect(d).toMatchObject({
      severity: 'warning',
      admission: false,
      path: null,
      file: 'gw.yaml',
      resource: { type: 'MeshGateway', mesh: 'default', name: 'edge' },
    });
    expect(d.fixes?.[0].title).toBe('Rename to "hostname"');
  });
});

describe('documents Kuma reads without complaint', () => {
  it.each(CLEAN)('$name', (c) => {
    check(c);
  });
});

describe('checkEnumCase', () => {
  it.each(ENUMS)('$name', (c) => {
    check(c);
  });
  it('reports errors', () => {
    const { text } = marked(gateway('    protocol: «http»'));
    expect(checkEnumCase(resourceDoc(text)).map((d) => [d.severity, d.admission])).toEqual([['error', false]]);
  });
});

describe('checkScalarTypes', () => {
  it.each(SCALARS)('$name', (c) => {
    check(c);
  });
});
