import { redactError } from '../errors.js';
import { fail, ok } from '../result.js';
import type { CallOptions, Result } from '../types.js';
import { createAbortRelay } from './abort-relay.js';
import type { Credentials } from './credentials.js';
import type { Limiter } from './limiter.js';
import { failureError, invalidJsonError, statusError } from './request-errors.js';
import type { Transport, TransportOutcome } from './transport.js';

/** Options of the generic calls: the query is sent as given, values percent-encoded. */
export interface RequestOptions extends CallOptions {
  query?: Record<string, string>;
  /** The `Accept` header instead of `application/json`. */
  accept?: string;
}

/** One GET under the base URL, its JSON body parsed; never rejects. */
export type Get = (path: string, options?: RequestOptions) => Promise<Result<unknown>>;

export interface RequestContext {
  /** The control plane's base URL as configured; its path prefixes every request path. */
  base: URL;
  /** The base URL without credentials, for messages. */
  shownUrl: string;
  transport: Transport;
  limiter: Limiter;
  credentials: Credentials;
  timeoutMs: number;
  maxBodyBytes: number;
  /** See `KumaClientOptions.reuseUnchangedBodies`. */
  reuseUnchangedBodies?: boolean;
}

/**
 * The client's one way to the network: each GET waits for a slot of the limiter, carries the
 * credentials, and ends as JSON or as a `ClientError` with every credential redacted.
 */
export function createGet(context: RequestContext): Get {
  const { base, shownUrl, transport, limiter, credentials, timeoutMs, maxBodyBytes } = context;
  // The last body and parsed value per URL, when bodies equal to the last are not parsed again.
  const lastBodies = context.reuseUnchangedBodies === true ? new Map<string, { body: string; value: unknown }>() : null;
  const { headers, secrets, sendsCredentials } = credentials;
  const errors = { shownUrl, timeoutMs, maxBodyBytes, sendsCredentials };
  const basePath = base.pathname.replace(/\/+$/, '');
  const relay = createAbortRelay();

  function buildUrl(path: string, query: Record<string, string> | undefined): URL {
    const url = new URL(base.href);
    url.username = '';
    url.password = '';
    url.pathname = basePath + (path.startsWith('/') ? path : `/${path}`);
    url.search = query !== undefined ? new URLSearchParams(query).toString() : '';
    url.hash = '';
    return url;
  }

  return async function get(path: string, options: RequestOptions = {}): Promise<Result<unknown>> {
    const url = buildUrl(path, options.query);
    const shownPath = url.pathname + url.search;
    const signal = relay(options.signal);
    const sent = options.accept !== undefined ? { ...headers, Accept: options.accept } : headers;
    const outcome = await limiter.run(
      () => transport.get({ url, headers: sent, timeoutMs, signal, maxBodyBytes }),
      signal,
      (): TransportOutcome => ({ type: 'failure', failure: 'aborted', code: null, detail: 'aborted', whileReadingBody: false }),
    );
    if (outcome.type === 'failure') return fail(redactError(failureError(outcome, shownPath, errors), secrets));
    if (outcome.status < 200 || outcome.status > 299) {
      return fail(redactError(statusError(outcome.status, outcome.body, shownPath, errors), secrets));
    }
    const known = lastBodies?.get(url.href);
    if (known !== undefined && known.body === outcome.body) return ok(known.value);
    try {
      const value = JSON.parse(outcome.body) as unknown;
      lastBodies?.set(url.href, { body: outcome.body, value });
      return ok(value);
    } catch {
      return fail(redactError(invalidJsonError(outcome.status, outcome.body, shownPath), secrets));
    }
  };
}
