import type { ClientCapabilities, InitializeParams, InitializeResult } from 'vscode-languageserver/node';
import type { ClientFeatures } from '../context.js';
import type { DocumentStore } from '../documents/document-store.js';
import { initializeResult } from './capabilities.js';
import { readSettings } from '../settings.js';
import { uriToPath } from '../uri.js';

/** What `initialize` tells the rest of the server; filled in place, as handlers hold these objects. */
export interface Startup {
  client: ClientFeatures;
  /** The workspace folders as paths; folder changes edit this array. */
  folders: string[];
  /** Settings sent with `initialize`, for clients that do not answer `workspace/configuration`. */
  initialSettings: unknown;
}

/** Before `initialize`: a client that can do nothing beyond the basics. */
export function noClientFeatures(): ClientFeatures {
  return {
    snippets: false,
    markdown: false,
    hierarchicalSymbols: false,
    pullDiagnostics: false,
    diagnosticRefresh: false,
    configuration: false,
    watchedFilesRegistration: false,
    workDoneProgress: false,
    workspaceFolders: false,
    liveDocuments: false,
  };
}

function readClientFeatures(client: ClientFeatures, caps: ClientCapabilities): void {
  client.snippets = caps.textDocument?.completion?.completionItem?.snippetSupport === true;
  client.markdown = caps.textDocument?.completion?.completionItem?.documentationFormat?.includes('markdown') === true;
  client.hierarchicalSymbols = caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
  client.pullDiagnostics = caps.textDocument?.diagnostic !== undefined;
  client.diagnosticRefresh = caps.workspace?.diagnostics?.refreshSupport === true;
  client.configuration = caps.workspace?.configuration === true;
  client.watchedFilesRegistration = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  client.workDoneProgress = caps.window?.workDoneProgress === true;
  client.workspaceFolders = caps.workspace?.workspaceFolders === true;
}

/** The folders to index: the workspace folders, else the root URI, else the root path. */
function workspaceFolders(params: InitializeParams): string[] {
  const folders: string[] = [];
  const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  if (roots.length === 0 && params.rootPath) folders.push(params.rootPath);
  for (const uri of roots) {
    const path = uriToPath(uri);
    if (path) folders.push(path);
  }
  return folders;
}

/** `initialize`: reads what the client can do, its folders and settings, and says what the server offers. */
export function onInitialize(startup: Startup, store: DocumentStore, version: string) {
  return (params: InitializeParams): InitializeResult => {
    readClientFeatures(startup.client, params.capabilities);
    startup.folders.push(...workspaceFolders(params));
    // Settings may also come with initialize (`{ meshgw: {...} }` or `{ settings: {...} }`), for
    // clients that do not answer workspace/configuration.
    const init = params.initializationOptions as { settings?: unknown; meshgw?: unknown; liveDocuments?: unknown } | undefined;
    startup.initialSettings = init && typeof init === 'object' ? (init.meshgw ?? init.settings ?? null) : null;
    startup.client.liveDocuments = init?.liveDocuments === true;
    if (startup.initialSettings) store.setSettings(readSettings(startup.initialSettings));
    return initializeResult(version);
  };
}
