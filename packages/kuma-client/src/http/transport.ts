import * as http from 'node:http';
import * as https from 'node:https';
import type { TlsSettings } from '../types.js';

export interface TransportRequest {
  url: URL;
  headers: Record<string, string>;
  /** The whole exchange (connect, headers and body) must finish within this many milliseconds. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Bodies longer than this many bytes are abandoned with a `too-large` failure. */
  maxBodyBytes: number;
}

export type TransportFailureKind = 'unreachable' | 'timeout' | 'aborted' | 'tls-verify' | 'tls-handshake' | 'too-large';

/** What one GET produced: a full response, or why there is none. A transport never throws. */
export type TransportOutcome =
  | { type: 'response'; status: number; contentType: string; body: string }
  | {
      type: 'failure';
      failure: TransportFailureKind;
      /** The system or OpenSSL error code, e.g. `ECONNREFUSED`, `DEPTH_ZERO_SELF_SIGNED_CERT`. */
      code: string | null;
      /** The underlying error's own message. */
      detail: string;
      /** True when the response had started and broke while its body was read. */
      whileReadingBody: boolean;
    };

/** Performs GET requests. Injected into the client so tests can replace the network. */
export interface Transport {
  get(request: TransportRequest): Promise<TransportOutcome>;
  /** Closes idle keep-alive connections. Requests made afterwards still work. */
  close(): void;
}

const VERIFY_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'CERT_SIGNATURE_FAILURE',
  'CERT_NOT_YET_VALID',
  'CERT_HAS_EXPIRED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'INVALID_CA',
  'INVALID_PURPOSE',
  'PATH_LENGTH_EXCEEDED',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function classify(error: NodeJS.ErrnoException): TransportFailureKind {
  const code = error.code ?? '';
  if (VERIFY_CODES.has(code)) return 'tls-verify';
  if (code === 'EPROTO' || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) return 'tls-handshake';
  if (/\b(ssl|tls)\b|alert/i.test(error.message) && code !== 'ECONNREFUSED') return 'tls-handshake';
  return 'unreachable';
}

/** OpenSSL messages carry file names and error stacks; keep the reason (`wrong version number`). */
function tlsReason(message: string): string {
  const match = /SSL routines:[^:]*:([^:\n]+)/.exec(message);
  if (match !== null) return match[1].trim();
  return message.split('\n')[0].trim();
}

/** One GET on the agents; settles once, on the answer, a failure, the timeout or the signal. */
function requestOnce(request: TransportRequest, agents: { http: http.Agent; https: https.Agent }): Promise<TransportOutcome> {
  return new Promise<TransportOutcome>((resolve) => {
    const { signal } = request;
    let settled = false;
    let responseStarted = false;
    let clientRequest: http.ClientRequest | null = null;
    let timer: NodeJS.Timeout | null = null;

    const finish = (outcome: TransportOutcome): void => {
      if (settled) return;
      settled = true;
      if (timer !== null) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const fail = (failure: TransportFailureKind, code: string | null, detail: string): void => {
      finish({ type: 'failure', failure, code, detail, whileReadingBody: responseStarted });
      clientRequest?.destroy();
    };
    function onAbort(): void {
      fail('aborted', null, 'The request was aborted.');
    }

    if (signal?.aborted === true) {
      finish({ type: 'failure', failure: 'aborted', code: null, detail: 'The request was aborted.', whileReadingBody: false });
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    timer = setTimeout(() => fail('timeout', null, `No complete answer within ${request.timeoutMs} ms.`), request.timeoutMs);

    const isHttps = request.url.protocol === 'https:';
    const requestOptions: http.RequestOptions = {
      method: 'GET',
      headers: request.headers,
      agent: isHttps ? agents.https : agents.http,
    };
    try {
      clientRequest = (isHttps ? https : http).request(request.url, requestOptions, (response) => {
        responseStarted = true;
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > request.maxBodyBytes) {
            fail('too-large', null, `The body exceeded ${request.maxBodyBytes} bytes.`);
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => {
          finish({
            type: 'response',
            status: response.statusCode ?? 0,
            contentType: String(response.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
        response.on('error', (error: NodeJS.ErrnoException) => fail('unreachable', error.code ?? 'ECONNRESET', error.message));
        response.on('close', () => {
          if (!response.complete) fail('unreachable', 'ECONNRESET', 'The connection closed before the body was complete.');
        });
      });
    } catch (error) {
      const err = error as NodeJS.ErrnoException;
      fail('unreachable', err.code ?? null, err.message);
      return;
    }
    clientRequest.on('error', (error: NodeJS.ErrnoException) => {
      const kind = classify(error);
      fail(kind, error.code ?? null, kind === 'tls-handshake' ? tlsReason(error.message) : error.message);
    });
    clientRequest.end();
  });
}

/**
 * A transport on `node:http` and `node:https` with keep-alive agents of at most `maxSockets`
 * connections each. TLS settings apply to every https request it makes.
 */
export function createNodeTransport(tls: TlsSettings, options: { maxSockets: number }): Transport {
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets });
  const httpsOptions: https.AgentOptions = {
    keepAlive: true,
    maxSockets: options.maxSockets,
    rejectUnauthorized: !tls.insecureSkipVerify,
  };
  if (tls.caCertificates !== null) httpsOptions.ca = tls.caCertificates;
  if (tls.clientCertificate !== null && tls.clientKey !== null) {
    httpsOptions.cert = tls.clientCertificate;
    httpsOptions.key = tls.clientKey;
  }
  const httpsAgent = new https.Agent(httpsOptions);

  return {
    get: (request) => requestOnce(request, { http: httpAgent, https: httpsAgent }),
    close(): void {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
