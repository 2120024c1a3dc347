import { bodySnippet, clientError, parseKumaErrorBody } from '../errors.js';
import type { ClientError } from '../types.js';
import type { TransportOutcome } from './transport.js';

/** What error sentences say about the client: where it connects and its limits. */
export interface ErrorContext {
  /** The base URL without credentials. */
  shownUrl: string;
  timeoutMs: number;
  maxBodyBytes: number;
  /** Whether requests carry an `Authorization` header. */
  sendsCredentials: boolean;
}

function sizeText(bytes: number): string {
  return bytes >= 1048576 ? `${Math.round(bytes / 1048576)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** A phrase for the usual connection failures; Node's own message otherwise. */
function networkReason(code: string | null, detail: string): string {
  switch (code) {
    case 'ECONNREFUSED':
      return 'the connection was refused';
    case 'ECONNRESET':
      return 'the connection was closed before an answer';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name does not resolve';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
      return 'the host cannot be reached';
    default:
      return detail.replace(/\.$/, '');
  }
}

/** The error for a request that got no complete answer. `path` is the path as shown, with its query. */
export function failureError(outcome: Extract<TransportOutcome, { type: 'failure' }>, path: string, context: ErrorContext): ClientError {
  const { shownUrl, timeoutMs, maxBodyBytes } = context;
  const code = outcome.code !== null ? ` (${outcome.code})` : '';
  switch (outcome.failure) {
    case 'aborted':
      return clientError('aborted', `GET ${path} was cancelled.`, { path });
    case 'timeout':
      return clientError('timeout', `The control plane at ${shownUrl} did not answer GET ${path} within ${seconds(timeoutMs)}.`, { path });
    case 'too-large':
      return clientError('http', `The answer to GET ${path} is larger than ${sizeText(maxBodyBytes)}; it was not read.`, { path });
    case 'tls-verify':
      return clientError(
        'tls',
        `The TLS certificate of ${shownUrl} could not be verified: ${outcome.detail}${code}. ` +
          'Pass --ca-cert FILE with the CA that signed it, or --insecure-skip-tls-verify to skip verification (not recommended).',
        { path },
      );
    case 'tls-handshake':
      return clientError(
        'tls',
        `The TLS handshake with ${shownUrl} failed: ${outcome.detail}${code}. ` +
          'Check that the URL scheme matches the port (Kuma serves HTTP on 5681 and HTTPS on 5682) and, if the server requires a client certificate, that one is configured.',
        { path },
      );
    case 'unreachable':
      return outcome.whileReadingBody
        ? clientError('unreachable', `The connection to ${shownUrl} broke while reading GET ${path}${code}.`, { path })
        : clientError('unreachable', `Cannot connect to the control plane at ${shownUrl}: ${networkReason(outcome.code, outcome.detail)}${code}. Is kuma-cp running at that address?`, { path });
  }
}

/** The error for an answer outside 2xx: its kind by status, Kuma's title and detail when the body has them. */
export function statusError(status: number, body: string, path: string, context: ErrorContext): ClientError {
  const { shownUrl, sendsCredentials } = context;
  const kuma = parseKumaErrorBody(body);
  const extra: Partial<ClientError> = { path, status };
  if (kuma?.title != null) extra.title = kuma.title;
  if (kuma?.detail != null) extra.detail = kuma.detail;
  const explained = kuma !== null
    ? [kuma.title, kuma.detail].filter((part): part is string => part !== null && part !== '').join(': ') +
      (kuma.causes.length > 0 ? ` (${kuma.causes.join('; ')})` : '')
    : bodySnippet(body);
  const because = explained !== '' ? `: ${explained}` : '';
  switch (status) {
    case 401:
      return clientError(
        'unauthorized',
        sendsCredentials
          ? `The control plane at ${shownUrl} rejected the token (HTTP 401${because}). Check --token, MESHGW_TOKEN or the token of the kumactl context.`
          : `The control plane at ${shownUrl} requires a token (HTTP 401${because}). Pass --token or set MESHGW_TOKEN.`,
        extra,
      );
    case 403:
      return clientError('forbidden', `Access denied to GET ${path} (HTTP 403${because}).`, extra);
    case 404:
      return clientError('not-found', `GET ${path} found nothing on ${shownUrl} (HTTP 404${because}).`, extra);
    default:
      return clientError('http', `GET ${path} failed with HTTP ${status}${because}.`, extra);
  }
}

/** The error for a 2xx answer whose body is not JSON. */
export function invalidJsonError(status: number, body: string, path: string): ClientError {
  const snippet = bodySnippet(body);
  return clientError('invalid-json', `GET ${path} answered HTTP ${status} with a body that is not JSON${snippet !== '' ? `: ${snippet}` : ' (empty)'}.`, {
    path,
    status,
  });
}
