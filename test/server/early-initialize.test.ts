import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { firstMessage, frame, withoutResponse } from '../../server/src/lifecycle/early-initialize.js';
import { EXAMPLES, positionOf, REPO, SERVER_MAIN, uriOf } from './support/lsp-client.js';

// The server answers `initialize` before it loads; the rest of the server then reads every
// message from the first, in order. What a client sees must be what it saw before: one answer
// per request, notifications sent right after `initialize` not lost.

const GATEWAY = resolve(EXAMPLES, 'edge-gateway', 'gateway.yaml');

function frames(buffer: Buffer): unknown[] {
  const out: unknown[] = [];
  let rest = buffer;
  for (;;) {
    const m = firstMessage(rest);
    if (m === 'incomplete' || m === 'bad') return out;
    out.push(JSON.parse(m.body));
    rest = rest.subarray(m.end);
  }
}

/** Spawns a program, writes `input` at once, and collects its stdout until `done` holds. */
function session(args: string[], input: Buffer, done: (messages: { id?: unknown; method?: unknown; result?: unknown; error?: unknown }[]) => boolean): Promise<{ id?: unknown; method?: unknown; result?: unknown; error?: unknown }[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO, stdio: ['pipe', 'pipe', 'ignore'] });
    let out = Buffer.alloc(0);
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`no end; got ${JSON.stringify(frames(out))}`));
    }, 15_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out = Buffer.concat([out, chunk]);
      const messages = frames(out) as { id?: unknown; method?: unknown }[];
      if (done(messages)) {
        clearTimeout(timer);
        child.kill();
        resolvePromise(messages);
      }
    });
    child.stdin.write(input);
  });
}

describe('the early answer to initialize', () => {
  const text = readFileSync(GATEWAY, 'utf8');
  const burst = Buffer.concat([
    frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }),
    frame({ jsonrpc: '2.0', method: 'initialized', params: {} }),
    frame({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: uriOf(GATEWAY), languageId: 'yaml', version: 1, text } } }),
    frame({ jsonrpc: '2.0', id: 2, method: 'textDocument/hover', params: { textDocument: { uri: uriOf(GATEWAY) }, position: positionOf(text, 'port: 8080') } }),
  ]);

  for (const [name, args] of [
    ['node server/dist/main.js --stdio', [SERVER_MAIN, '--stdio']],
    ['meshgw lsp --stdio', [resolve(REPO, 'packages/cli/bin/meshgw.js'), 'lsp', '--stdio']],
  ] as const) {
    it(`${name}: one answer to initialize, and what came with it is read in order`, async () => {
      const messages = await session([...args], burst, (ms) => ms.some((m) => m.id === 2));
      const answers = messages.filter((m) => m.method === undefined);
      expect(answers.map((m) => m.id)).toEqual([1, 2]);
      expect(answers[0].result).toMatchObject({ capabilities: { hoverProvider: true, textDocumentSync: { change: 2 } }, serverInfo: { name: 'meshgw' } });
      expect(JSON.stringify(answers[1].result)).toContain('8080');
    });
  }

  it('hands a first message that is not initialize to the server unchanged', async () => {
    const input = frame({ jsonrpc: '2.0', id: 7, method: 'shutdown' });
    const messages = await session([SERVER_MAIN, '--stdio'], input, (ms) => ms.some((m) => m.id === 7));
    expect(messages.filter((m) => m.method === undefined)).toEqual([{ jsonrpc: '2.0', id: 7, result: null }]);
  });
});

describe('withoutResponse', () => {
  it('drops the first answer to the id, whatever the chunks, and passes everything else', async () => {
    const out = new PassThrough();
    const collected: Buffer[] = [];
    out.on('data', (c: Buffer) => collected.push(c));
    const filter = withoutResponse(out, 1);
    const all = Buffer.concat([
      frame({ jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'before' } }),
      frame({ jsonrpc: '2.0', id: 1, method: 'client/registerCapability', params: {} }),
      frame({ jsonrpc: '2.0', id: 1, result: { capabilities: {} } }),
      frame({ jsonrpc: '2.0', id: 1, result: 'a later answer to a reused id' }),
    ]);
    for (let i = 0; i < all.length; i += 7) filter.write(all.subarray(i, i + 7));
    await new Promise<void>((r) => filter.end(r));
    expect(frames(Buffer.concat(collected))).toEqual([
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'before' } },
      { jsonrpc: '2.0', id: 1, method: 'client/registerCapability', params: {} },
      { jsonrpc: '2.0', id: 1, result: 'a later answer to a reused id' },
    ]);
  });

  it('reads a frame only when whole, and says so of a header without a length', () => {
    const whole = frame({ jsonrpc: '2.0', id: 1, method: 'initialize' });
    expect(firstMessage(whole.subarray(0, whole.length - 1))).toBe('incomplete');
    expect(firstMessage(whole)).toMatchObject({ end: whole.length });
    expect(firstMessage(Buffer.from('Content-Type: x\r\n\r\n{}'))).toBe('bad');
  });
});
