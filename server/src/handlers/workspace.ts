import { FileChangeType, type Connection, type DidChangeWatchedFilesParams } from 'vscode-languageserver/node';
import type { ServerContext } from '../context.js';
import { forgetFolder, indexFolders, inFolders, refreshFile } from '../documents/indexing.js';
import { isProjectFile, loadProjectFile } from '../documents/project-file.js';
import { readSettings, settingsProblems } from '../settings.js';
import { uriToPath } from '../uri.js';
import type { DiagnosticsPublisher } from './diagnostics.js';

/** `workspace/didChangeWatchedFiles`: files changed on disk are read again, unless open. */
export function onWatchedFiles(ctx: ServerContext, publisher: DiagnosticsPublisher, folders: () => string[]) {
  return async (params: DidChangeWatchedFilesParams): Promise<void> => {
    await ctx.ready();
    for (const change of params.changes) {
      const key = ctx.store.key(change.uri);
      const path = uriToPath(key);
      if (path && isProjectFile(path)) {
        await loadProjectFile(ctx.store, folders(), ctx.log);
        ctx.live.sync();
      }
      if (change.type === FileChangeType.Deleted) {
        ctx.store.removeDisk(key);
        if (path) forgetFolder(ctx.store, path);
      } else {
        await refreshFile(ctx.store, key, ctx.log);
      }
      publisher.changed(key);
    }
  };
}

/**
 * A closed document goes back to its disk text when it lies in a workspace folder, and leaves
 * the workspace otherwise.
 */
export function onClose(ctx: ServerContext, publisher: DiagnosticsPublisher, folders: () => string[]) {
  return async (uri: string): Promise<void> => {
    const key = ctx.store.close(uri);
    const path = uriToPath(key);
    if (path && inFolders(path, folders())) await refreshFile(ctx.store, key, ctx.log);
    else ctx.store.removeDisk(key);
    publisher.changed(key);
  };
}

/**
 * Reads the `meshgw` settings: asked for when the client can answer, else as pushed with the
 * change notification; `initial` (from `initialize`) stands in when the client has none.
 */
export function onConfiguration(connection: Connection, ctx: ServerContext, publisher: DiagnosticsPublisher, initial: () => unknown) {
  return async (pushed?: unknown): Promise<void> => {
    let raw: unknown = (pushed as { meshgw?: unknown } | undefined)?.meshgw;
    if (ctx.client.configuration) {
      try {
        raw = await connection.workspace.getConfiguration({ section: 'meshgw' });
      } catch (error) {
        ctx.log(`workspace/configuration failed, keeping the settings: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
    }
    if (raw === undefined && !ctx.client.configuration) return;
    const settings = readSettings(raw ?? initial());
    for (const problem of settingsProblems(settings)) ctx.error(problem);
    ctx.store.setSettings(settings);
    ctx.live.sync();
    publisher.changed();
  };
}

/** Workspace folders added or removed after start. */
export function onFolders(ctx: ServerContext, publisher: DiagnosticsPublisher, folders: string[]) {
  return async (added: string[], removed: string[]): Promise<void> => {
    for (const path of removed) {
      const i = folders.indexOf(path);
      if (i >= 0) folders.splice(i, 1);
      forgetFolder(ctx.store, path);
    }
    folders.push(...added);
    await loadProjectFile(ctx.store, folders, ctx.log);
    ctx.live.sync();
    await indexFolders(ctx.store, added, { log: ctx.log });
    publisher.changed();
  };
}
