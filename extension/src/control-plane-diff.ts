import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { CONTROL_PLANE_DIFF_COMMAND, type ControlPlaneDiffResult } from '../../server/src/protocol.js';

/** The scheme of the read-only documents that show what applying a file changes. */
export const DIFF_SCHEME = 'meshgw-diff';

/**
 * `meshgw.controlPlaneDiff` (the code action on `differs-from-control-plane`) in VS Code: the
 * server answers with the text instead of showing it in a message, and the text opens beside
 * the editor as a read-only `diff` document.
 */
export function controlPlaneDiffMiddleware(context: vscode.ExtensionContext): Pick<Middleware, 'executeCommand'> {
  const texts = new Map<string, string>();
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(DIFF_SCHEME, { provideTextDocumentContent: (uri) => texts.get(uri.toString()) ?? 'No difference any more.' }),
  );
  return {
    async executeCommand(command, args, next) {
      if (command !== CONTROL_PLANE_DIFF_COMMAND) return next(command, args);
      const result = (await next(command, [args[0], { show: false }])) as ControlPlaneDiffResult | null;
      if (!result) {
        void vscode.window.showInformationMessage('meshgw: this file changes nothing the control plane does.');
        return null;
      }
      const name = vscode.Uri.parse(result.uri).path.split('/').pop() ?? 'file';
      const uri = vscode.Uri.from({ scheme: DIFF_SCHEME, path: `/${name}.diff`, query: result.uri });
      texts.set(uri.toString(), `${result.text}\n`);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.languages.setTextDocumentLanguage(doc, 'diff');
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
      return result;
    },
  };
}
