import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, positionOf, startClient, uriOf, type LspClient } from './support/lsp-client.js';

interface Hover {
  contents: { kind: string; value: string };
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

const GATEWAY = resolve(EXAMPLES, 'edge-gateway/gateway.yaml');
const ROUTES = resolve(EXAMPLES, 'edge-gateway/routes.yaml');
const TCP = resolve(EXAMPLES, 'tcp-tls-gateway/gateway.yaml');
const BROKEN = resolve(EXAMPLES, 'broken/typo-hostnmae.yaml');
const NOW = '2026-12-20T00:00:00Z';
/** Every hover ends by naming the Kuma version whose rules applied: the default here. */
const RULES = '\n\n*Kuma 2.14 rules*';

let client: LspClient;
const texts = new Map<string, string>();

async function hover(path: string, needle: string, delta = 0, occurrence = 0): Promise<Hover | null> {
  const text = texts.get(path) ?? readFileSync(path, 'utf8');
  texts.set(path, text);
  return client.request<Hover | null>('textDocument/hover', {
    textDocument: { uri: uriOf(path) },
    position: positionOf(text, needle, delta, occurrence),
  });
}

function tableRows(markdown: string, header: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(header);
  if (start < 0) return [];
  const rows: string[] = [];
  for (let i = start + 2; i < lines.length && lines[i].startsWith('|'); i++) rows.push(lines[i]);
  return rows;
}

beforeAll(async () => {
  client = startClient({ env: { MESHGW_NOW: NOW } });
  // Two example folders as the workspace; broken files are opened on their own.
  await client.initialize({ folders: [resolve(EXAMPLES, 'edge-gateway'), resolve(EXAMPLES, 'tcp-tls-gateway')] });
  for (const path of [GATEWAY, ROUTES, TCP, BROKEN]) client.open(path);
});

afterAll(async () => {
  await client.close();
});

describe('hover on a listener', () => {
  it('shows the merged port and the final tags with their layer', async () => {
    const h = await hover(GATEWAY, 'protocol: HTTP', 2);
    expect(h?.contents.kind).toBe('markdown');
    const md = h!.contents.value;
    expect(md.split('\n')[0]).toBe('**Listener #0** of MeshGateway `edge-gateway` (mesh `default`): HTTP on port 8080, `foo.example.com`');
    expect(tableRows(md, '| listener | hostname | protocol | TLS mode | certificates |')).toEqual([
      '| #0 (this) | foo.example.com | HTTP | — | — |',
      '| #1 | bar.example.com | HTTP | — | — |',
    ]);
    expect(md).toContain('Hostnames, most specific first: `bar.example.com`, `foo.example.com`.');
    expect(md).toContain('Connection limit: unlimited (listener #0, the first on the port, sets none).');
    expect(tableRows(md, '| key | value | from |')).toEqual([
      '| environment | production | gateway |',
      '| kuma.io/service | edge-gateway | dataplane |',
      '| location | us | dataplane |',
      '| port | http/8080 | listener |',
      '| team | edge | gateway |',
      '| vhost | foo.example.com | listener |',
    ]);
    expect(md).toContain('`team`: gateway value `edge` overrides dataplane value `platform`.');
    expect(md).toContain('Bound Dataplane: `edge-gateway-1` (192.168.0.10), through selector #0.');
    expect(md).toContain('Routes: `edge-gateway-foo` (MeshGatewayRoute), `edge-gateway-login-redirect` (MeshGatewayRoute), `edge-gateway-well-known` (MeshGatewayRoute).');
    // The hovered key is the range.
    expect(h!.range).toEqual({ start: positionOf(texts.get(GATEWAY)!, 'protocol: HTTP'), end: positionOf(texts.get(GATEWAY)!, 'protocol: HTTP', 8) });
  });

  it('shows the listener override of a gateway tag on the second listener', async () => {
    const md = (await hover(GATEWAY, 'hostname: bar.example.com', 0, 0))!.contents.value;
    expect(md).toContain('Hostnames on port 8080 (HTTP), most specific first:');
    const onTags = (await hover(GATEWAY, 'tags:', 2, 2))!.contents.value;
    expect(tableRows(onTags, '| key | value | from |')).toEqual([
      '| environment | staging | listener |',
      '| kuma.io/service | edge-gateway | dataplane |',
      '| location | us | dataplane |',
      '| port | http/8080 | listener |',
      '| team | edge | gateway |',
      '| vhost | bar.example.com | listener |',
    ]);
    expect(onTags).toContain('`environment`: listener value `staging` overrides gateway value `production`.');
  });

  it('shows the HTTPS port with its TLS mode, certificates and connection limit', async () => {
    const md = (await hover(GATEWAY, 'resources:', 2))!.contents.value;
    expect(tableRows(md, '| listener | hostname | protocol | TLS mode | certificates |')).toEqual([
      '| #2 (this) | secure.example.com | HTTPS | TERMINATE | secure-example-com-rsa, secure-example-com-ecdsa |',
    ]);
    expect(md).toContain('Connection limit: 10000 (set by listener #2, the first on the port).');
    expect(md).toContain('**`resources`** · object');
  });

  it('says where the dataplane layer comes from when no dataplane is bound', async () => {
    const md = (await hover(BROKEN, 'port: 8080', 1))!.contents.value;
    expect(md).toContain('**Port 8080** · HTTP · 1 listener');
    const listener = (await hover(BROKEN, 'protocol: HTTP', 1))!.contents.value;
    expect(tableRows(listener, '| key | value | from |')).toEqual(['| kuma.io/service | typo-hostname-gateway | selector |']);
    expect(listener).toContain(
      'No Dataplane bound to this gateway is in the workspace: the dataplane layer comes from the selector (its exact-valued tags); a real Dataplane may add more tags.',
    );
  });
});

describe('hover on parts of a listener', () => {
  it('on port: the merged port only', async () => {
    const md = (await hover(GATEWAY, 'port: 8080', 1))!.contents.value;
    expect(md.split('\n')[0]).toBe('**Port 8080** · HTTP · 2 listeners merged into one Envoy listener');
    expect(md).not.toContain('Final tags');
  });

  it('on hostname: the hostnames sharing the port and how requests are matched', async () => {
    const md = (await hover(GATEWAY, 'hostname: foo.example.com', 12))!.contents.value;
    expect(md).toBe(
      [
        '**Hostname** `foo.example.com` · listener #0 of `edge-gateway`',
        '',
        'Hostnames on port 8080 (HTTP), most specific first:',
        '',
        '1. `bar.example.com` — listener #1',
        '2. `foo.example.com` — listener #0 (this)',
        '',
        'Kuma builds one Envoy listener for the port with a virtual host per hostname. A request goes to the virtual host that matches its Host header: an exact name first, then the longest `*.` wildcard, then `*`.',
      ].join('\n') + RULES,
    );
  });

  it('on a TLS passthrough hostname: SNI matching, wildcards last', async () => {
    const md = (await hover(TCP, 'hostname: legacy.example.com', 1))!.contents.value;
    expect(md).toContain('1. `legacy.example.com` — listener #2 (this)\n2. `*.apps.example.com` — listener #3');
    expect(md).toContain('chosen by the SNI of the connection');
  });

  it('on a tag key in listener tags: the final value and the layer that wins', async () => {
    const md = (await hover(GATEWAY, 'environment: staging', 1))!.contents.value;
    expect(md).toBe(
      [
        '**Tag `environment`** · listener #1 of MeshGateway `edge-gateway`',
        '',
        'Final value: `staging`, from the listener (dataplane, then gateway, then listener tags; later layers win).',
        'It overrides the gateway value `production`.',
      ].join('\n') + RULES,
    );
  });

  it('on a tag key in gateway tags: the final value on each listener', async () => {
    const md = (await hover(GATEWAY, 'environment: production', 1))!.contents.value;
    expect(tableRows(md, '| listener | value | from |')).toEqual([
      '| #0 :8080 foo.example.com | production | gateway |',
      '| #1 :8080 bar.example.com | staging | listener |',
      '| #2 :8443 secure.example.com | production | gateway |',
    ]);
    const team = (await hover(GATEWAY, 'team: edge', 1))!.contents.value;
    expect(team).toContain('It overrides the dataplane value `platform`.');
  });

  it('on a certificate secret: subject, SANs, issuer, expiry, key type and coverage', async () => {
    const md = (await hover(GATEWAY, 'secret: secure-example-com-rsa', 10))!.contents.value;
    expect(md.split('\n')[0]).toBe('**Certificate** `secure-example-com-rsa` · Secret of mesh `default` (listener #2, certificate 1 of 2)');
    expect(tableRows(md, '| field | value |')).toEqual([
      '| Subject | O=Example Org, CN=secure.example.com |',
      '| SANs | secure.example.com |',
      '| Issuer | O=Example Org, CN=Example Gateway CA |',
      '| Not after | 2095-12-31T23:59:59.000Z |',
      `| Days left | ${Math.floor((Date.parse('2095-12-31T23:59:59.000Z') - Date.parse(NOW)) / 86_400_000)} |`,
      '| Key type | RSA 2048 |',
      '| Covers `secure.example.com` | yes |',
    ]);
    const ecdsa = (await hover(GATEWAY, 'secret: secure-example-com-ecdsa', 10))!.contents.value;
    expect(ecdsa).toMatch(/\| Key type \| ECDSA 256 \(.+\) \|/);
  });
});

describe('hover on selectors', () => {
  it('on a MeshGatewayRoute selector: the listeners it attaches to', async () => {
    const md = (await hover(ROUTES, 'vhost: foo.example.com', 1))!.contents.value;
    expect(md.split('\n')[0]).toBe(
      '**Selector #0** of MeshGatewayRoute `edge-gateway-foo` · matches listeners whose final tags include `kuma.io/service: edge-gateway`, `vhost: foo.example.com`',
    );
    expect(tableRows(md, '| gateway | listener | port | hostname | protocol | state |')).toEqual([
      '| edge-gateway | #0 | 8080 | foo.example.com | HTTP | attached |',
    ]);
    const redirect = (await hover(ROUTES, 'port: http/8080', 1))!.contents.value;
    expect(tableRows(redirect, '| gateway | listener | port | hostname | protocol | state |')).toEqual([
      '| edge-gateway | #0 | 8080 | foo.example.com | HTTP | attached |',
      '| edge-gateway | #1 | 8080 | bar.example.com | HTTP | attached |',
    ]);
  });

  it('on a gateway selector: the dataplanes it binds', async () => {
    const md = (await hover(GATEWAY, 'kuma.io/service: edge-gateway', 1))!.contents.value;
    expect(md).toBe(
      [
        '**Selector #0** of MeshGateway `edge-gateway` · binds builtin Dataplanes whose gateway tags include `kuma.io/service: edge-gateway`',
        '',
        '| dataplane | address | state |',
        '| --- | --- | --- |',
        '| edge-gateway-1 | 192.168.0.10 | bound to this gateway |',
      ].join('\n') + RULES,
    );
  });
});

describe('hover elsewhere', () => {
  it('on any other field: its documentation', async () => {
    const md = (await hover(GATEWAY, 'conf:', 1))!.contents.value;
    expect(md).toBe('**`conf`** · object · required\n\nThe gateway configuration: its listeners. Required.' + RULES);
  });

  it('on a comment or blank line: nothing', async () => {
    expect(await hover(GATEWAY, '# Edge gateway', 3)).toBeNull();
  });
});
