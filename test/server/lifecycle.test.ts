import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, positionOf, REPO, RequestError, startClient, uriOf, type LspClient } from './support/lsp-client.js';

const FOLDER = resolve(EXAMPLES, 'edge-gateway');
const GATEWAY = resolve(FOLDER, 'gateway.yaml');

describe('starting and stopping', () => {
  let client: LspClient;

  afterEach(async () => {
    await client?.close();
  });

  it('announces its features and indexes the workspace with a progress report', async () => {
    client = startClient();
    const init = await client.initialize({ folders: [FOLDER] });
    expect(init.serverInfo?.name).toBe('meshgw');
    expect(init.capabilities).toMatchObject({
      textDocumentSync: { openClose: true, change: 2 },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':'] },
      documentSymbolProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: true },
    });
    const end = await client.waitFor<{ value: { kind: string } }>('$/progress', (p) => p.value.kind === 'end');
    const progress = client.notifications.filter((n) => n.method === '$/progress').map((n) => (n.params as { value: { kind: string; title?: string } }).value);
    expect(progress[0]).toMatchObject({ kind: 'begin', title: 'meshgw: indexing' });
    expect(progress.filter((p) => p.kind === 'report').length).toBeGreaterThan(0);
    expect(end.params.value.kind).toBe('end');
    expect(client.serverRequests.map((r) => r.method)).toEqual(
      expect.arrayContaining(['workspace/configuration', 'window/workDoneProgress/create', 'client/registerCapability']),
    );
    const log = await client.waitFor<{ message: string }>('window/logMessage', (p) => p.message.startsWith('meshgw: indexed'));
    expect(log.params.message).toBe('meshgw: indexed 5 file(s) with Kuma resources in 1 folder(s)');
  });

  it('follows workspace folders added and removed', async () => {
    client = startClient();
    await client.initialize({ folders: [FOLDER] });
    const broken = resolve(EXAMPLES, 'broken/typo-hostnmae.yaml');
    const pull = async () =>
      (await client.request<{ items: { code: string }[] }>('textDocument/diagnostic', { textDocument: { uri: uriOf(broken) } })).items.map((d) => d.code);
    expect(await pull()).toEqual([]);
    client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: uriOf(resolve(EXAMPLES, 'broken')), name: 'broken' }], removed: [] } });
    await expect.poll(pull).toContain('unknown-field');
    client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: uriOf(resolve(EXAMPLES, 'broken')), name: 'broken' }] } });
    await expect.poll(pull).toEqual([]);
  });

  it('writes nothing but protocol to stdout and exits cleanly', async () => {
    client = startClient();
    await client.initialize({ folders: [FOLDER] });
    client.open(GATEWAY);
    await client.request('textDocument/hover', { textDocument: { uri: uriOf(GATEWAY) }, position: positionOf(readFileSync(GATEWAY, 'utf8'), 'port: 8080') });
    await client.close();
    expect(await client.exited).toBe(0);
    expect(client.stray()).toBe('');
  });

  it('runs as `meshgw lsp --stdio`', async () => {
    client = startClient({ args: [resolve(REPO, 'packages/cli/dist/main.js'), 'lsp', '--stdio'] });
    await client.initialize({ folders: [FOLDER] });
    client.open(GATEWAY);
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: uriOf(GATEWAY) },
      position: positionOf(readFileSync(GATEWAY, 'utf8'), 'protocol: HTTPS', 1),
    });
    expect(hover.contents.value).toContain('| kuma.io/service | edge-gateway | dataplane |');
    await client.close();
    expect(await client.exited).toBe(0);
    expect(client.stray()).toBe('');
  });
});

describe('robustness', () => {
  let client: LspClient;

  beforeAll(async () => {
    client = startClient();
    await client.initialize({ folders: [FOLDER] });
  });

  afterAll(async () => {
    await client.close();
  });

  const requests = (uri: string) => [
    client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } }),
    client.request('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 4 } }),
    client.request('textDocument/documentSymbol', { textDocument: { uri } }),
    client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } }, context: { diagnostics: [] } }),
    client.request('textDocument/diagnostic', { textDocument: { uri } }),
  ];

  it('answers every request on text that is not YAML, binary, half typed, or unknown', async () => {
    const texts = [
      '{{{ ::: ]]] \n\t- - :\n"unterminated',
      'type: MeshGateway\u0000\u0001\u0002 binary\n',
      'type: MeshGateway\nmesh: default\nname: half\nconf:\n  listeners:\n    - port: 80\n      protocol: \n      tls:\n        mode: [\n',
      'type: MeshGateway\nselectors: *nothing\nconf: &a\n  listeners: *a\n',
      '',
    ];
    for (const [i, text] of texts.entries()) {
      const uri = client.open(resolve(FOLDER, `bad-${i}.yaml`), text, 1);
      const answers = await Promise.all(requests(uri));
      expect(answers).toHaveLength(5);
    }
    const unknown = uriOf(resolve(FOLDER, 'never-opened.yaml'));
    expect(await Promise.all(requests(unknown))).toEqual([null, { isIncomplete: false, items: [] }, [], [], { kind: 'full', items: [] }]);
  });

  it('keeps analysing the other files next to a bad one', async () => {
    client.open(resolve(FOLDER, 'worse.yaml'), 'type: MeshGateway\nname: [unclosed\nconf: {listeners: [{port: x, protocol: }\n', 1);
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: uriOf(GATEWAY) },
      position: positionOf(readFileSync(GATEWAY, 'utf8'), 'port: 8443', 1),
    });
    expect(hover.contents.value.split('\n')[0]).toBe('**Port 8443** · HTTPS · 1 listener');
  });

  it('honours cancellation of a request that was not handled yet', async () => {
    const uri = client.open(GATEWAY);
    const id = client.nextId();
    const reply = client.response(id);
    client.writeRaw(
      client.frame({ id, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 12, character: 4 } } }) +
        client.frame({ method: '$/cancelRequest', params: { id } }),
    );
    const m = await reply;
    expect(m.error?.code).toBe(-32800);
    // The server goes on answering.
    expect(await client.request('textDocument/documentSymbol', { textDocument: { uri } })).not.toBeNull();
  });

  it('reports a request error as an error, not a crash', async () => {
    await expect(client.request('textDocument/typeDefinition', { textDocument: { uri: uriOf(GATEWAY) }, position: { line: 0, character: 0 } })).rejects.toBeInstanceOf(
      RequestError,
    );
    expect(await client.request('textDocument/documentSymbol', { textDocument: { uri: uriOf(GATEWAY) } })).not.toBeNull();
  });
});

describe('document symbols and incremental edits', () => {
  let client: LspClient;

  beforeAll(async () => {
    client = startClient();
    await client.initialize({ folders: [FOLDER] });
  });

  afterAll(async () => {
    await client.close();
  });

  it('outlines resources and their listeners', async () => {
    const uri = client.open(GATEWAY);
    const symbols = await client.request<{ name: string; detail: string; kind: number; children: { name: string; detail: string; kind: number }[] }[]>(
      'textDocument/documentSymbol',
      { textDocument: { uri } },
    );
    expect(symbols.map((s) => ({ name: s.name, detail: s.detail, kind: s.kind, children: s.children.map((c) => [c.name, c.detail, c.kind]) }))).toEqual([
      {
        name: 'MeshGateway edge-gateway',
        detail: 'mesh default',
        kind: 19,
        children: [
          [':8080 HTTP foo.example.com', 'listener #0 · shares :8080 with #1', 8],
          [':8080 HTTP bar.example.com', 'listener #1 · shares :8080 with #0', 8],
          [':8443 HTTPS secure.example.com', 'listener #2', 8],
        ],
      },
    ]);
  });

  it('applies incremental changes before answering', async () => {
    const text = readFileSync(GATEWAY, 'utf8');
    const uri = uriOf(GATEWAY);
    const at = positionOf(text, 'port: 8443', 6);
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + 4 } }, text: '8080' }],
    });
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: at });
    expect(hover.contents.value.split('\n')).toContain('**Port 8080** · HTTP · 3 listeners merged into one Envoy listener');
    const diagnostics = await client.request<{ items: { code: string; source: string }[] }>('textDocument/diagnostic', { textDocument: { uri } });
    expect(diagnostics.items.map((d) => [d.code, d.source])).toContainEqual(['gateway-port-conflicts', 'kuma']);
  });
});
