/**
 * The ways a control plane fails, as one table for the terminal app and the CLI: how to break the
 * test control plane (behind a TCP relay that can go away), how to mend it, and the sentence the
 * user reads. Every request goes through a client with a 1 s timeout.
 */
import type { FakeControlPlane } from '../../support/fake-control-plane.js';
import type { TcpProxy } from './tcp-proxy.js';

export interface FaultTarget {
  cp: FakeControlPlane;
  /** The relay the client talks to; `proxy.url` is the URL in every message. */
  proxy: TcpProxy;
}

export interface Fault {
  name: string;
  /** Breaks the control plane. */
  inject: (target: FaultTarget) => void | Promise<void>;
  /** Mends it. */
  heal: (target: FaultTarget) => void | Promise<void>;
  /** The whole sentence the client gives, for a control plane at `url`. */
  says: (url: string) => string;
  /** The words that name the fault; they must be on screen even where a banner cuts the sentence. */
  keyWords: string;
}

/** The request timeout of every client in these tests, in milliseconds: short, yet long enough for a loaded machine. */
export const TIMEOUT_MS = 1_000;

const clear = ({ cp }: FaultTarget): void => cp.clearFaults();

function withoutMeshGateway(body: unknown): unknown {
  const types = body as { resources: { name: string }[] };
  return { resources: types.resources.filter((type) => type.name !== 'MeshGateway' && type.name !== 'MeshGatewayRoute') };
}

export const FAULTS: Fault[] = [
  {
    name: 'connection refused',
    inject: ({ proxy }) => proxy.stop(),
    heal: ({ proxy }) => proxy.start(),
    says: (url) => `Cannot connect to the control plane at ${url}: the connection was refused (ECONNREFUSED). Is kuma-cp running at that address?`,
    keyWords: 'the connection was refused',
  },
  {
    name: 'connection reset in the middle of a body',
    inject: ({ cp }) => cp.setFault('/meshes', { kind: 'reset-mid-body' }),
    heal: clear,
    says: (url) => `The connection to ${url} broke while reading GET /meshes?size=1000 (ECONNRESET).`,
    keyWords: 'broke while reading',
  },
  {
    name: 'no answer (timeout)',
    inject: ({ cp }) => cp.setFault('/meshes', { kind: 'hang' }),
    heal: clear,
    says: (url) => `The control plane at ${url} did not answer GET /meshes?size=1000 within ${TIMEOUT_MS / 1000} s.`,
    keyWords: 'did not answer',
  },
  {
    name: 'HTTP 500',
    inject: ({ cp }) => cp.setFault(/.*/, { kind: 'status', status: 500 }),
    heal: clear,
    says: () => 'GET / failed with HTTP 500: Internal Server Error: Internal Server Error.',
    keyWords: 'HTTP 500',
  },
  {
    name: 'HTTP 502 with an HTML body',
    inject: ({ cp }) => cp.setFault(/.*/, { kind: 'html', status: 502 }),
    heal: clear,
    says: () => 'GET / failed with HTTP 502: 502 Bad Gateway 502 Bad Gateway nginx/1.25.3.',
    keyWords: 'HTTP 502: 502 Bad Gateway',
  },
  {
    name: 'a body that is not JSON',
    inject: ({ cp }) => cp.setFault('/meshes/default/meshgateways', { kind: 'invalid-json' }),
    heal: clear,
    says: () => 'GET /meshes/default/meshgateways?size=1000 answered HTTP 200 with a body that is not JSON: {"total": 1, "items": [{"type": "MeshGateway", name: oops}.',
    keyWords: 'not JSON',
  },
  {
    name: 'a 200 with the wrong shape',
    inject: ({ cp }) => cp.setFault('/meshes/default/meshgateways', { kind: 'wrong-shape' }),
    heal: clear,
    says: () => 'GET /meshes/default/meshgateways did not answer with a list ({"items": [...], "next": ...}).',
    keyWords: 'did not answer with a list',
  },
  {
    name: '401: the token is no longer accepted',
    // Kuma's index `/` needs no token; everything else answers 401.
    inject: ({ cp }) => cp.setFault(/^\/.+/, { kind: 'status', status: 401 }),
    heal: clear,
    says: (url) =>
      `The control plane at ${url} rejected the token (HTTP 401: Invalid authentication data: Unauthenticated). Check --token, MESHGW_TOKEN or the token of the kumactl context.`,
    keyWords: 'rejected the token (HTTP 401',
  },
  {
    name: '404 for MeshGateway (a control plane without the builtin gateway)',
    inject: ({ cp }) => cp.setFault(/\/meshgateways$/, { kind: 'status', status: 404, body: '404: Page Not Found', contentType: 'text/plain; charset=utf-8' }),
    heal: clear,
    says: (url) =>
      `The control plane at ${url} has no builtin MeshGateway support (GET /meshes/default/meshgateways?size=1000 answered 404). Kuma 2.14 is the last release with MeshGateway.`,
    keyWords: 'has no builtin MeshGateway support',
  },
  {
    name: '/_resources without MeshGateway (a release after 2.14)',
    inject: ({ cp }) => cp.setFault('/_resources', { kind: 'transform', transform: withoutMeshGateway }),
    heal: clear,
    says: (url) => `The control plane at ${url} (Kuma 2.14.3) has no builtin MeshGateway: /_resources does not list it. Kuma 2.14 is the last release with MeshGateway.`,
    keyWords: 'has no builtin MeshGateway',
  },
  {
    name: 'paging that never ends (next points at itself)',
    inject: ({ cp }) => cp.setFault('/meshes', { kind: 'endless-paging', mode: 'same' }),
    heal: clear,
    says: () => 'GET /meshes returned a next link that repeats offset 0; paging stopped.',
    keyWords: 'repeats offset 0; paging stopped',
  },
  {
    name: 'paging that never ends (next always moves on)',
    inject: ({ cp }) => cp.setFault('/meshes', { kind: 'endless-paging', mode: 'advance' }),
    heal: clear,
    says: () => 'GET /meshes still had more pages after 100 pages of 1000; stopped.',
    keyWords: 'still had more pages',
  },
];

/** The sentence of a control plane that went away while it was answering. */
export function cutSentence(url: string): string {
  return `Cannot connect to the control plane at ${url}: the connection was closed before an answer (ECONNRESET). Is kuma-cp running at that address?`;
}

/** Any run of a stack trace: `at fn (file.js:12:3)` or an indented `at` line. */
export const STACK_TRACE = /at .*\.js:\d+|\n\s+at /;
