import { describe, expect, it } from 'vitest';
import { admissionDiagnostics, parseFile, parseKumaVersion, recogniseResources } from '@meshgw/engine/testing';

/**
 * The OpenAPI schema stage of MeshHTTPRoute and MeshTCPRoute, in the words of kube-openapi's
 * validator (`in body must be of type integer: "number"`, `should be one of [...]`) and with each
 * version's schema (pkg/plugins/policies/*route/api/v1alpha1/schema.yaml, rest.yaml from 2.13).
 */

function schema(text: string, version = '2.14'): string[] {
  const [doc] = recogniseResources(parseFile('a.yaml', text));
  return admissionDiagnostics(doc, parseKumaVersion(version)!).map((d) => `${d.code} ${d.path}: ${d.message}`);
}

const route = (rule: string, targetRef = 'kind: MeshGateway\n    name: edge') =>
  `type: MeshHTTPRoute\nname: r\nmesh: default\nspec:\n  targetRef:\n    ${targetRef}\n  to:\n    - targetRef:\n        kind: Mesh\n      rules:\n${rule}`;

const MATCH = '        - matches:\n            - path: { type: PathPrefix, value: / }\n';

describe('policy-route-schema', () => {
  it('wants whole numbers for integers and names its values for enums, a number being neither', () => {
    const rule = `${MATCH.replace('{ type: PathPrefix, value: / }', '{ type: PathPrefix, value: / }\n              method: 5')}          default:\n            backendRefs:\n              - { kind: MeshService, name: b, weight: 1.5 }\n`;
    expect(schema(route(rule)).sort()).toEqual([
      'policy-route-schema spec.to[0].rules[0].default.backendRefs[0].weight: in body must be of type integer: "number"',
      'policy-route-schema spec.to[0].rules[0].matches[0].method: in body must be of type string: "number"',
      'policy-route-schema spec.to[0].rules[0].matches[0].method: in body should be one of [CONNECT DELETE GET HEAD OPTIONS PATCH POST PUT TRACE]',
    ]);
  });

  it('lists the kinds of the target version', () => {
    const rule = `${MATCH}          default:\n            backendRefs:\n              - { kind: MeshService, name: b }\n`;
    const text = route(rule, 'kind: MeshMultiZoneService\n    name: edge');
    expect(schema(text, '2.8')).toEqual([
      'policy-route-schema spec.targetRef.kind: in body should be one of [Mesh MeshSubset MeshGateway MeshService MeshExternalService MeshServiceSubset MeshHTTPRoute]',
    ]);
    expect(schema(text, '2.9')).toEqual([]);
  });

  it('wants at least one proxy type from 2.6 to 2.9; from 2.10 the validator says so', () => {
    const rule = `${MATCH}          default:\n            backendRefs:\n              - { kind: MeshService, name: b }\n`;
    const text = route(rule).replace('        kind: Mesh\n', '        kind: Mesh\n        proxyTypes: []\n');
    expect(schema(text, '2.9')).toEqual(['policy-route-schema spec.to[0].targetRef.proxyTypes: in body should have at least 1 items']);
    expect(schema(text, '2.10')).toEqual(['policy-route-to spec.to[0].targetRef.proxyTypes: must be undefined or have at least one element']);
  });

  it('hides the validator while the schema fails', () => {
    const text = route('        - default: {}\n');
    expect(schema(text)).toEqual(['policy-route-schema spec.to[0].rules[0].matches: in body is required']);
    expect(schema(text.replace('        - default: {}\n', `${MATCH}          default: {}\n`))).toEqual([
      'policy-route-backends spec.to[0].rules[0].default.backendRefs: must not be empty',
    ]);
  });

  it('is not run on the Kubernetes form, which the API server checks in its own words', () => {
    const text = `apiVersion: kuma.io/v1alpha1\nkind: MeshHTTPRoute\nmetadata:\n  name: r\n  namespace: kuma-system\n  labels:\n    kuma.io/mesh: default\nspec:\n  targetRef:\n    kind: MeshGateway\n    name: edge\n  to:\n    - targetRef:\n        kind: Mesh\n      rules:\n        - default: {}\n`;
    expect(schema(text).some((d) => d.startsWith('policy-route-schema'))).toBe(false);
  });
});
