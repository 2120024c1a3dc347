/**
 * Reads the `offset` query parameter of a list's `next` link. The link itself is never followed:
 * Kuma builds it from the request's Host header and its own TLS state, so behind a proxy or a
 * port-forward it can name the wrong scheme, host or base path. Returns null when the link is
 * not a URL or has no `offset`.
 */
export function offsetFromNext(next: string): string | null {
  let offset: string | null = null;
  try {
    offset = new URL(next, 'http://placeholder.invalid/').searchParams.get('offset');
  } catch {
    // A host that is not a valid URL host (a template such as `{{address}}`) still has a query.
    const match = /[?&]offset=([^&#]*)/.exec(next);
    if (match !== null) {
      try {
        offset = decodeURIComponent(match[1].replace(/\+/g, ' '));
      } catch {
        offset = null;
      }
    }
  }
  return offset === null || offset === '' ? null : offset;
}
