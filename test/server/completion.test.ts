import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, startClient, type LspClient } from './support/lsp-client.js';

interface Item {
  label: string;
  kind: number;
  detail?: string;
  documentation?: { kind: string; value: string } | string;
  insertTextFormat?: number;
  textEdit: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
  sortText?: string;
}

const FOLDER = resolve(EXAMPLES, 'edge-gateway');
let client: LspClient;
let plain: LspClient;
let version = 1;

/** Completion at the `|` of `text`, in a document of the edge-gateway folder that is not on disk. */
async function complete(text: string, on: LspClient = client, name = 'new.yaml'): Promise<Item[]> {
  const at = text.indexOf('|');
  const body = text.slice(0, at) + text.slice(at + 1);
  const before = body.slice(0, at).split(/\r\n|\r|\n/);
  const path = resolve(FOLDER, name);
  const uri = on.open(path, body, version++);
  const list = await on.request<{ items: Item[] }>('textDocument/completion', {
    textDocument: { uri },
    position: { line: before.length - 1, character: before[before.length - 1].length },
  });
  on.notify('textDocument/didClose', { textDocument: { uri } });
  // Clients order by sortText, then label.
  const key = (i: Item) => [i.sortText ?? i.label, i.label];
  return [...list.items].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0;
  });
}

const labels = (items: Item[]) => items.map((i) => i.label);

const GATEWAY_HEAD = ['type: MeshGateway', 'mesh: default', 'name: new-gateway', 'selectors:', '  - match:', '      kuma.io/service: new-gateway', 'conf:', '  listeners:'];

beforeAll(async () => {
  client = startClient();
  await client.initialize({ folders: [FOLDER] });
  plain = startClient();
  await plain.initialize({ folders: [FOLDER], capabilities: { textDocument: { completion: { completionItem: { snippetSupport: false } } } } });
});

afterAll(async () => {
  await client.close();
  await plain.close();
});

describe('completion of values', () => {
  it('offers the protocols after `protocol: ` with nothing typed', async () => {
    const items = await complete([...GATEWAY_HEAD, '    - port: 8080', '      protocol: |', ''].join('\n'));
    expect(labels(items)).toEqual(['TCP', 'TLS', 'HTTP', 'HTTPS']);
    expect(items[2].textEdit).toEqual({ range: { start: { line: 9, character: 16 }, end: { line: 9, character: 16 } }, newText: 'HTTP' });
    expect(items[3].documentation).toEqual({ kind: 'markdown', value: 'HTTP over TLS terminated at the gateway; needs `tls` with mode TERMINATE and certificates.' });
  });

  it('replaces a value being typed, and adds the space after a bare colon', async () => {
    const typed = await complete([...GATEWAY_HEAD, '    - port: 8080', '      protocol: HT|', ''].join('\n'));
    expect(typed.find((i) => i.label === 'HTTPS')?.textEdit).toEqual({
      range: { start: { line: 9, character: 16 }, end: { line: 9, character: 18 } },
      newText: 'HTTPS',
    });
    const bare = await complete([...GATEWAY_HEAD, '    - port: 8080', '      protocol:|', ''].join('\n'));
    expect(bare.find((i) => i.label === 'TCP')?.textEdit.newText).toBe(' TCP');
  });

  it('offers TLS modes and the gateway type of a Dataplane', async () => {
    const modes = await complete([...GATEWAY_HEAD, '    - port: 8443', '      protocol: HTTPS', '      tls:', '        mode: |', ''].join('\n'));
    expect(labels(modes)).toEqual(['TERMINATE', 'PASSTHROUGH']);
    const types = await complete(['type: Dataplane', 'mesh: default', 'name: dp', 'networking:', '  address: 10.0.0.1', '  gateway:', '    type: |', ''].join('\n'));
    expect(labels(types)).toEqual(['DELEGATED', 'BUILTIN']);
  });

  it('offers the secrets of the same mesh in certificates[].secret, with their certificate', async () => {
    const items = await complete(
      [...GATEWAY_HEAD, '    - port: 8443', '      protocol: HTTPS', '      tls:', '        mode: TERMINATE', '        certificates:', '          - secret: |', ''].join('\n'),
    );
    expect(labels(items)).toEqual(['secure-example-com-ecdsa', 'secure-example-com-rsa']);
    expect(items.map((i) => i.kind)).toEqual([18, 18]);
    expect(items[1].detail).toMatch(/^secure\.example\.com · RSA 2048 · \d+ days left$/);
    const otherMesh = await complete(
      ['type: MeshGateway', 'mesh: other', 'name: g', 'conf:', '  listeners:', '    - tls:', '        certificates:', '          - secret: |', ''].join('\n'),
    );
    expect(labels(otherMesh)).toEqual([]);
  });

  it('offers mesh names', async () => {
    expect(labels(await complete(['type: MeshGatewayRoute', 'mesh: |', ''].join('\n')))).toEqual(['default']);
  });

  it('offers resource types in a document that has none yet', async () => {
    expect(labels(await complete('type: |\n'))).toEqual(['MeshGateway', 'MeshGatewayRoute', 'Dataplane', 'Secret', 'Mesh', 'GlobalSecret', 'MeshHTTPRoute', 'MeshTCPRoute']);
  });
});

describe('completion of tags', () => {
  it('offers tag keys used in the workspace inside listener tags, without the Dataplane-only keys', async () => {
    const items = await complete([...GATEWAY_HEAD, '    - port: 8080', '      protocol: HTTP', '      tags:', '        |', ''].join('\n'));
    expect(labels(items)).toEqual(['environment', 'location', 'port', 'team', 'vhost']);
    expect(items.find((i) => i.label === 'vhost')?.textEdit.newText).toBe('vhost: ${1|bar.example.com,foo.example.com,secure.example.com|}');
    expect(items.find((i) => i.label === 'location')?.textEdit.newText).toBe('location: ${1:us}');
  });

  it('offers tag values used for the key', async () => {
    const items = await complete([...GATEWAY_HEAD, '    - port: 8080', '      protocol: HTTP', '      tags:', '        port: |', ''].join('\n'));
    expect(labels(items)).toEqual(['http/8080', 'https/8443']);
  });

  it('offers tag keys and values in route selectors, with `*` for any value', async () => {
    const keys = await complete(['type: MeshGatewayRoute', 'mesh: default', 'name: r', 'selectors:', '  - match:', '      |', ''].join('\n'));
    expect(labels(keys)).toEqual(['environment', 'kuma.io/service', 'location', 'port', 'team', 'vhost']);
    const values = await complete(['type: MeshGatewayRoute', 'mesh: default', 'name: r', 'selectors:', '  - match:', '      kuma.io/service: |', ''].join('\n'));
    expect(labels(values)).toEqual(['edge-gateway', '*']);
    expect(values[1].textEdit.newText).toBe("'*'");
  });

  it('offers the Dataplane tags first in a gateway selector', async () => {
    const items = await complete(['type: MeshGateway', 'mesh: default', 'name: g', 'selectors:', '  - match:', '      |', ''].join('\n'));
    expect(labels(items)).toEqual(['kuma.io/service', 'location', 'team', 'environment', 'port', 'vhost']);
  });
});

describe('completion of keys', () => {
  it('offers the listener keys for a key prefix on a new line, with documentation', async () => {
    const items = await complete([...GATEWAY_HEAD, '    - port: 8080', '      prot|', ''].join('\n'));
    expect(labels(items)).toEqual(['protocol', 'hostname', 'tls', 'tags', 'crossMesh', 'resources']);
    const protocol = items[0];
    expect(protocol.kind).toBe(10);
    expect(protocol.insertTextFormat).toBe(2);
    expect(protocol.textEdit).toEqual({ range: { start: { line: 9, character: 6 }, end: { line: 9, character: 10 } }, newText: 'protocol: ${1|TCP,TLS,HTTP,HTTPS|}' });
    expect(protocol.documentation).toEqual({
      kind: 'markdown',
      value: '**`protocol`** · enum · required\n\nProtocol the listener accepts: TCP, TLS, HTTP or HTTPS. Required; HTTPS needs `tls`.\n\nValues: `TCP`, `TLS`, `HTTP`, `HTTPS`',
    });
    expect(items.find((i) => i.label === 'tls')?.textEdit.newText).toBe('tls:\n        $0');
  });

  it('offers keys at every level of all four kinds', async () => {
    expect(labels(await complete([...GATEWAY_HEAD, '    - port: 8443', '      tls:', '        |', ''].join('\n')))).toEqual(['mode', 'certificates', 'options']);
    expect(labels(await complete(['type: MeshGatewayRoute', 'mesh: default', 'name: r', 'conf:', '  http:', '    |', ''].join('\n')))).toEqual(['rules', 'hostnames']);
    expect(labels(await complete(['type: Dataplane', 'mesh: default', 'name: d', 'networking:', '  gateway:', '    |', ''].join('\n')))).toEqual(['tags', 'type']);
    expect(labels(await complete(['type: Secret', 'mesh: default', 'name: s', '|', ''].join('\n')))).toEqual(['labels', 'creationTime', 'modificationTime', 'kri', 'data']);
    const top = await complete(['type: MeshGateway', '|', ''].join('\n'));
    expect(labels(top)).toEqual(['name', 'mesh', 'selectors', 'conf', 'labels', 'creationTime', 'modificationTime', 'kri', 'tags']);
  });

  it('works in Kubernetes form', async () => {
    const items = await complete(['apiVersion: kuma.io/v1alpha1', 'kind: MeshGateway', 'mesh: default', 'metadata:', '  name: g', 'spec:', '  |', ''].join('\n'));
    expect(labels(items)).toEqual(['selectors', 'conf', 'tags']);
  });
});

describe('snippets', () => {
  it('offers whole resources in an empty document', async () => {
    const items = await complete('|');
    expect(labels(items)).toEqual(['MeshGateway', 'MeshGateway (Kubernetes)', 'MeshGatewayRoute']);
    expect(items[0].kind).toBe(15);
    expect(items[0].textEdit.newText.split('\n').slice(0, 4)).toEqual(['type: MeshGateway', 'mesh: ${1:default}', 'name: ${2:edge-gateway}', 'selectors:']);
  });

  it('offers a new listener and an HTTPS listener with tls at the list', async () => {
    const items = await complete([...GATEWAY_HEAD, '    - port: 8080', '      protocol: HTTP', '    |', ''].join('\n'));
    expect(labels(items)).toEqual(['listener', 'HTTPS listener']);
    expect(items[1].textEdit.newText).toBe(
      [
        '- port: ${1:8443}',
        '      protocol: HTTPS',
        '      hostname: ${2:example.com}',
        '      tls:',
        '        mode: TERMINATE',
        '        certificates:',
        '          - secret: ${3|secure-example-com-ecdsa,secure-example-com-rsa|}',
        '      tags:',
        '        ${4:port}: ${5:https-8443}$0',
      ].join('\n'),
    );
  });

  it('sends plain text to clients without snippets', async () => {
    const items = await complete([...GATEWAY_HEAD, '    - port: 8080', '      protocol: HTTP', '    |', ''].join('\n'), plain);
    expect(items[0].insertTextFormat).toBe(1);
    expect(items[0].textEdit.newText).toBe(
      ['- port: 8080', '      protocol: HTTP', '      hostname: example.com', '      tags:', '        port: http-8080'].join('\n'),
    );
  });
});
