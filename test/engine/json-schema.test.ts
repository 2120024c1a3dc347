import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { jsonSchema } from '@meshgw/engine';
import type { SchemaKind } from '@meshgw/engine';
import { parseKumaVersion } from '@meshgw/engine/testing';

/** Keywords the schema carries for editors; validators ignore them. */
const EDITOR_KEYWORDS = ['markdownDescription', 'deprecationMessage', 'enumDescriptions', 'markdownEnumDescriptions'];

function validator(kind: SchemaKind): (text: string) => string[] {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  ajv.addVocabulary(EDITOR_KEYWORDS);
  const validate = ajv.compile(jsonSchema(kind));
  return (text) => {
    const ok = validate(parse(text));
    return ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
  };
}

const UNIVERSAL_GATEWAY = `type: MeshGateway
mesh: default
name: edge-gateway
selectors:
- match:
    kuma.io/service: edge-gateway
tags:
  zone: eu
conf:
  listeners:
  - port: 8080
    protocol: HTTP
    hostname: foo.example.com
    tags:
      port: http-8080
  - port: 8443
    protocol: HTTPS
    hostname: "*.example.com"
    tls:
      mode: TERMINATE
      certificates:
      - secret: example-com-certificate
    resources:
      connection_limit: 100
  - port: "9000"
    protocol: 1
    crossMesh: true
    tls: {}
`;

const KUBERNETES_GATEWAY = `apiVersion: kuma.io/v1alpha1
kind: MeshGateway
mesh: default
metadata:
  name: edge-gateway
  annotations:
    anything: goes
spec:
  selectors:
  - match:
      kuma.io/service: edge-gateway_kuma-demo_svc
  tags: {}
  conf:
    listeners:
    - port: 8080
      protocol: HTTP
      hostname: foo.example.com
      tags:
        port: http-8080
`;

const HTTP_ROUTE = `type: MeshGatewayRoute
mesh: default
name: foo
selectors:
- match:
    kuma.io/service: edge-gateway
conf:
  http:
    hostnames: [foo.example.com]
    rules:
    - matches:
      - path:
          match: PREFIX
          value: /api
        query_parameters:
        - name: v
          value: "2"
        method: GET
      filters:
      - request_header:
          set:
          - name: x-a
            value: b
      - rewrite:
          replacePrefixMatch: /
          host_to_backend_hostname: true
      - mirror:
          backend:
            destination:
              kuma.io/service: shadow
          percentage: "12.5"
      backends:
      - weight: 1
        destination:
          kuma.io/service: api
    - matches:
      - path:
          value: /old
      filters:
      - redirect:
          statusCode: 301
          port: 0
          path:
            replace_full: /new
`;

const TCP_ROUTE = `apiVersion: kuma.io/v1alpha1
kind: MeshGatewayRoute
mesh: default
metadata:
  name: db
spec:
  selectors:
  - match:
      kuma.io/service: edge-gateway
  conf:
    tcp:
      rules:
      - backends:
        - destination:
            kuma.io/service: db
`;

const DATAPLANE = `type: Dataplane
mesh: default
name: edge-gateway-1
networking:
  address: 192.168.0.10
  gateway:
    type: BUILTIN
    tags:
      kuma.io/service: edge-gateway
      location: us
  transparent_proxying:
    redirectPortInbound: 15006
    ipFamilyMode: DualStack
`;

/** [name, text, expected valid] */
type Row = [string, string, boolean];

const ROWS: Row[] = [
  ['a Universal gateway', UNIVERSAL_GATEWAY, true],
  ['a Kubernetes gateway', KUBERNETES_GATEWAY, true],
  ['an HTTP route with both spellings', HTTP_ROUTE, true],
  ['a Kubernetes TCP route', TCP_ROUTE, true],
  ['a builtin gateway Dataplane', DATAPLANE, true],
  ['null is the same as absent', UNIVERSAL_GATEWAY.replace('tags:\n  zone: eu', 'tags:'), true],
  ['protocol in lower case', UNIVERSAL_GATEWAY.replace('protocol: HTTP\n', 'protocol: http\n'), false],
  ['Kubernetes protocol in lower case', KUBERNETES_GATEWAY.replace('protocol: HTTP', 'protocol: http'), false],
  ['a typo key in a listener', UNIVERSAL_GATEWAY.replace('hostname: foo.example.com', 'hostnmae: foo.example.com'), false],
  ['a typo key in a Kubernetes listener', KUBERNETES_GATEWAY.replace('hostname: foo', 'hostnmae: foo'), false],
  ['a missing port', UNIVERSAL_GATEWAY.replace('  - port: 8080\n    protocol: HTTP', '  - protocol: HTTP'), false],
  ['a missing Kubernetes port', KUBERNETES_GATEWAY.replace('- port: 8080\n      protocol', '- protocol'), false],
  ['port 0', UNIVERSAL_GATEWAY.replace('port: 8080', 'port: 0'), false],
  ['a negative port', UNIVERSAL_GATEWAY.replace('port: 8080', 'port: -1'), false],
  ['a missing protocol', UNIVERSAL_GATEWAY.replace('    protocol: HTTP\n', ''), false],
  ['a number as a tag value', UNIVERSAL_GATEWAY.replace('zone: eu', 'version: 2'), false],
  ['a selector without kuma.io/service', UNIVERSAL_GATEWAY.replace('kuma.io/service: edge-gateway', 'app: edge'), false],
  ['no selectors', UNIVERSAL_GATEWAY.replace('selectors:\n- match:\n    kuma.io/service: edge-gateway\n', ''), false],
  ['no mesh', UNIVERSAL_GATEWAY.replace('mesh: default\n', ''), false],
  ['a Kubernetes gateway without top-level mesh', KUBERNETES_GATEWAY.replace('mesh: default\n', ''), false],
  ['a Kubernetes spec field at the top', `${KUBERNETES_GATEWAY}conf: {}\n`, false],
  ['two datasources in one certificate', UNIVERSAL_GATEWAY.replace('- secret: example-com-certificate', '- secret: a\n        inlineString: b'), false],
  ['an unknown type', UNIVERSAL_GATEWAY.replace('type: MeshGateway', 'type: MeshGatway'), false],
  ['cross_mesh is not a Kuma spelling', UNIVERSAL_GATEWAY.replace('crossMesh: true', 'cross_mesh: true'), false],
  ['a route with both http and tcp', HTTP_ROUTE.replace('conf:\n', 'conf:\n  tcp: {}\n'), false],
  ['a route without conf', HTTP_ROUTE.slice(0, HTTP_ROUTE.indexOf('conf:')), false],
  ['a redirect without a status code', HTTP_ROUTE.replace('          statusCode: 301\n', ''), false],
  ['a route match typo', HTTP_ROUTE.replace('query_parameters:', 'query_parameter:'), false],
  ['a backend without kuma.io/service', HTTP_ROUTE.replace('kuma.io/service: api', 'app: api'), false],
  ['gateway type in lower case', DATAPLANE.replace('BUILTIN', 'builtin'), false],
  ['a Dataplane without address', DATAPLANE.replace('  address: 192.168.0.10\n', ''), false],
  ['a Dataplane typo', DATAPLANE.replace('gateway:', 'gatway:'), false],
];

describe('jsonSchema("all")', () => {
  const validate = validator('all');
  it.each(ROWS)('%s', (_name, text, valid) => {
    const errors = validate(text);
    if (valid) expect(errors).toEqual([]);
    else expect(errors).not.toEqual([]);
  });
});

describe('jsonSchema for one kind', () => {
  it.each<[SchemaKind, string]>([
    ['MeshGateway', UNIVERSAL_GATEWAY],
    ['MeshGateway', KUBERNETES_GATEWAY],
    ['MeshGatewayRoute', HTTP_ROUTE],
    ['MeshGatewayRoute', TCP_ROUTE],
    ['Dataplane', DATAPLANE],
  ])('%s accepts its own documents', (kind, text) => {
    expect(validator(kind)(text)).toEqual([]);
  });

  it('rejects a document of another kind', () => {
    expect(validator('MeshGateway')(DATAPLANE)).not.toEqual([]);
  });
});

describe('the schema document', () => {
  it('is draft-07 and carries descriptions and enums for editors', () => {
    const schema = jsonSchema('MeshGateway');
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const text = JSON.stringify(schema);
    expect(text).toContain('Hostname this listener answers for');
    expect(text).toContain('"enum":["NONE","TCP","TLS","HTTP","HTTPS"]');
    expect(text).toContain('"connection_limit"');
    expect(text).toContain('"connectionLimit"');
    const ajv = new Ajv({ strict: true, strictRequired: false, allowUnionTypes: true });
    ajv.addVocabulary(EDITOR_KEYWORDS);
    expect(ajv.validateSchema(schema)).toBe(true);
  });

  it('holds the fields and enum names of the target version', () => {
    const v = (text: string) => parseKumaVersion(text)!;
    expect(JSON.stringify(jsonSchema('MeshGateway', v('2.2')))).toContain('"enum":["NONE","TCP","HTTP","HTTPS"]');
    expect(JSON.stringify(jsonSchema('MeshGateway', v('2.1')))).toContain('"enum":["NONE","TCP","UDP","TLS","HTTP","HTTPS"]');
    expect(JSON.stringify(jsonSchema('Dataplane', v('2.13')))).not.toContain('"listeners"');
    expect(JSON.stringify(jsonSchema('Dataplane', v('2.14')))).toContain('"listeners"');
    expect(JSON.stringify(jsonSchema('MeshGatewayRoute', v('2.1')))).not.toContain('hostToBackendHostname');
  });
});

describe('the schema for all kinds next to other documents', () => {
  const validate = validator('all');
  it.each([
    ['a Universal Secret', 'type: Secret\nmesh: default\nname: s\ndata: aGVsbG8=\n'],
    ['a Universal MeshHTTPRoute', 'type: MeshHTTPRoute\nmesh: default\nname: r\nspec: {}\n'],
    ['a Kubernetes Deployment', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: d }\n'],
    ['a Kubernetes Secret', 'apiVersion: v1\nkind: Secret\ntype: system.kuma.io/secret\ndata: { value: aGVsbG8= }\n'],
  ])('accepts %s without checking its fields', (_name, text) => {
    expect(validate(text)).toEqual([]);
  });
  it.each([
    ['a misspelled Universal type', 'type: MeshGatway\nmesh: default\nname: x\n'],
    ['a misspelled Kuma kind', 'apiVersion: kuma.io/v1alpha1\nkind: MeshGatway\nmetadata: { name: x }\n'],
  ])('still rejects %s', (_name, text) => {
    expect(validate(text)).not.toEqual([]);
  });
});
