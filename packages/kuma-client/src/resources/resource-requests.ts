import { decodeResource } from '../decode.js';
import { clientError } from '../errors.js';
import type { Get, RequestOptions } from '../http/request.js';
import { fail, ok } from '../result.js';
import type { CallOptions, RawResource, Result } from '../types.js';

/** What the calls of each resource kind are built on: one GET, and a GET of every page. */
export interface Requests {
  /** The base URL without credentials, for messages. */
  url: string;
  get: Get;
  list(path: string, options?: RequestOptions): Promise<Result<unknown[]>>;
}

/** `/meshes/{mesh}/{rest}`, the mesh name percent-encoded. */
export function meshPath(mesh: string, rest: string): string {
  return `/meshes/${encodeURIComponent(mesh)}/${rest}`;
}

/** Every page of a resource list; an item without a name is a `bad-shape` error. */
export async function listResources(requests: Requests, path: string, options: CallOptions): Promise<Result<RawResource[]>> {
  const response = await requests.list(path, { signal: options.signal });
  if (!response.ok) return response;
  const out: RawResource[] = [];
  for (const item of response.value) {
    const resource = decodeResource(item);
    if (resource === null) {
      return fail(clientError('bad-shape', `GET ${path} returned an item without a name.`, { path }));
    }
    out.push(resource);
  }
  return ok(out);
}

/** One object, decoded; `what` names the expected shape in the `bad-shape` error. */
export async function getOne<T>(
  requests: Requests,
  path: string,
  options: CallOptions & Pick<RequestOptions, 'accept'>,
  decode: (json: unknown) => T | null,
  what: string,
): Promise<Result<T>> {
  const response = await requests.get(path, { signal: options.signal, accept: options.accept });
  if (!response.ok) return response;
  const value = decode(response.value);
  if (value === null) return fail(clientError('bad-shape', `GET ${path} did not answer with ${what}.`, { path }));
  return ok(value);
}
