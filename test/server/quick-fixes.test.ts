import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClient, uriOf, type LspClient } from './support/lsp-client.js';

// The quick fixes over stdio, as an editor asks for them: the diagnostic's range and the
// diagnostic in the context. Which edits each fix makes is tested on the engine
// (test/engine/quick-fixes.test.ts); here, that each reaches the editor with the Secrets of the
// workspace as choices.

interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  code: string;
  message: string;
}
interface Action {
  title: string;
  kind: string;
  edit: { changes: Record<string, { range: LspDiagnostic['range']; newText: string }[]> };
}

const GATEWAY = `type: MeshGateway
mesh: default
name: shop
selectors:
  - match:
      kuma.io/service: shop
tags:
  kuma.io/service: shop
conf:
  listeners:
    - port: 443
      protocol: HTTPS
      hostname: shop.example.com
    - port: 8443
      protocol: HTTPS
      tls:
        mode: PASSTHROUGH
    - port: 8080
      protocol: HTTP
      hostname: a.example.com
    - port: 8080
      protocol: HTTP
      hostname: b.example.com
      resources:
        connectionLimit: 10
`;
const SECRETS = `type: Secret
mesh: default
name: shop-tls
data: c2VjcmV0
---
type: Secret
mesh: default
name: wildcard-tls
data: c2VjcmV0
`;

describe('quick fixes over stdio', () => {
  let dir: string;
  let client: LspClient;
  let uri: string;
  let diagnostics: LspDiagnostic[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'meshgw-fixes-'));
    writeFileSync(join(dir, 'gateway.yaml'), GATEWAY);
    writeFileSync(join(dir, 'secrets.yaml'), SECRETS);
    client = startClient();
    await client.initialize({ folders: [dir] });
    uri = client.open(join(dir, 'gateway.yaml'));
    const p = await client.waitFor<{ uri: string; diagnostics: LspDiagnostic[] }>('textDocument/publishDiagnostics', (x) => x.uri === uriOf(join(dir, 'gateway.yaml')) && x.diagnostics.length > 0);
    diagnostics = p.params.diagnostics;
  });

  afterAll(async () => {
    await client?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const actionsFor = (d: LspDiagnostic) =>
    client.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });

  it.each([
    ['tags', 'tag name must not be "kuma.io/service"', ['Remove the tag "kuma.io/service"']],
    ['conf.listeners[0].tls', 'cannot be empty', ['Add tls: TERMINATE with the certificate of Secret "shop-tls"', 'Add tls: TERMINATE with the certificate of Secret "wildcard-tls"']],
    ['conf.listeners[1].tls.mode', 'mode is not supported on HTTPS listeners', ['Replace PASSTHROUGH by TERMINATE']],
    ['connectionLimit', 'This connection limit is dropped', ['Remove the connection limit Kuma drops']],
  ])('%s: %s', async (_where, message, titles) => {
    const d = diagnostics.find((x) => x.message.includes(message));
    expect(d, diagnostics.map((x) => x.message).join('\n')).toBeDefined();
    const actions = await actionsFor(d!);
    expect(actions.map((a) => a.title)).toEqual(titles);
    expect(actions.every((a) => a.kind === 'quickfix' && a.edit.changes[uri].length === 1)).toBe(true);
  });

  it('the tls skeleton is indented as the listener\'s fields are', async () => {
    const d = diagnostics.find((x) => x.message.includes('cannot be empty'))!;
    const [first] = await actionsFor(d);
    const [edit] = first.edit.changes[uri];
    expect(edit.newText).toBe('\n      tls:\n        mode: TERMINATE\n        certificates:\n          - secret: shop-tls');
    expect(edit.range.start).toEqual({ line: 12, character: '      hostname: shop.example.com'.length });
  });
});
