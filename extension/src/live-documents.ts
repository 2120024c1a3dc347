import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LIVE_DOCUMENT_SCHEME, LiveDocumentRequest } from '../../server/src/protocol.js';

/**
 * Read-only documents of a control plane's resources (`meshgw-live:/meshes/…/secrets/x.json`),
 * where go to definition and references lead for resources only the control plane has: their
 * text, as last read, comes from the server (`meshgw/liveDocument`).
 */
export function registerLiveDocuments(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(LIVE_DOCUMENT_SCHEME, {
      async provideTextDocumentContent(uri, token) {
        const c = client();
        if (!c) return 'meshgw: the language server is not running.';
        const result = await c.sendRequest(LiveDocumentRequest, { uri: uri.toString(true) }, token);
        return result ? result.text : 'This resource is not on the control plane any more.';
      },
    }),
  );
}
