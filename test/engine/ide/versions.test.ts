import { describe, expect, it } from 'vitest';
import { complete, hover } from './check.js';

/**
 * Completion and hover offer what the target version has. The facts: Kuma's protos per release
 * (api/mesh/v1alpha1/gateway.proto, gateway_route.proto): `TLS` and `PASSTHROUGH` are declared
 * in 2.0–2.1 (and refused by the 2.0 and 2.1 validators), missing in 2.2, back from 2.3; the
 * route redirect filter has `path` from 2.2; `responseHeader` from 2.1.
 */

const LISTENER = `type: MeshGateway
mesh: default
name: gw
selectors:
  - match:
      kuma.io/service: gw
conf:
  listeners:
    - port: 8443
      protocol: $0
`;

const REDIRECT = `type: MeshGatewayRoute
mesh: default
name: r
selectors:
  - match:
      kuma.io/service: gw
conf:
  http:
    rules:
      - matches:
          - path:
              match: PREFIX
              value: /
        filters:
          - redirect:
              statusCode: 301
              $0
`;

const labels = (entries: { label: string }[]) => entries.map((e) => e.label);

describe('completion by version', () => {
  it('offers TLS as a listener protocol only where Kuma accepts it', () => {
    expect(labels(complete(LISTENER))).toContain('TLS');
    expect(labels(complete(LISTENER, {}, '2.3'))).toContain('TLS');
    expect(labels(complete(LISTENER, {}, '2.2'))).not.toContain('TLS');
    expect(labels(complete(LISTENER, {}, '2.0'))).not.toContain('TLS');
    expect(labels(complete(LISTENER, {}, '2.0'))).toEqual(expect.arrayContaining(['HTTP', 'HTTPS', 'TCP']));
  });

  it('offers the redirect path only from 2.2', () => {
    expect(labels(complete(REDIRECT, {}, '2.2'))).toContain('path');
    expect(labels(complete(REDIRECT, {}, '2.1'))).not.toContain('path');
    expect(labels(complete(REDIRECT, {}, '2.1'))).toEqual(expect.arrayContaining(['scheme', 'hostname', 'port']));
  });
});

describe('hover by version', () => {
  it('says when the target version does not know a field, and names the version', () => {
    const text = REDIRECT.replace('$0', 'pa$0th:\n                rewritePrefix: /new\n');
    const old = hover(text, {}, '2.1')!.markdown;
    expect(old).toContain('Kuma 2.1 does not know this field: its decoder drops it without a word.');
    expect(old.split('\n').at(-1)).toBe('*Kuma 2.1 rules*');
    expect(hover(text, {}, '2.2')!.markdown).not.toContain('does not know this field');
  });

  it('lists only the enum values the target version knows', () => {
    const text = LISTENER.replace('$0', 'HT$0TP');
    expect(hover(text, {}, '2.2')!.markdown).not.toContain('`TLS`');
    expect(hover(text, {}, '2.14')!.markdown).toContain('`TLS`');
  });
});
