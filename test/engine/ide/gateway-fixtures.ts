import { readFileSync } from 'node:fs';

// A small mesh for the navigation and inlay-hint tests: a gateway with two HTTP listeners merged
// on port 80, an HTTPS listener with one Secret certificate and a TCP listener.

export const dataplane = (name: string, service: string) => `type: Dataplane
mesh: default
name: ${name}
networking:
  address: 10.0.0.1
  gateway:
    type: BUILTIN
    tags:
      kuma.io/service: ${service}
`;

export const GATEWAY = `type: MeshGateway
mesh: default
name: edge
selectors:
  - match:
      kuma.io/service: edge
conf:
  listeners:
    - port: 80
      protocol: HTTP
      hostname: a.example.com
      tags:
        vhost: a
    - port: 80
      protocol: HTTP
      hostname: b.example.com
      tags:
        vhost: b
    - port: 443
      protocol: HTTPS
      hostname: a.example.com
      tls:
        mode: TERMINATE
        certificates:
          - secret: tls-a
      tags:
        vhost: a
    - port: 9000
      protocol: TCP
`;

/** A Secret whose leaf is valid from 2025-01-01 to 2099-12-31T23:59:59Z (test/fixtures/certs). */
export const secret = (name: string, mesh = 'default') => `type: Secret
mesh: ${mesh}
name: ${name}
data: ${readFileSync(new URL('../../fixtures/certs/bundle-ecdsa.pem', import.meta.url)).toString('base64')}
`;

export const route = (name: string, vhost: string) => `type: MeshGatewayRoute
mesh: default
name: ${name}
selectors:
  - match:
      kuma.io/service: edge
      vhost: ${vhost}
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

export const HTTP_ROUTE = `type: MeshHTTPRoute
mesh: default
name: edge-http
spec:
  targetRef:
    kind: MeshGateway
    name: edge
  to:
    - targetRef:
        kind: Mesh
      rules:
        - matches:
            - path:
                type: PathPrefix
                value: /
          default:
            backendRefs:
              - kind: MeshService
                name: web
`;
