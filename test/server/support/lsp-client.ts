import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * A JSON-RPC client that drives the built language server over real stdio, with LSP's
 * `Content-Length` framing. It answers the server's own requests (configuration, capability
 * registration, progress creation) and records every notification, so tests can wait for them.
 */

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const SERVER_MAIN = resolve(REPO, 'server/dist/main.js');
export const EXAMPLES = resolve(REPO, 'examples');

export interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

export interface Notification<P = unknown> {
  method: string;
  params: P;
  /** Position in the order notifications arrived, from 0. */
  seq: number;
}

export class RequestError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export interface ClientOptions {
  /** Arguments after `node`; the server's stdio entry by default. */
  args?: string[];
  env?: Record<string, string>;
  /** What `workspace/configuration` answers for the `meshgw` section. */
  settings?: unknown;
  /** Milliseconds to wait for a response or notification before failing. */
  timeout?: number;
}

export interface InitializeOptions {
  /** Workspace folders as paths; none by default. */
  folders?: string[];
  /** Capabilities to merge over the defaults (snippets, markdown, hierarchical symbols, progress). */
  capabilities?: Record<string, unknown>;
  initializationOptions?: unknown;
}

export interface LspClient {
  request<R = unknown>(method: string, params: unknown, options?: { timeout?: number }): Promise<R>;
  notify(method: string, params: unknown): void;
  /** Sends raw bytes (several framed messages at once, for example). */
  writeRaw(data: string): void;
  /** A framed message as bytes, with the next request id when `request` is true. */
  frame(message: Omit<Message, 'jsonrpc'>): string;
  nextId(): number;
  /** Resolves with the response to a request id sent with `writeRaw`. */
  response(id: number, options?: { timeout?: number }): Promise<Message>;
  notifications: Notification[];
  /** Requests the server sent to the client, in order. */
  serverRequests: { method: string; params: unknown }[];
  /** Waits for a notification (already received or future) that satisfies `match`. */
  waitFor<P = unknown>(method: string, match?: (params: P) => boolean, options?: { after?: number; timeout?: number }): Promise<Notification<P>>;
  /** Text the server wrote to stdout that was not a framed message. */
  stray(): string;
  stderr(): string;
  /** Changes what `workspace/configuration` answers from now on. */
  setSettings(settings: unknown): void;
  initialize(options?: InitializeOptions): Promise<{ capabilities: Record<string, unknown>; serverInfo?: { name: string; version?: string } }>;
  open(path: string, text?: string, version?: number): string;
  change(uri: string, text: string, version: number): void;
  close(): Promise<void>;
  exited: Promise<number | null>;
}

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

export function startClient(options: ClientOptions = {}): LspClient {
  const timeout = options.timeout ?? 15_000;
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, options.args ?? [SERVER_MAIN, '--stdio'], {
    cwd: REPO,
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let id = 0;
  let settings: unknown = options.settings ?? null;
  let buffer = Buffer.alloc(0);
  let strayText = '';
  let stderrText = '';
  const pending = new Map<number | string, { resolve: (m: Message) => void }>();
  const early = new Map<number | string, Message>();
  const notifications: Notification[] = [];
  const waiters: { method: string; match: (p: unknown) => boolean; after: number; resolve: (n: Notification) => void }[] = [];
  const serverRequests: { method: string; params: unknown }[] = [];
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));

  const frame = (message: Omit<Message, 'jsonrpc'>): string => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
  };
  const send = (message: Omit<Message, 'jsonrpc'>) => child.stdin.write(frame(message));

  const answerServer = (m: Message) => {
    serverRequests.push({ method: m.method as string, params: m.params });
    let result: unknown = null;
    if (m.method === 'workspace/configuration') {
      const items = (m.params as { items: { section?: string }[] }).items;
      result = items.map((it) => (it.section === 'meshgw' ? settings : null));
    }
    send({ id: m.id, result });
  };

  const dispatch = (m: Message) => {
    if (m.method !== undefined && m.id !== undefined && m.id !== null) {
      answerServer(m);
    } else if (m.method !== undefined) {
      const n: Notification = { method: m.method, params: m.params, seq: notifications.length };
      notifications.push(n);
      for (const w of [...waiters]) {
        if (w.method === n.method && n.seq >= w.after && w.match(n.params)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(n);
        }
      }
    } else if (m.id !== undefined && m.id !== null) {
      const p = pending.get(m.id);
      if (p) {
        pending.delete(m.id);
        p.resolve(m);
      } else {
        early.set(m.id, m);
      }
    }
  };

  child.stdout.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = buffer.subarray(0, headerEnd).toString('ascii');
      const match = /^Content-Length: (\d+)$/im.exec(header);
      if (!match || !header.startsWith('Content-')) {
        // Not protocol: keep it for the assertion that stdout carries nothing else.
        strayText += buffer.subarray(0, headerEnd + 4).toString('utf8');
        buffer = buffer.subarray(headerEnd + 4);
        continue;
      }
      const length = Number(match[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const body = buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      buffer = buffer.subarray(headerEnd + 4 + length);
      dispatch(JSON.parse(body) as Message);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderrText += chunk.toString('utf8')));

  const response = (requestId: number, opts: { timeout?: number } = {}): Promise<Message> =>
    new Promise((res, rej) => {
      const got = early.get(requestId);
      if (got) {
        early.delete(requestId);
        res(got);
        return;
      }
      const timer = setTimeout(() => {
        pending.delete(requestId);
        rej(new Error(`no response to request ${requestId} within ${opts.timeout ?? timeout} ms; stderr: ${stderrText}`));
      }, opts.timeout ?? timeout);
      pending.set(requestId, {
        resolve: (m) => {
          clearTimeout(timer);
          res(m);
        },
      });
    });

  const client: LspClient = {
    async request<R>(method: string, params: unknown, opts: { timeout?: number } = {}): Promise<R> {
      const requestId = ++id;
      const result = response(requestId, { timeout: opts.timeout ?? timeout });
      send({ id: requestId, method, params });
      const m = await result;
      if (m.error) throw new RequestError(m.error.code, `${method}: ${m.error.message}`);
      return m.result as R;
    },
    notify(method, params) {
      send({ method, params });
    },
    writeRaw(data) {
      child.stdin.write(data);
    },
    frame,
    nextId: () => ++id,
    response,
    notifications,
    serverRequests,
    waitFor<P>(method: string, match: (p: P) => boolean = () => true, opts: { after?: number; timeout?: number } = {}): Promise<Notification<P>> {
      const after = opts.after ?? 0;
      const found = notifications.find((n) => n.method === method && n.seq >= after && match(n.params as P));
      if (found) return Promise.resolve(found as Notification<P>);
      return new Promise((res, rej) => {
        const waiter = { method, match: match as (p: unknown) => boolean, after, resolve: res as (n: Notification) => void };
        waiters.push(waiter);
        setTimeout(() => {
          const i = waiters.indexOf(waiter);
          if (i < 0) return;
          waiters.splice(i, 1);
          rej(new Error(`no ${method} notification matched within ${opts.timeout ?? timeout} ms; stderr: ${stderrText}`));
        }, opts.timeout ?? timeout);
      });
    },
    setSettings(value) {
      settings = value;
    },
    stray: () => strayText,
    stderr: () => stderrText,
    async initialize(init: InitializeOptions = {}) {
      const folders = init.folders ?? [];
      const capabilities = {
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        window: { workDoneProgress: true },
        textDocument: {
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
        },
        ...init.capabilities,
      };
      const result = await client.request<{ capabilities: Record<string, unknown>; serverInfo?: { name: string; version?: string } }>('initialize', {
        processId: process.pid,
        rootUri: folders[0] ? uriOf(folders[0]) : null,
        workspaceFolders: folders.map((f) => ({ uri: uriOf(f), name: f })),
        capabilities,
        initializationOptions: init.initializationOptions,
      });
      client.notify('initialized', {});
      return result;
    },
    open(path, text, version = 1) {
      const uri = uriOf(path);
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text: text ?? readFileSync(path, 'utf8') } });
      return uri;
    },
    change(uri, text, version) {
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          await client.request('shutdown', null, { timeout: 5_000 });
          client.notify('exit', null);
        } catch {
          // The server is gone or stuck; it is killed below.
        }
        const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
        await exited;
        clearTimeout(timer);
      }
    },
    exited,
  };
  return client;
}

/** Offset helpers for tests: the LSP position of the `n`th occurrence of `needle` (+ `delta`). */
export function positionOf(text: string, needle: string, delta = 0, occurrence = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found`);
  }
  const offset = at + delta;
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}
