import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { createDocumentStore } from './documents/document-store.js';
import type { ClientFeatures, ServerContext } from './context.js';
import { onCodeAction } from './handlers/code-actions.js';
import { onCompletion } from './handlers/completion.js';
import { createDiagnosticsPublisher, onDocumentDiagnostic, onWorkspaceDiagnostic } from './handlers/diagnostics.js';
import { onHover } from './handlers/hover.js';
import { onMergedGateway } from './handlers/merged-gateway.js';
import { onDocumentSymbol } from './handlers/symbols.js';
import { onClose, onConfiguration, onFolders, onWatchedFiles } from './handlers/workspace.js';
import { indexFolders } from './documents/indexing.js';
import { MergedGatewayRequest } from './protocol.js';
import { readSettings } from './settings.js';
import { uriToPath } from './uri.js';

export interface ServerOptions {
  /** Streams to speak LSP on; standard input and output by default. */
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** The clock for certificate expiry; the real time by default. */
  now?: () => Date;
  /**
   * Where `docs/diagnostics.md` lives, as a URL; diagnostic codes link to `#code` in it. By
   * default the copy next to this package when there is one; null for no links.
   */
  docsUrl?: string | null;
  /** Milliseconds to wait after a change before pushing diagnostics. */
  pushDelay?: number;
}

const version: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

function defaultDocsUrl(): string | null {
  const url = new URL('../../docs/diagnostics.md', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url.href : null;
}

/**
 * Starts the meshgw language server on a connection (stdio by default) and returns it. Nothing
 * but protocol is written to the output: logs go through the connection, and when the output is
 * standard output, `console` is redirected there too.
 */
export function startServer(options: ServerOptions = {}): Connection {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const connection = createConnection(ProposedFeatures.all, input, output);
  if (output === process.stdout) redirectConsole(connection);

  const store = createDocumentStore({ now: options.now ?? (() => new Date()), log: (message) => connection.console.warn(message) });
  const documents = new TextDocuments(TextDocument);
  const folders: string[] = [];
  let markReady: () => void = () => undefined;
  const indexed = new Promise<void>((resolve) => (markReady = resolve));
  const client: ClientFeatures = {
    snippets: false,
    markdown: false,
    hierarchicalSymbols: false,
    pullDiagnostics: false,
    diagnosticRefresh: false,
    configuration: false,
    watchedFilesRegistration: false,
    workDoneProgress: false,
    workspaceFolders: false,
  };
  const ctx: ServerContext = {
    store,
    client,
    docsUrl: options.docsUrl === undefined ? defaultDocsUrl() : options.docsUrl,
    ready: () => indexed,
    log: (message) => connection.console.log(message),
    error: (message) => connection.console.error(message),
  };
  const publisher = createDiagnosticsPublisher(connection, ctx, { delay: options.pushDelay ?? 50 });
  let initialSettings: unknown = null;
  const configure = onConfiguration(connection, ctx, publisher, () => initialSettings);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    client.snippets = caps.textDocument?.completion?.completionItem?.snippetSupport === true;
    client.markdown = caps.textDocument?.completion?.completionItem?.documentationFormat?.includes('markdown') === true;
    client.hierarchicalSymbols = caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
    client.pullDiagnostics = caps.textDocument?.diagnostic !== undefined;
    client.diagnosticRefresh = caps.workspace?.diagnostics?.refreshSupport === true;
    client.configuration = caps.workspace?.configuration === true;
    client.watchedFilesRegistration = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    client.workDoneProgress = caps.window?.workDoneProgress === true;
    client.workspaceFolders = caps.workspace?.workspaceFolders === true;
    const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    if (roots.length === 0 && params.rootPath) folders.push(params.rootPath);
    for (const uri of roots) {
      const path = uriToPath(uri);
      if (path) folders.push(path);
    }
    // Settings may also come with initialize (`{ meshgw: {...} }` or `{ settings: {...} }`), for
    // clients that do not answer workspace/configuration.
    const init = params.initializationOptions as { settings?: unknown; meshgw?: unknown } | undefined;
    initialSettings = init && typeof init === 'object' ? (init.meshgw ?? init.settings ?? null) : null;
    if (initialSettings) store.setSettings(readSettings(initialSettings));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':'], resolveProvider: false },
        documentSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        diagnosticProvider: { identifier: 'meshgw', interFileDependencies: true, workspaceDiagnostics: true },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'meshgw', version },
    };
  });

  connection.onInitialized(() => {
    if (client.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const paths = (list: { uri: string }[]) => list.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== null);
        void changeFolders(paths(event.added), paths(event.removed));
      });
    }
    void (async () => {
      if (client.watchedFilesRegistration) {
        connection.client
          .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] })
          .catch(() => undefined);
      }
      // A client that never answers these requests must not keep the server from indexing.
      await withTimeout(configure(), 3000, undefined);
      const progress = client.workDoneProgress ? await withTimeout(connection.window.createWorkDoneProgress().catch(() => null), 3000, null) : null;
      progress?.begin('meshgw: indexing', 0, `${folders.length} folder(s)`, false);
      try {
        const count = await indexFolders(store, folders, {
          log: ctx.log,
          progress: (done, total) => progress?.report(Math.floor((done / Math.max(total, 1)) * 100), `${done}/${total} files`),
        });
        ctx.log(`meshgw: indexed ${count} file(s) with Kuma resources in ${folders.length} folder(s)`);
      } catch (error) {
        ctx.error(`indexing failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        progress?.done();
        markReady();
        publisher.changed();
      }
    })();
  });

  documents.onDidChangeContent((e) => publisher.changed(store.setOpen(e.document.uri, e.document.getText(), e.document.version)));
  const close = onClose(ctx, publisher, () => folders);
  documents.onDidClose((e) => void close(e.document.uri));
  documents.listen(connection);

  connection.onDidChangeWatchedFiles(onWatchedFiles(ctx, publisher));
  connection.onDidChangeConfiguration((params) => void configure(params.settings));
  const changeFolders = onFolders(ctx, publisher, folders);

  connection.onHover(onHover(ctx));
  connection.onCompletion(onCompletion(ctx));
  connection.onDocumentSymbol(onDocumentSymbol(ctx));
  connection.onCodeAction(onCodeAction(ctx));
  connection.languages.diagnostics.on(onDocumentDiagnostic(ctx));
  connection.languages.diagnostics.onWorkspace(onWorkspaceDiagnostic(ctx));
  connection.onRequest(MergedGatewayRequest, onMergedGateway(ctx));
  connection.onShutdown(() => publisher.dispose());

  connection.listen();
  return connection;
}

function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise<T>((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}

/** Sends `console` output through the connection, so that nothing else reaches stdout. */
function redirectConsole(connection: Connection): void {
  const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  console.log = (...args: unknown[]) => connection.console.log(text(args));
  console.info = (...args: unknown[]) => connection.console.info(text(args));
  console.debug = (...args: unknown[]) => connection.console.log(text(args));
  console.warn = (...args: unknown[]) => connection.console.warn(text(args));
  console.error = (...args: unknown[]) => connection.console.error(text(args));
}
