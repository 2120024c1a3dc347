import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ControlPlaneStatusNotification, REFRESH_CONTROL_PLANE_COMMAND, type ControlPlaneStatus } from '../../server/src/protocol.js';
import { controlPlaneStatusText } from '../../server/src/status-text.js';

/**
 * The status bar item of the control plane the server analyses against (`meshgw.controlPlane`):
 * `meshgw: prod · Kuma 2.13 · 3 meshes · 12 s ago`, its age counted here every few seconds from
 * the server's last `meshgw/controlPlaneStatus`; hidden when no control plane is set. A click
 * refreshes (`meshgw.refreshControlPlane`, which the language client registers for the server).
 */
export function registerControlPlaneStatus(context: vscode.ExtensionContext, client: LanguageClient): void {
  const item = vscode.window.createStatusBarItem('meshgw.controlPlane', vscode.StatusBarAlignment.Left, 0);
  item.name = 'meshgw control plane';
  item.command = REFRESH_CONTROL_PLANE_COMMAND;
  let last: ControlPlaneStatus | null = null;
  const render = () => {
    const text = last ? controlPlaneStatusText(last, Date.now()) : null;
    if (text === null || last === null) {
      item.hide();
      return;
    }
    item.text = `${last.state === 'failed' ? '$(warning) ' : last.state === 'connecting' ? '$(sync~spin) ' : ''}${text}`;
    item.tooltip = last.error ? `The last refresh failed: ${last.error}\nClick to refresh.` : 'Click to refresh the control plane\'s state.';
    item.show();
  };
  const timer = setInterval(render, 5000);
  context.subscriptions.push(
    item,
    { dispose: () => clearInterval(timer) },
    client.onNotification(ControlPlaneStatusNotification, (status) => {
      last = status;
      render();
    }),
  );
}
