import { PassThrough } from 'node:stream';
import { initializeResult } from './lifecycle/capabilities.js';
import { firstMessage, frame, initializeId, withoutResponse } from './lifecycle/early-initialize.js';
import type { ServerOptions } from './server.js';
import { SERVER_VERSION } from './version.js';

/**
 * Runs the language server on standard input and output, answering `initialize` before the
 * server itself (the engine, the protocol library) is loaded: the client's first request is
 * answered from this module alone, then the server loads and reads every message from the
 * first, that `initialize` included, in order; its own answer to it, the same, is not sent
 * again. Messages that arrive meanwhile wait in standard input. When the first message is not
 * `initialize`, the server gets everything unchanged. Nothing but protocol reaches stdout.
 */
export function serveStdio(options: Omit<ServerOptions, 'input' | 'output'> = {}): void {
  const stdin = process.stdin;
  let seen: Buffer = Buffer.alloc(0);
  let answered: number | string | null = null;
  let handedOver = false;

  const handOver = (): void => {
    if (handedOver) return;
    handedOver = true;
    stdin.off('data', onData);
    stdin.off('end', handOver);
    stdin.pause();
    import('./server.js').then(
      ({ startServer }) => {
        const input = new PassThrough();
        input.write(seen);
        stdin.pipe(input);
        const output = answered === null ? process.stdout : withoutResponse(process.stdout, answered);
        startServer({ ...options, input, output, redirectConsole: true });
      },
      (error: unknown) => {
        process.stderr.write(`meshgw language server: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };

  function onData(chunk: Buffer): void {
    seen = seen.length === 0 ? chunk : Buffer.concat([seen, chunk]);
    const first = firstMessage(seen);
    if (first === 'incomplete') return;
    const id = first === 'bad' ? null : initializeId(first.body);
    if (id !== null) {
      process.stdout.write(frame({ jsonrpc: '2.0', id, result: initializeResult(SERVER_VERSION) }));
      answered = id;
    }
    handOver();
  }

  stdin.on('data', onData);
  stdin.on('end', handOver);
}
