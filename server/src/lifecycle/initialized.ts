import { DidChangeWatchedFilesNotification, type Connection } from 'vscode-languageserver/node';
import type { ServerContext } from '../context.js';
import { indexFolders } from '../documents/indexing.js';
import { loadProjectFile } from '../documents/project-file.js';
import type { DiagnosticsPublisher } from '../handlers/diagnostics.js';
import { uriToPath } from '../uri.js';
import { holdYoungGeneration } from './young-generation.js';

export interface InitializedOptions {
  connection: Connection;
  ctx: ServerContext;
  publisher: DiagnosticsPublisher;
  /** The workspace folders `initialize` named. */
  folders: string[];
  /** Reads the settings from the client. */
  configure: () => Promise<void>;
  changeFolders: (added: string[], removed: string[]) => Promise<void>;
  /** Says that indexing ended, however it ended: diagnostics are published from then on. */
  markReady: () => void;
  /** Lets requests through: called once the files next to the open documents are indexed. */
  markStarted: () => void;
  /** Starts following the control plane the settings name, once they and the project file are read. */
  startLive: () => void;
}

/**
 * `initialized`: follows folder changes, asks for file watchers and settings, then indexes the
 * folders (with progress when the client shows it): requests go through once the files next to
 * the open documents are read, diagnostics once all are.
 */
export function onInitialized(options: InitializedOptions) {
  const { connection, ctx, publisher, folders, configure, changeFolders, markReady, markStarted, startLive } = options;
  const client = ctx.client;
  return (): void => {
    if (client.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const paths = (list: { uri: string }[]) => list.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== null);
        void changeFolders(paths(event.added), paths(event.removed));
      });
    }
    // The workspace's first reading and analysis keep the young generation small (see there).
    const release = holdYoungGeneration();
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
        await loadProjectFile(ctx.store, folders, ctx.log);
        startLive();
        const count = await indexFolders(ctx.store, folders, {
          log: ctx.log,
          nearRead: markStarted,
          progress: (done, total) => progress?.report(Math.floor((done / Math.max(total, 1)) * 100), `${done}/${total} files`),
        });
        ctx.log(`meshgw: indexed ${count} file(s) with Kuma resources in ${folders.length} folder(s)`);
      } catch (error) {
        ctx.error(`indexing failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        progress?.done();
        markStarted();
        markReady();
        publisher.changed();
        publisher.flush();
        release();
      }
    })();
  };
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
