import { describe, expect, it } from 'vitest';
import { hints } from './check.js';
import { GATEWAY, dataplane, secret } from './gateway-fixtures.js';

// Inlay hints: a listener's merged port (listeners on one port are one Envoy listener whose
// hosts are all their hostnames) and its final kuma.io/service tag; a Secret certificate's
// expiry at the analysis' `now`.

describe('inlay hints', () => {
  it('ends each listener line with its merged port, hosts and service, and each certificate with its expiry', () => {
    const others = { 'dp.yaml': dataplane('edge-1', 'edge'), 'secrets.yaml': secret('tls-a') };
    expect(hints(GATEWAY, others, new Date('2099-12-08T00:00:00Z'))).toEqual([
      '    - port: 80 ‹80/HTTP · 2 hosts · service=edge›',
      '    - port: 80 ‹80/HTTP · 2 hosts · service=edge›',
      '    - port: 443 ‹443/HTTPS · 1 host · service=edge›',
      '          - secret: tls-a ‹expires in 23 d›',
      '    - port: 9000 ‹9000/TCP · 1 host · service=edge›',
    ]);
  });

  it('says a certificate expired, or that its Secret is not found', () => {
    const expired = hints(GATEWAY, { 'dp.yaml': dataplane('edge-1', 'edge'), 'secrets.yaml': secret('tls-a') }, new Date('2100-01-02T00:00:00Z'));
    expect(expired).toContain('          - secret: tls-a ‹expired›');
    expect(hints(GATEWAY, { 'dp.yaml': dataplane('edge-1', 'edge') })).toContain('          - secret: tls-a ‹not found›');
  });

  it('says the service varies when the bound dataplanes differ', () => {
    // `*` matches any value of the tag, so one gateway binds dataplanes of two services.
    const gateway = GATEWAY.replace('kuma.io/service: edge', "kuma.io/service: '*'");
    const others = { 'dp.yaml': `${dataplane('edge-1', 'edge-a')}---\n${dataplane('edge-2', 'edge-b')}` };
    expect(hints(gateway, others)[0]).toBe('    - port: 80 ‹80/HTTP · 2 hosts · service=edge-a, edge-b (varies: 2 dataplanes)›');
  });

  it('takes the service from the selector when no dataplane is in the workspace', () => {
    expect(hints(GATEWAY)[0]).toBe('    - port: 80 ‹80/HTTP · 2 hosts · service=edge›');
  });
});
