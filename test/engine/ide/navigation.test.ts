import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { definitions, references } from './check.js';
import { GATEWAY, HTTP_ROUTE, dataplane, route, secret } from './gateway-fixtures.js';

// Go to definition and references at a cursor mark `$0`. The links are Kuma's: a
// listener certificate reads the Secret of its gateway's mesh; a MeshGatewayRoute attaches to
// the listeners whose final tags (dataplane, then gateway, then listener tags) its selector
// matches; a MeshHTTPRoute names its gateway in targetRef and attaches to its HTTP listeners;
// a gateway binds the builtin Dataplanes its selectors match.

describe('go to definition', () => {
  it("goes from a certificate's secret to the Secret of the gateway's mesh", () => {
    const others = { 'secrets.yaml': `${secret('tls-a')}---\n${secret('tls-a', 'other')}---\n${secret('tls-b')}`, 'dp.yaml': dataplane('edge-1', 'edge') };
    expect(definitions(GATEWAY.replace('- secret: tls-a', '- secret: tls$0-a'), others)).toEqual(['secrets.yaml: tls-a']);
    expect(definitions(GATEWAY.replace('- secret: tls-a', '- sec$0ret: tls-a'), others)).toEqual(['secrets.yaml: tls-a']);
  });

  it('finds no Secret that is not in the mesh, nor a GlobalSecret', () => {
    const global = secret('tls-a').replace('type: Secret\nmesh: default\n', 'type: GlobalSecret\n');
    expect(definitions(GATEWAY.replace('- secret: tls-a', '- secret: tls$0-a'), { 'secrets.yaml': `${secret('tls-a', 'other')}---\n${global}` })).toEqual([]);
  });

  it('goes from a MeshGatewayRoute selector to the gateway and the listeners its selector matches', () => {
    const others = { 'gw.yaml': GATEWAY, 'dp.yaml': dataplane('edge-1', 'edge') };
    expect(definitions(route('to-a', 'a').replace('vhost: a', 'vhost: $0a'), others)).toEqual(['gw.yaml: edge', 'gw.yaml: port: 80', 'gw.yaml: port: 443']);
    expect(definitions(route('to-b', 'b').replace('- match:', '- ma$0tch:'), others)).toEqual(['gw.yaml: edge', 'gw.yaml: port: 80']);
    expect(definitions(route('to-c', 'c').replace('vhost: c', 'vhost: $0c'), others)).toEqual([]);
  });

  it('goes from a MeshHTTPRoute targetRef to the gateway and its HTTP listeners', () => {
    const others = { 'gw.yaml': GATEWAY, 'dp.yaml': dataplane('edge-1', 'edge') };
    expect(definitions(HTTP_ROUTE.replace('name: edge\n', 'name: ed$0ge\n'), others)).toEqual([
      'gw.yaml: edge',
      'gw.yaml: port: 80',
      'gw.yaml: port: 80',
      'gw.yaml: port: 443',
    ]);
  });

  it('goes from a MeshGateway selector to the Dataplanes it binds', () => {
    const others = { 'dp.yaml': `${dataplane('edge-1', 'edge')}---\n${dataplane('edge-2', 'edge')}---\n${dataplane('other-1', 'other')}` };
    expect(definitions(GATEWAY.replace('kuma.io/service: edge', 'kuma.io/service: ed$0ge'), others)).toEqual(['dp.yaml: edge-1', 'dp.yaml: edge-2']);
  });

  it('has nothing to go to elsewhere', () => {
    expect(definitions(GATEWAY.replace('hostname: b.example.com', 'hostname: b.exa$0mple.com'), { 'dp.yaml': dataplane('edge-1', 'edge') })).toEqual([]);
  });
});

describe('find references', () => {
  const gateways = { 'gw.yaml': `${GATEWAY}---\n${GATEWAY.replace('mesh: default', 'mesh: other')}` };

  it("lists the certificates that name a Secret, in its own mesh's gateways only", () => {
    expect(references(secret('tls-a').replace('name: tls-a', 'name: tls$0-a'), gateways)).toEqual(['gw.yaml: secret: tls-a']);
    expect(references(secret('tls-a').replace('name: tls-a', 'name: tls$0-a'), gateways, true)).toEqual(['test.yaml: tls-a', 'gw.yaml: secret: tls-a']);
  });

  it('lists the routes attached to a gateway and the Dataplanes it binds', () => {
    const others = {
      'routes.yaml': `${route('to-a', 'a')}---\n${route('to-c', 'c')}---\n${HTTP_ROUTE}`,
      'dp.yaml': `${dataplane('edge-1', 'edge')}---\n${dataplane('other-1', 'other')}`,
    };
    const marked = GATEWAY.replace('name: edge', 'name: ed$0ge');
    // While the MeshHTTPRoute applies, Kuma ignores the MeshGatewayRoute, yet its selector still attaches it.
    expect(references(marked, others)).toEqual(['routes.yaml: edge-http', 'routes.yaml: to-a', 'dp.yaml: edge-1']);
    const gatewayRoutes = { ...others, 'routes.yaml': `${route('to-a', 'a')}---\n${route('to-c', 'c')}` };
    expect(references(marked, gatewayRoutes, true)).toEqual(['test.yaml: edge', 'routes.yaml: to-a', 'dp.yaml: edge-1']);
  });

  it('has none off the name', () => {
    expect(references(GATEWAY.replace('mesh: default', 'mesh: def$0ault'), { 'dp.yaml': dataplane('edge-1', 'edge') })).toEqual([]);
  });
});

describe('in Kubernetes form', () => {
  const example = (name: string) => readFileSync(new URL(`../../../examples/kubernetes/${name}`, import.meta.url), 'utf8');

  it("goes from a certificate's secret to the Secret's metadata.name, and back", () => {
    const secrets = { 'secrets.yaml': example('shop-gateway-secrets.yaml') };
    const gateway = example('shop-gateway.yaml');
    expect(definitions(gateway.replace('- secret: shop-example-com-ecdsa', '- secret: shop-$0example-com-ecdsa'), secrets)).toEqual([
      'secrets.yaml: shop-example-com-ecdsa',
    ]);
    const marked = example('shop-gateway-secrets.yaml').replace('name: shop-example-com-rsa', 'name: shop-$0example-com-rsa');
    expect(references(marked, { 'gw.yaml': gateway })).toEqual(['gw.yaml: secret: shop-example-com-rsa']);
  });
});
