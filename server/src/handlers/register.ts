import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextDocuments, type Connection } from 'vscode-languageserver/node';
import type { ServerContext } from '../context.js';
import { LiveDocumentRequest, MergedGatewayRequest } from '../protocol.js';
import type { LiveControlPlane } from '../live/control-plane.js';
import { onCodeAction } from './code-actions.js';
import { onExecuteCommand } from './commands.js';
import { onCompletion } from './completion.js';
import { onDefinition } from './definition.js';
import { onDocumentDiagnostic, onWorkspaceDiagnostic, type DiagnosticsPublisher } from './diagnostics.js';
import { onHover } from './hover.js';
import { onInlayHint } from './inlay-hints.js';
import { onLiveDocument } from './live-document.js';
import { onMergedGateway } from './merged-gateway.js';
import { onReferences } from './references.js';
import { onDocumentSymbol } from './symbols.js';
import { onClose, onWatchedFiles } from './workspace.js';

/**
 * Keeps the store in step with the client: open documents (their edits and closing), files
 * changed on disk, and settings pushed by the client.
 */
export function registerDocumentSync(
  connection: Connection,
  ctx: ServerContext,
  publisher: DiagnosticsPublisher,
  options: { folders: string[]; configure: (pushed?: unknown) => Promise<void> },
): void {
  const documents = new TextDocuments(TextDocument);
  documents.onDidChangeContent((e) => publisher.changed(ctx.store.setOpen(e.document.uri, e.document.getText(), e.document.version)));
  const close = onClose(ctx, publisher, () => options.folders);
  documents.onDidClose((e) => void close(e.document.uri));
  documents.listen(connection);

  connection.onDidChangeWatchedFiles(onWatchedFiles(ctx, publisher, () => options.folders));
  connection.onDidChangeConfiguration((params) => void options.configure(params.settings));
}

/** Every request the server answers, each by its handler. */
export function registerHandlers(connection: Connection, ctx: ServerContext, live: LiveControlPlane): void {
  connection.onHover(onHover(ctx));
  connection.onCompletion(onCompletion(ctx));
  connection.onDocumentSymbol(onDocumentSymbol(ctx));
  connection.onDefinition(onDefinition(ctx));
  connection.onReferences(onReferences(ctx));
  connection.languages.inlayHint.on(onInlayHint(ctx));
  connection.onCodeAction(onCodeAction(ctx));
  connection.languages.diagnostics.on(onDocumentDiagnostic(ctx));
  connection.languages.diagnostics.onWorkspace(onWorkspaceDiagnostic(ctx));
  connection.onRequest(MergedGatewayRequest, onMergedGateway(ctx));
  connection.onRequest(LiveDocumentRequest, onLiveDocument(ctx));
  connection.onExecuteCommand(onExecuteCommand(connection, ctx, live));
}
