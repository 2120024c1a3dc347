import { decodeListPage } from '../decode.js';
import { clientError } from '../errors.js';
import { fail, ok } from '../result.js';
import type { Result } from '../types.js';
import type { Get, RequestOptions } from './request.js';

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

/** How far a list call pages. */
export interface PagingLimits {
  /** Items asked for per page (`size`). */
  pageSize: number;
  /** A list that needs more pages than this stops with a `paging` error. */
  maxPages: number;
}

/**
 * GETs every page of a list and returns the items in order. Each further page repeats the
 * request with the `offset` of the previous page's `next` link; paging stops with an error when
 * a link has no offset, an offset repeats, or `maxPages` is reached.
 */
export async function listPages(get: Get, path: string, options: RequestOptions, limits: PagingLimits): Promise<Result<unknown[]>> {
  const { pageSize, maxPages } = limits;
  const items: unknown[] = [];
  const seen = new Set<string>();
  let offset: string | null = null;
  for (let page = 1; ; page += 1) {
    if (page > maxPages) {
      return fail(clientError('paging', `GET ${path} still had more pages after ${maxPages} pages of ${pageSize}; stopped.`, { path }));
    }
    const query: Record<string, string> = { ...options.query, size: String(pageSize) };
    if (offset !== null) query.offset = offset;
    const response = await get(path, { query, signal: options.signal });
    if (!response.ok) return response;
    const decoded = decodeListPage(response.value);
    if (decoded === null) {
      return fail(clientError('bad-shape', `GET ${path} did not answer with a list ({"items": [...], "next": ...}).`, { path }));
    }
    items.push(...decoded.items);
    if (decoded.next === null) return ok(items);
    const next = offsetFromNext(decoded.next);
    if (next === null) {
      return fail(clientError('paging', `GET ${path} returned a next link without an offset; paging stopped.`, { path }));
    }
    seen.add(offset ?? '');
    if (seen.has(next)) {
      return fail(clientError('paging', `GET ${path} returned a next link that repeats offset ${next}; paging stopped.`, { path }));
    }
    offset = next;
  }
}
