/**
 * A small scenario for the test control plane, and the tokens the client tests use: the
 * resources a test wants, which the test control plane serves in the recorded shape of its Kuma
 * version. Two meshes; gateways with shared ports and a secret-backed HTTPS listener; builtin
 * proxies online, offline and never connected; a delegated gateway and a sidecar that must not
 * show up.
 */
import { readFileSync } from 'node:fs';
import { fakeControlPlaneFixtures, type FakeDataSet } from './fake-control-plane.js';

/** Distinctive tokens: tests assert they never appear in any message. */
export const ADMIN_TOKEN = 'tok-ADMIN-7c1e9f3a-never-print-me';
export const USER_TOKEN = 'tok-USER-4b8d2e6f-never-print-me';

export function pemBundle(index: 0 | 1 | 2): string {
  return readFileSync(fakeControlPlaneFixtures.gatewayBundles[index], 'utf8');
}

export function smallDataSet(): FakeDataSet {
  return {
    meshes: [{ name: 'default' }, { name: 'payments', mtls: { enabledBackend: 'ca-1', backends: [{ name: 'ca-1', type: 'builtin' }] } }],
    gateways: [
      {
        mesh: 'default',
        name: 'edge',
        selectors: [{ match: { 'kuma.io/service': 'edge' } }],
        conf: {
          listeners: [
            { hostname: 'one.example.com', port: 443, protocol: 'HTTPS', tags: { hostname: 'one' }, tls: { mode: 'TERMINATE', certificates: [{ secret: 'edge-cert' }] } },
            { hostname: 'two.example.com', port: 443, protocol: 'HTTPS', tags: { hostname: 'two' }, tls: { mode: 'TERMINATE', certificates: [{ secret: 'edge-cert' }] } },
            { port: 80, protocol: 'HTTP' },
          ],
        },
      },
      {
        mesh: 'default',
        name: 'internal',
        labels: { 'kuma.io/origin': 'zone', 'kuma.io/zone': 'zone-1' },
        selectors: [{ match: { 'kuma.io/service': 'internal', 'kuma.io/zone': '*' } }],
        conf: { listeners: [{ port: 8080, protocol: 'TCP' }] },
      },
      {
        mesh: 'payments',
        name: 'pay-gw',
        selectors: [{ match: { 'kuma.io/service': 'pay-gw' } }],
        conf: { listeners: [{ hostname: 'api.example.org', port: 8443, protocol: 'HTTPS', tls: { mode: 'TERMINATE', certificates: [{ secret: 'pay-cert' }] } }] },
      },
    ],
    gatewayRoutes: [
      {
        mesh: 'default',
        name: 'edge-legacy',
        selectors: [{ match: { 'kuma.io/service': 'edge', hostname: 'two' } }],
        conf: { http: { rules: [{ matches: [{ path: { match: 'PREFIX', value: '/' } }], backends: [{ destination: { 'kuma.io/service': 'web' } }] }] } },
      },
    ],
    httpRoutes: [
      {
        mesh: 'default',
        name: 'edge-http',
        spec: {
          targetRef: { kind: 'MeshGateway', name: 'edge' },
          to: [{ targetRef: { kind: 'Mesh' }, rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/api' } }], default: { backendRefs: [{ kind: 'MeshService', name: 'api' }] } }] }],
        },
      },
      {
        mesh: 'default',
        name: 'service-only',
        spec: { targetRef: { kind: 'Mesh' }, to: [{ targetRef: { kind: 'MeshService', name: 'api' }, rules: [] }] },
      },
    ],
    tcpRoutes: [
      {
        mesh: 'default',
        name: 'internal-tcp',
        spec: { targetRef: { kind: 'MeshGateway', name: 'internal' }, to: [{ targetRef: { kind: 'Mesh' }, rules: [{ default: { backendRefs: [{ kind: 'MeshService', name: 'db' }] } }] }] },
      },
    ],
    dataplanes: [
      { mesh: 'default', name: 'edge-1', address: '10.0.0.11', gateway: { type: 'BUILTIN', tags: { 'kuma.io/service': 'edge' } }, online: true },
      { mesh: 'default', name: 'edge-2', address: '10.0.0.12', gateway: { type: 'BUILTIN', tags: { 'kuma.io/service': 'edge' } }, online: false },
      { mesh: 'default', name: 'edge-3', address: '10.0.0.13', gateway: { type: 'BUILTIN', tags: { 'kuma.io/service': 'edge' } }, online: false, noInsight: true },
      {
        mesh: 'default',
        name: 'internal-1',
        address: '10.0.1.11',
        gateway: { type: 'BUILTIN', tags: { 'kuma.io/service': 'internal', 'kuma.io/zone': 'zone-1' } },
        online: true,
      },
      { mesh: 'default', name: 'kong-1', address: '10.0.2.11', gateway: { tags: { 'kuma.io/service': 'kong' } }, online: true },
      { mesh: 'default', name: 'web-1', address: '10.0.3.11', inbound: [{ port: 8080, tags: { 'kuma.io/service': 'web' } }], online: true },
      {
        mesh: 'payments',
        name: 'pay-gw-7d9c6b5f4-abcde.kuma-demo',
        address: '10.244.0.12',
        labels: { 'k8s.kuma.io/namespace': 'kuma-demo', 'kuma.io/display-name': 'pay-gw-7d9c6b5f4-abcde', 'kuma.io/zone': 'zone-2' },
        gateway: { type: 'BUILTIN', tags: { 'kuma.io/service': 'pay-gw' } },
        online: true,
      },
    ],
    secrets: [
      { mesh: 'default', name: 'edge-cert', pem: pemBundle(0) },
      { mesh: 'default', name: 'unused', pem: pemBundle(1) },
      { mesh: 'payments', name: 'pay-cert', pem: pemBundle(2) },
      { mesh: 'payments', name: 'not-a-certificate', pem: 'just some text\n' },
    ],
    globalSecrets: [{ name: 'admin-user-token', pem: 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln' }],
  };
}
