import { Writable } from 'node:stream';

// The LSP base protocol's framing (`Content-Length: N\r\n\r\n` and N bytes of JSON), just enough
// to answer `initialize` before the server is loaded and to hide the server's own answer to it.

/** The first message of `buffer`: its JSON text and the offset after it; `incomplete` while more bytes are needed; `bad` when the header cannot frame a message. */
export function firstMessage(buffer: Buffer): { body: string; end: number } | 'incomplete' | 'bad' {
  const headerEnd = buffer.indexOf('\r\n\r\n');
  if (headerEnd < 0) return buffer.length > 8192 ? 'bad' : 'incomplete';
  const length = /(?:^|\r\n)content-length:[ \t]*(\d+)[ \t]*(?:\r\n|$)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'));
  if (!length) return 'bad';
  const end = headerEnd + 4 + Number(length[1]);
  if (buffer.length < end) return 'incomplete';
  return { body: buffer.subarray(headerEnd + 4, end).toString('utf8'), end };
}

/** A message's method and id; null when `body` is not a JSON object. */
function header(body: string): { method?: unknown; id?: unknown } | null {
  try {
    const message = JSON.parse(body) as unknown;
    return message !== null && typeof message === 'object' ? (message as { method?: unknown; id?: unknown }) : null;
  } catch {
    return null;
  }
}

/** The id of an `initialize` request, or null when `body` is anything else. */
export function initializeId(body: string): number | string | null {
  const message = header(body);
  return message?.method === 'initialize' && (typeof message.id === 'number' || typeof message.id === 'string') ? message.id : null;
}

/** One message, framed. */
export function frame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

/**
 * A stream that writes everything to `out` but the first response with `id` (the server's own
 * answer to an `initialize` already answered); after it, bytes pass through unread.
 */
export function withoutResponse(out: NodeJS.WritableStream, id: number | string): Writable {
  let pending: Buffer = Buffer.alloc(0);
  // Once the answer is dropped (or the output cannot be framed), everything passes unread.
  let passing = false;
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (passing) {
        out.write(chunk, () => done());
        return;
      }
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        const message = firstMessage(pending);
        if (message === 'incomplete') break;
        if (message === 'bad') {
          passing = true;
          out.write(pending);
          pending = Buffer.alloc(0);
          break;
        }
        const whole = pending.subarray(0, message.end);
        pending = pending.subarray(message.end);
        if (isResponseTo(message.body, id)) {
          passing = true;
          if (pending.length > 0) out.write(pending);
          pending = Buffer.alloc(0);
          break;
        }
        out.write(whole);
      }
      done();
    },
  });
}

function isResponseTo(body: string, id: number | string): boolean {
  const message = header(body);
  return message !== null && message.method === undefined && message.id === id;
}
