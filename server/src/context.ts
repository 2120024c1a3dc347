import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';
import type { TextGeometry } from './convert.js';
import { isLiveFile, LIVE_FILE_PREFIX } from '@meshgw/engine';
import { LIVE_DOCUMENT_SCHEME } from './protocol.js';
import type { DocumentStore } from './documents/document-store.js';

/** What the client can do, read once from `initialize`. */
export interface ClientFeatures {
  snippets: boolean;
  markdown: boolean;
  hierarchicalSymbols: boolean;
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  configuration: boolean;
  watchedFilesRegistration: boolean;
  workDoneProgress: boolean;
  workspaceFolders: boolean;
  /** The client opens `meshgw-live:` documents (`initializationOptions.liveDocuments`). */
  liveDocuments: boolean;
}

/** What requests may ask of the control plane's state: never a request to it. */
export interface LiveView {
  /** The sentence a hover adds when the live data is stale; null when fresh or off. */
  staleNote(): string | null;
  /** Reads the settings in force again: the control plane they name may have changed. */
  sync(): void;
}

/** What handlers share: the documents, what the client supports, and logging. */
export interface ServerContext {
  store: DocumentStore;
  client: ClientFeatures;
  /** Base URL of the diagnostics documentation, or null. */
  docsUrl: string | null;
  /** The control plane's state as requests see it; see live/control-plane.ts. */
  live: LiveView;
  /** Resolves once the workspace folders are indexed. */
  ready(): Promise<void>;
  /**
   * Resolves once the settings, the project file and the files in the folders of the open
   * documents are read: requests are answered from then on, while the rest is indexed.
   */
  started(): Promise<void>;
  log(message: string): void;
  error(message: string): void;
}

/**
 * The geometry of a file's analysed text; null when the workspace does not hold the file, or
 * when it is a control plane's resource (`cp:…`): no client can open those.
 */
export function geometryOf(ctx: ServerContext, key: string): TextGeometry | null {
  if (isLiveFile(key)) return null;
  const f = ctx.store.file(key);
  return f ? { lineStarts: f.parsed.lineStarts, length: f.parsed.text.length, text: f.parsed.text } : null;
}

/** A file of the workspace as the client names it, with its geometry; null when not held. */
export function clientFile(ctx: ServerContext, key: string): { uri: string; geometry: TextGeometry } | null {
  const geometry = geometryOf(ctx, key);
  return geometry ? { uri: ctx.store.clientUri(key), geometry } : null;
}

/** A control plane's resource as a `meshgw-live:` URI, and back (null for any other URI). */
export function liveDocumentUri(key: string): string {
  return `${LIVE_DOCUMENT_SCHEME}:${key.slice(LIVE_FILE_PREFIX.length)}.json`;
}

export function liveDocumentKey(uri: string): string | null {
  const prefix = `${LIVE_DOCUMENT_SCHEME}:`;
  return uri.startsWith(prefix) && uri.endsWith('.json') ? `${LIVE_FILE_PREFIX}${uri.slice(prefix.length, -'.json'.length)}` : null;
}

/**
 * Where a location can be shown: a file as the client names it, or a control plane's resource
 * as a read-only `meshgw-live:` document when the client opens those; null otherwise.
 */
export function navigableFile(ctx: ServerContext, key: string): { uri: string; geometry: TextGeometry } | null {
  if (!isLiveFile(key)) return clientFile(ctx, key);
  const f = ctx.client.liveDocuments ? ctx.store.file(key) : null;
  return f ? { uri: liveDocumentUri(key), geometry: { lineStarts: f.parsed.lineStarts, length: f.parsed.text.length, text: f.parsed.text } } : null;
}

/**
 * Runs a request handler once the server has started (indexing may still run; see `started`): a
 * cancelled request gets `RequestCancelled`, and an unexpected error is logged and answered with
 * `fallback`, so every request gets an answer.
 */
export async function answer<T>(ctx: ServerContext, method: string, token: CancellationToken, fallback: T, run: () => T): Promise<T> {
  await ctx.started();
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, `${method} cancelled`);
  try {
    return run();
  } catch (error) {
    ctx.error(`${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return fallback;
  }
}
