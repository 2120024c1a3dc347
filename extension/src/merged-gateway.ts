import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { MergedGatewayRequest, type MergedGatewayParams } from '../../server/src/protocol.js';
import { isServed } from './selector.js';

/** The scheme of the read-only documents that show a merged gateway. */
export const INSPECT_SCHEME = 'meshgw-inspect';

/**
 * `meshgw: Show merged gateway`: asks the server for the gateway under the cursor and opens what
 * `meshgw inspect` prints for it in a read-only document beside the editor. The document's URI
 * carries the request, so the view can be refreshed (and restored after a reload) by asking again.
 */
export function registerMergedGateway(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    async provideTextDocumentContent(uri, token) {
      const params = paramsOf(uri);
      const c = client();
      if (!params || !c) return 'meshgw: the language server is not running.';
      const result = await c.sendRequest(MergedGatewayRequest, params, token);
      return result ? result.text : 'No MeshGateway at this place any more.';
    },
  };

  const show = async (): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    const c = client();
    if (!editor || !isServed(editor.document)) {
      void vscode.window.showInformationMessage('meshgw: put the cursor in a MeshGateway, a MeshGatewayRoute or a gateway Dataplane of a YAML file.');
      return;
    }
    if (!c) {
      void vscode.window.showWarningMessage('meshgw: the language server is not running; try "meshgw: Restart server".');
      return;
    }
    const params: MergedGatewayParams = {
      textDocument: { uri: c.code2ProtocolConverter.asUri(editor.document.uri) },
      position: c.code2ProtocolConverter.asPosition(editor.selection.active),
    };
    const result = await c.sendRequest(MergedGatewayRequest, params);
    if (!result) {
      void vscode.window.showInformationMessage('meshgw: no MeshGateway here, nor one that a dataplane or route here belongs to.');
      return;
    }
    const name = result.gateways.length === 1 ? `${result.gateways[0].mesh}/${result.gateways[0].name}` : baseName(editor.document.uri.path);
    const uri = vscode.Uri.from({ scheme: INSPECT_SCHEME, path: `/${name}.txt`, query: JSON.stringify(params) });
    changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
  };

  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(INSPECT_SCHEME, provider),
    vscode.commands.registerCommand('meshgw.showMergedGateway', show),
  );
}

function paramsOf(uri: vscode.Uri): MergedGatewayParams | null {
  try {
    const params = JSON.parse(uri.query) as MergedGatewayParams;
    return typeof params?.textDocument?.uri === 'string' && typeof params.position?.line === 'number' ? params : null;
  } catch {
    return null;
  }
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1) || 'gateways';
}
