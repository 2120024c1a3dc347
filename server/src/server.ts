import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import type { KumaVersion } from '@meshgw/engine';
import type { ServerContext } from './context.js';
import { createDocumentStore } from './documents/document-store.js';
import { createDiagnosticsPublisher } from './handlers/diagnostics.js';
import { registerDocumentSync, registerHandlers } from './handlers/register.js';
import { onConfiguration, onFolders } from './handlers/workspace.js';
import { redirectConsole } from './lifecycle/console.js';
import { noClientFeatures, onInitialize, type Startup } from './lifecycle/initialize.js';
import { onInitialized } from './lifecycle/initialized.js';
import { createLiveControlPlane } from './live/control-plane.js';
import { SERVER_VERSION } from './version.js';

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
  /** The Kuma version to check against, pinned (`meshgw lsp --kuma-version`): beats every setting. */
  kumaVersion?: KumaVersion | null;
  /** The clock for the age of a control plane's data, in milliseconds; the real time by default. */
  liveClock?: () => number;
  /**
   * Sends `console` output through the connection: the default when the output is standard
   * output; for another stream that ends on standard output (`serveStdio`).
   */
  redirectConsole?: boolean;
}


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
  if (options.redirectConsole ?? output === process.stdout) redirectConsole(connection);

  const store = createDocumentStore({
    now: options.now ?? (() => new Date()),
    log: (message) => connection.console.warn(message),
    pinnedVersion: options.kumaVersion ?? null,
  });
  let markReady: () => void = () => undefined;
  const indexed = new Promise<void>((resolve) => (markReady = resolve));
  let markStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const startup: Startup = { client: noClientFeatures(), folders: [], initialSettings: null };
  const ctx: ServerContext = {
    store,
    client: startup.client,
    docsUrl: options.docsUrl === undefined ? defaultDocsUrl() : options.docsUrl,
    live: { staleNote: () => null, sync: () => undefined },
    ready: () => indexed,
    started: () => started,
    log: (message) => connection.console.log(message),
    error: (message) => connection.console.error(message),
  };
  const publisher = createDiagnosticsPublisher(connection, ctx, { delay: options.pushDelay ?? 50 });
  const live = createLiveControlPlane({ connection, ctx, publisher, folders: () => startup.folders, clock: options.liveClock ?? Date.now });
  const configure = onConfiguration(connection, ctx, publisher, () => startup.initialSettings);
  const changeFolders = onFolders(ctx, publisher, startup.folders);

  connection.onInitialize(onInitialize(startup, store, SERVER_VERSION));
  const startLive = () => {
    ctx.live = live;
    live.sync();
  };
  connection.onInitialized(onInitialized({ connection, ctx, publisher, folders: startup.folders, configure, changeFolders, markReady: () => markReady(), markStarted: () => markStarted(), startLive }));
  registerDocumentSync(connection, ctx, publisher, { folders: startup.folders, configure });
  registerHandlers(connection, ctx, live);
  connection.onShutdown(() => {
    publisher.dispose();
    live.dispose();
  });

  connection.listen();
  return connection;
}
