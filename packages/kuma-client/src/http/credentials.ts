import type { ConnectionSettings } from '../types.js';

/** Header names whose values are credentials and are removed from every message. */
const SENSITIVE_HEADER = /authorization|token|cookie|secret|key|auth/i;

/** What every request sends, and what no message may show. */
export interface Credentials {
  /** `Accept`, `User-Agent`, the configured headers, and `Authorization: Bearer` with a token. */
  headers: Record<string, string>;
  /** Values redacted from every message: the token, credential headers, user info of the URL. */
  secrets: string[];
  /** Whether requests carry an `Authorization` header (a 401 then means a rejected token). */
  sendsCredentials: boolean;
}

/** The headers of every request and the values to redact; a token replaces any configured `Authorization`. */
export function requestCredentials(settings: Pick<ConnectionSettings, 'token' | 'headers'>, base: URL, userAgent: string): Credentials {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'User-Agent': userAgent,
  };
  const secrets: string[] = [];
  for (const [key, value] of Object.entries(settings.headers)) {
    headers[key] = value;
    if (SENSITIVE_HEADER.test(key)) secrets.push(value);
  }
  if (settings.token !== null && settings.token !== '') {
    for (const key of Object.keys(headers)) if (key.toLowerCase() === 'authorization') delete headers[key];
    headers.Authorization = `Bearer ${settings.token}`;
    secrets.push(settings.token);
  }
  for (const part of [base.username, base.password]) {
    if (part === '') continue;
    secrets.push(part);
    try {
      secrets.push(decodeURIComponent(part));
    } catch {
      // A malformed escape stays as written; it is redacted in that form.
    }
  }
  const sendsCredentials = Object.keys(headers).some((key) => key.toLowerCase() === 'authorization');
  return { headers, secrets, sendsCredentials };
}
