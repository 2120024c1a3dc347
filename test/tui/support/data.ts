/**
 * Resource files for the terminal app's tests: two meshes, a gateway whose listeners share a
 * port, tags from all three layers, certificates expired, expiring in days, valid for decades,
 * one that does not cover its hostname and one whose Secret is missing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileInput } from '@meshgw/engine';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples');

/** The fixed clock of these tests: promo expires in 5 days, old expired 1100 days ago. */
export const NOW = new Date('2027-01-05T00:00:00Z');

function bundle(name: string): string {
  return readFileSync(join(EXAMPLES, 'certs', 'bundles', name), 'utf8');
}

function secret(mesh: string, name: string, pem: string): string {
  return `type: Secret\nmesh: ${mesh}\nname: ${name}\ndata: ${Buffer.from(pem, 'utf8').toString('base64')}\n`;
}

const EDGE = `type: MeshGateway
mesh: default
name: edge
selectors:
  - match:
      kuma.io/service: edge
tags:
  team: edge
  environment: production
conf:
  listeners:
    - port: 8080
      protocol: HTTP
      hostname: foo.example.com
      tags:
        vhost: foo
    - port: 8080
      protocol: HTTP
      hostname: bar.example.com
      tags:
        vhost: bar
        environment: staging
    - port: 8443
      protocol: HTTPS
      hostname: secure.example.com
      tls:
        mode: TERMINATE
        certificates:
          - secret: secure-rsa
          - secret: promo
      resources:
        connectionLimit: 500
    - port: 8443
      protocol: HTTPS
      hostname: old.example.com
      tls:
        mode: TERMINATE
        certificates:
          - secret: old
    - port: 8443
      protocol: HTTPS
      hostname: status.example.com
      tls:
        mode: TERMINATE
        certificates:
          - secret: status-missing
`;

const EDGE_DATAPLANE = `type: Dataplane
mesh: default
name: edge-1
networking:
  address: 10.0.0.10
  gateway:
    type: BUILTIN
    tags:
      kuma.io/service: edge
      team: platform
`;

const ROUTE = `type: MeshGatewayRoute
mesh: default
name: edge-foo
selectors:
  - match:
      kuma.io/service: edge
      vhost: foo
conf:
  http:
    rules:
      - matches:
          - path:
              match: PREFIX
              value: /
        backends:
          - destination:
              kuma.io/service: web
`;

const PAY = `type: MeshGateway
mesh: payments
name: pay
selectors:
  - match:
      kuma.io/service: pay
conf:
  listeners:
    - port: 443
      protocol: HTTPS
      hostname: promo.example.com
      tls:
        mode: TERMINATE
        certificates:
          - secret: promo
`;

const MESHES = `type: Mesh
name: default
---
type: Mesh
name: payments
mtls:
  enabledBackend: ca-1
  backends:
    - name: ca-1
      type: provided
      conf:
        cert:
          inlineString: "-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----"
        key:
          inlineString: "-----BEGIN PRIVATE KEY-----\\nSECRETKEYMATERIAL\\n-----END PRIVATE KEY-----"
`;

/** The workspace as files, named like a folder on disk. */
export function testFiles(): FileInput[] {
  return [
    { file: 'ws/meshes.yaml', text: MESHES },
    { file: 'ws/edge.yaml', text: EDGE },
    { file: 'ws/edge-dataplane.yaml', text: EDGE_DATAPLANE },
    { file: 'ws/edge-route.yaml', text: ROUTE },
    { file: 'ws/pay.yaml', text: PAY },
    {
      file: 'ws/secrets.yaml',
      text: [
        secret('default', 'secure-rsa', bundle('secure-example-com-rsa.pem')),
        secret('default', 'promo', bundle('promo-example-com.pem')),
        secret('default', 'old', bundle('old-example-com.pem')),
        secret('payments', 'promo', bundle('promo-example-com.pem')),
      ].join('---\n'),
    },
  ];
}

/** `n` extra gateways in mesh `bulk`, for list windows. */
export function manyGateways(n: number): FileInput[] {
  const docs: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = `bulk-${String(i).padStart(4, '0')}`;
    docs.push(`type: MeshGateway\nmesh: bulk\nname: ${name}\nselectors:\n  - match:\n      kuma.io/service: ${name}\nconf:\n  listeners:\n    - port: 80\n      protocol: HTTP\n`);
  }
  return [{ file: 'ws/bulk.yaml', text: docs.join('---\n') }];
}
