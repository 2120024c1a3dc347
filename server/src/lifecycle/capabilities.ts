import type { ServerCapabilities } from 'vscode-languageserver/node';
import { CONTROL_PLANE_DIFF_COMMAND, REFRESH_CONTROL_PLANE_COMMAND } from '../command-names.js';

// What the server offers, whatever the client says. Plain values only (no import of the protocol
// library at run time): the early answer to `initialize` (`early-initialize.ts`) reads this module
// before anything else of the server is loaded.

/** The commands the server runs (`executeCommandProvider`). */
export const SERVER_COMMANDS = [REFRESH_CONTROL_PLANE_COMMAND, CONTROL_PLANE_DIFF_COMMAND];

/** The `capabilities` of every `initialize` result. */
export const SERVER_CAPABILITIES: ServerCapabilities = {
  textDocumentSync: { openClose: true, change: 2 /* TextDocumentSyncKind.Incremental */ },
  hoverProvider: true,
  completionProvider: { triggerCharacters: [':'], resolveProvider: false },
  documentSymbolProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  inlayHintProvider: { resolveProvider: false },
  codeActionProvider: { codeActionKinds: ['quickfix' /* CodeActionKind.QuickFix */] },
  executeCommandProvider: { commands: SERVER_COMMANDS },
  diagnosticProvider: { identifier: 'meshgw', interFileDependencies: true, workspaceDiagnostics: true },
  workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
};

/** The server's `initialize` result. */
export function initializeResult(version: string): { capabilities: ServerCapabilities; serverInfo: { name: string; version: string } } {
  return { capabilities: SERVER_CAPABILITIES, serverInfo: { name: 'meshgw', version } };
}
