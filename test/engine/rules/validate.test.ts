import { describe, expect, it } from 'vitest';
import { admissionDiagnostics, formatKumaError, warningDiagnostics, goQuote, keyPath, parseFile, recogniseResources } from '@meshgw/engine/testing';

function docs(text: string) {
  return recogniseResources(parseFile('test.yaml', text));
}

describe('formatKumaError', () => {
  it('joins violations as Kuma prints them', () => {
    const [doc] = docs(`type: MeshGateway
name: gateway
mesh: default
selectors:
conf:
  listeners:
  - port: 443
    protocol: HTTPS
    tls:
      mode: TERMINATE
`);
    expect(formatKumaError(admissionDiagnostics(doc))).toBe(
      'selectors: must have at least one element; conf.listeners[0].tls.certificates: cannot be empty in TLS termination mode',
    );
  });

  it('prints only the spec stage on Universal when both stages fail', () => {
    const [doc] = docs('type: MeshGateway\nname: Edge\nmesh: default\nselectors: []\nconf: {listeners: [{port: 80, protocol: HTTP}]}\n');
    const diagnostics = admissionDiagnostics(doc);
    expect(diagnostics.map((d) => d.path)).toEqual(['selectors', 'name']);
    expect(formatKumaError(diagnostics)).toBe('selectors: must have at least one element');
    expect(formatKumaError(diagnostics.filter((d) => d.path === 'name'))).toMatch(/^name: invalid characters\. /);
  });

  it('prints only the mesh on Kubernetes when both stages fail', () => {
    const [doc] = docs(`apiVersion: kuma.io/v1alpha1
kind: MeshGateway
metadata:
  name: edge
spec:
  selectors: []
`);
    const diagnostics = admissionDiagnostics(doc);
    expect(diagnostics.map((d) => d.path)).toEqual(['mesh', 'spec.selectors', 'spec.conf']);
    expect(formatKumaError(diagnostics)).toBe('mesh: cannot be empty');
  });

  it('is empty without admission diagnostics', () => {
    const [doc] = docs('type: MeshGateway\nname: edge\nmesh: default\nselectors: [{match: {kuma.io/service: edge}}]\nconf: {listeners: [{port: 80, protocol: HTTP, tls: {mode: TERMINATE}}]}\n');
    expect(admissionDiagnostics(doc).map((d) => d.message)).toEqual(['cannot be empty in TLS termination mode']);
    expect(formatKumaError(warningDiagnostics(doc))).toBe('');
  });
});

describe('diagnostics', () => {
  it('carry the resource, the file, the severity and the admission flag', () => {
    const [doc] = docs('type: MeshGateway\nname: edge\nmesh: default\nselectors: []\nconf: {listeners: [{port: 80, protocol: HTTP, tls: {mode: NONE}}]}\n');
    const [admission] = admissionDiagnostics(doc);
    expect(admission).toMatchObject({
      code: 'gateway-selectors',
      severity: 'error',
      admission: true,
      file: 'test.yaml',
      resource: { type: 'MeshGateway', mesh: 'default', name: 'edge' },
    });
    const [warning] = warningDiagnostics(doc);
    expect(warning).toMatchObject({ code: 'tls-ignored', severity: 'warning', admission: false, path: 'conf.listeners[0].tls' });
  });
});

describe('Kuma paths', () => {
  it('quote map keys like Go %q', () => {
    expect(keyPath('tags', 'kuma.io/service')).toBe('tags["kuma.io/service"]');
    expect(goQuote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(goQuote('x\ny\tz\u0001\u007f')).toBe('"x\\ny\\tz\\x01\\x7f"');
    expect(goQuote('é ü 世界 😀')).toBe('"é ü 世界 😀"');
    expect(goQuote('\u00a0\u200b\ue000')).toBe('"\\u00a0\\u200b\\ue000"');
    expect(goQuote('\u{e0001}')).toBe('"\\U000e0001"');
  });

  it('print non-ASCII keys in violations', () => {
    const [doc] = docs('type: MeshGateway\nname: edge\nmesh: default\nselectors: [{match: {kuma.io/service: edge}}]\ntags:\n  "ключ\\t": v\nconf: {listeners: [{port: 80, protocol: HTTP}]}\n');
    expect(admissionDiagnostics(doc).map((d) => d.path)).toEqual(['tags["ключ\\t"]']);
  });
});
