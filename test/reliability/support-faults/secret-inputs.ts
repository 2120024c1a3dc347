/**
 * Inputs full of private keys, for the leak tests: Secrets whose PEM bundles carry keys (RSA,
 * EC, two keys in one bundle, a key with no certificate), a gateway whose listeners hold a bundle
 * inline (`inlineString`, and base64 in `inline`), and a mesh whose provided CA has its key inline.
 * The same resources as a data set for the test control plane and as YAML files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeControlPlaneFixtures, type FakeDataSet, type FakeResource, type FakeSecret } from '../../support/fake-control-plane.js';
import { smallDataSet } from '../../support/fake-cp-data.js';

const BUNDLES = join(import.meta.dirname, '..', '..', '..', 'examples', 'certs', 'bundles');

export function bundle(name: string): string {
  return readFileSync(join(BUNDLES, name), 'utf8');
}

function keyOnly(pem: string): string {
  return (/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----\n?/.exec(pem) ?? [''])[0];
}

function certificateOnly(pem: string): string {
  return (/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n?/.exec(pem) ?? [''])[0];
}

const MESH_CA = bundle('api-example-com-rsa.pem');
const CHAT = bundle('chat-example-com.pem');
const WIKI = bundle('wiki-example-com.pem');
const KEY_ONLY = keyOnly(bundle('billing-example-com.pem'));

/** Secrets added to the small data set, beside its three bundles with keys. */
const EXTRA_SECRETS: FakeSecret[] = [
  { mesh: 'default', name: 'secure-rsa', pem: bundle('secure-example-com-rsa.pem') },
  { mesh: 'default', name: 'shop-ecdsa', pem: bundle('shop-example-com-ecdsa.pem') },
  { mesh: 'default', name: 'key-only', pem: KEY_ONLY },
  { mesh: 'default', name: 'key-first', pem: keyOnly(bundle('docs-example-com.pem')) + certificateOnly(bundle('docs-example-com.pem')) },
  { mesh: 'payments', name: 'www-org', pem: bundle('www-example-org.pem') },
];

const GLOBAL_SECRET: FakeSecret = { name: 'global-bundle', pem: bundle('old-example-com.pem') };

function inlineGateway(): FakeResource {
  const https = (port: number, hostname: string, certificates: unknown[]) => ({ port, protocol: 'HTTPS', hostname, tls: { mode: 'TERMINATE', certificates } });
  return {
    mesh: 'default',
    name: 'inline-gw',
    selectors: [{ match: { 'kuma.io/service': 'inline-gw' } }],
    conf: {
      listeners: [
        https(443, 'secure.example.com', [{ secret: 'secure-rsa' }, { secret: 'shop-ecdsa' }]),
        https(8443, 'chat.example.com', [{ inlineString: CHAT }]),
        https(9443, 'wiki.example.com', [{ inline: Buffer.from(WIKI, 'utf8').toString('base64') }]),
        https(10443, 'billing.example.com', [{ secret: 'key-only' }]),
        https(11443, 'docs.example.com', [{ secret: 'key-first' }]),
      ],
    },
  };
}

function meshMtls(): Record<string, unknown> {
  return {
    enabledBackend: 'ca-1',
    backends: [{ name: 'ca-1', type: 'provided', conf: { cert: { inlineString: certificateOnly(MESH_CA) }, key: { inlineString: keyOnly(MESH_CA) } } }],
  };
}

/** The small data set with every kind of key material above. */
export function leakDataSet(): FakeDataSet {
  const data = smallDataSet();
  data.meshes = data.meshes.map((mesh) => (mesh.name === 'payments' ? { ...mesh, mtls: meshMtls() } : mesh));
  data.gateways = [...data.gateways, inlineGateway()];
  data.secrets = [...data.secrets, ...EXTRA_SECRETS];
  data.globalSecrets = [...(data.globalSecrets ?? []), GLOBAL_SECRET];
  return data;
}

function yamlString(text: string): string {
  return JSON.stringify(text);
}

/** The same resources as Universal YAML files: `{ name, text }` for a folder. */
export function leakFiles(): { name: string; text: string }[] {
  const data = leakDataSet();
  const secretDocs = data.secrets.map(
    (secret) => `type: Secret\nmesh: ${secret.mesh ?? 'default'}\nname: ${secret.name}\ndata: ${Buffer.from(secret.pem, 'utf8').toString('base64')}\n`,
  );
  const inline = inlineGateway() as unknown as { conf: { listeners: { port: number; hostname: string; tls: { certificates: Record<string, string>[] } }[] } };
  const listenerYaml = inline.conf.listeners
    .map((l) => {
      const certs = l.tls.certificates.map((c) => {
        const [key, value] = Object.entries(c)[0];
        return `          - ${key}: ${key === 'secret' ? value : yamlString(value)}`;
      });
      return `    - port: ${l.port}\n      protocol: HTTPS\n      hostname: ${l.hostname}\n      tls:\n        mode: TERMINATE\n        certificates:\n${certs.join('\n')}`;
    })
    .join('\n');
  const ca = meshMtls() as { backends: { conf: { cert: { inlineString: string }; key: { inlineString: string } } }[] };
  const gateway = `type: MeshGateway
mesh: default
name: inline-gw
selectors:
  - match:
      kuma.io/service: inline-gw
conf:
  listeners:
${listenerYaml}
---
type: MeshGateway
mesh: default
name: edge
selectors:
  - match:
      kuma.io/service: edge
conf:
  listeners:
    - port: 443
      protocol: HTTPS
      hostname: one.example.com
      tls:
        mode: TERMINATE
        certificates:
          - secret: edge-cert
---
type: Dataplane
mesh: default
name: inline-gw-1
networking:
  address: 10.0.0.30
  gateway:
    type: BUILTIN
    tags:
      kuma.io/service: inline-gw
`;
  const meshes = `type: Mesh
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
          inlineString: ${yamlString(ca.backends[0].conf.cert.inlineString)}
        key:
          inlineString: ${yamlString(ca.backends[0].conf.key.inlineString)}
`;
  // A block scalar too: the way a key is often pasted by hand.
  const blockKey = `type: Mesh
name: hand-pasted
mtls:
  enabledBackend: ca-1
  backends:
    - name: ca-1
      type: provided
      conf:
        cert:
          inlineString: |
${certificateOnly(MESH_CA).trimEnd().split('\n').map((l) => `            ${l}`).join('\n')}
        key:
          inlineString: |
${keyOnly(MESH_CA).trimEnd().split('\n').map((l) => `            ${l}`).join('\n')}
`;
  return [
    { name: 'gateways.yaml', text: gateway },
    { name: 'meshes.yaml', text: meshes },
    { name: 'hand-pasted.yaml', text: blockKey },
    { name: 'secrets.yaml', text: secretDocs.join('---\n') },
  ];
}

/** Every PEM text the inputs above hold (Secrets, inline sources, the mesh CA, TLS fixtures). */
export function leakPems(): string[] {
  const data = leakDataSet();
  const fixtures = [fakeControlPlaneFixtures.serverKey, fakeControlPlaneFixtures.clientKey, fakeControlPlaneFixtures.serverCert, fakeControlPlaneFixtures.clientCert].map((f) =>
    readFileSync(f, 'utf8'),
  );
  return [...data.secrets.map((s) => s.pem), ...(data.globalSecrets ?? []).map((s) => s.pem), CHAT, WIKI, MESH_CA, ...fixtures];
}

/** PEM texts found in any text: plain or with `\n` escapes, and inside base64 runs (Secret data). */
export function pemsIn(text: string): string[] {
  const out: string[] = [];
  const plainText = text.replace(/\\n/g, '\n').replace(/^[ \t]+/gm, '');
  if (plainText.includes('-----BEGIN')) out.push(plainText);
  for (const match of text.matchAll(/[A-Za-z0-9+/]{64,}={0,2}/g)) {
    const decoded = Buffer.from(match[0], 'base64').toString('utf8');
    if (decoded.includes('-----BEGIN')) out.push(decoded);
  }
  return out;
}
