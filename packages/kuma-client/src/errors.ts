import type { ClientError, ClientErrorKind } from './types.js';

/** The fields of a Kuma error body (2.0 to 2.14) that the client reads. */
export interface KumaErrorBody {
  title: string | null;
  detail: string | null;
  status: number | null;
  /** `invalid_parameters` (2.3+) or legacy `causes`, as "field: reason" sentences. */
  causes: string[];
}

const SNIPPET_LENGTH = 200;

export function clientError(kind: ClientErrorKind, message: string, extra: Partial<ClientError> = {}): ClientError {
  return { kind, message, ...extra };
}

/**
 * Reads a Kuma error body. Accepts 2.0-2.2 (`title`, `details`, `causes`), 2.3 (`status` as a
 * string) and 2.4+ (`detail`, numeric `status`, `invalid_parameters`). Returns null when the
 * text is not a JSON object with a `title` or a `detail`.
 */
export function parseKumaErrorBody(text: string): KumaErrorBody | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return null;
  const body = json as Record<string, unknown>;
  const title = typeof body.title === 'string' ? body.title : null;
  const detail = typeof body.detail === 'string' ? body.detail : typeof body.details === 'string' ? body.details : null;
  if (title === null && detail === null) return null;
  const statusValue = typeof body.status === 'number' ? body.status : typeof body.status === 'string' ? Number(body.status) : NaN;
  const causes: string[] = [];
  const list = Array.isArray(body.invalid_parameters) ? body.invalid_parameters : Array.isArray(body.causes) ? body.causes : [];
  for (const entry of list) {
    if (entry === null || typeof entry !== 'object') continue;
    const cause = entry as Record<string, unknown>;
    const field = typeof cause.field === 'string' ? cause.field : '';
    const reason = typeof cause.reason === 'string' ? cause.reason : typeof cause.message === 'string' ? cause.message : '';
    if (reason !== '') causes.push(field !== '' ? `${field}: ${reason}` : reason);
  }
  return { title, detail, status: Number.isFinite(statusValue) ? statusValue : null, causes };
}

/**
 * Turns a non-JSON body into one short line: HTML tags, scripts and styles are removed, entities
 * for the usual characters decoded, whitespace collapsed, and the result cut to 200 characters.
 * PEM blocks and base64 runs of 40 characters or more (a Secret's `data`) become `[PEM block]`
 * and `[base64]`: a body that holds key material never brings it into a message.
 */
export function bodySnippet(text: string): string {
  let plain = text;
  if (/<[a-z!/][^>]*>/i.test(plain)) {
    plain = plain
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&nbsp;/gi, ' ')
      .replace(/&lt;/gi, '<')
      .replace(/&gt;/gi, '>')
      .replace(/&quot;/gi, '"')
      .replace(/&#39;/gi, "'")
      .replace(/&amp;/gi, '&');
  }
  plain = plain
    .replace(/-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?(?:-----END \1-----|$)/g, '[PEM block]')
    .replace(/[A-Za-z0-9+/]{40,}={0,2}/g, '[base64]')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > SNIPPET_LENGTH ? `${plain.slice(0, SNIPPET_LENGTH - 1)}…` : plain;
}

/**
 * Replaces every occurrence of each secret (tokens, header values) in `text` with `[redacted]`.
 * Secrets shorter than 4 characters are left alone: replacing them would mangle ordinary words.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    out = out.split(secret).join('[redacted]');
  }
  return out;
}

/** Applies `redact` to every text field of an error. */
export function redactError(error: ClientError, secrets: readonly string[]): ClientError {
  if (secrets.length === 0) return error;
  const out: ClientError = { ...error, message: redact(error.message, secrets) };
  if (error.title !== undefined) out.title = redact(error.title, secrets);
  if (error.detail !== undefined) out.detail = redact(error.detail, secrets);
  if (error.path !== undefined) out.path = redact(error.path, secrets);
  return out;
}

/** A URL as shown in messages: no user name or password, no query, no trailing slash. */
export function displayUrl(url: URL): string {
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`;
}
