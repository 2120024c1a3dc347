import { diffText } from '@meshgw/engine';
import { ErrorCodes, MessageType, ResponseError, ShowMessageNotification, type Connection, type ExecuteCommandParams } from 'vscode-languageserver/node';
import type { ServerContext } from '../context.js';
import type { LiveControlPlane } from '../live/control-plane.js';
import { uriToPath } from '../uri.js';
import { CONTROL_PLANE_DIFF_COMMAND, REFRESH_CONTROL_PLANE_COMMAND, type ControlPlaneDiffResult, type ControlPlaneStatus } from '../protocol.js';

/**
 * `workspace/executeCommand`. `meshgw.refreshControlPlane` fetches the control plane's state
 * now and answers with its status once the fetch ends (the one request that waits for the
 * network, because it asks to). `meshgw.controlPlaneDiff URI [{ show: false }]` answers with what
 * applying the file changes, as `meshgw diff` prints it, from the last snapshot; it also shows
 * the text in a message unless told not to (a client that opens it as a document itself).
 */
export function onExecuteCommand(connection: Connection, ctx: ServerContext, live: LiveControlPlane) {
  return async (params: ExecuteCommandParams): Promise<ControlPlaneStatus | ControlPlaneDiffResult | null> => {
    if (params.command === REFRESH_CONTROL_PLANE_COMMAND) {
      await live.refresh();
      return live.status();
    }
    if (params.command === CONTROL_PLANE_DIFF_COMMAND) {
      const [uri, options] = params.arguments ?? [];
      if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${CONTROL_PLANE_DIFF_COMMAND} takes the URI of a file`);
      await ctx.ready();
      const diffs = ctx.store.liveDifferences(ctx.store.key(uri));
      if (diffs.length === 0) return null;
      // Files are keyed by URI inside the server; the diff names them by path, as the CLI does.
      const text = diffText(diffs.map((d) => ({ ...d, file: { ...d.file, after: d.file.after === null ? null : (uriToPath(d.file.after) ?? d.file.after) } })));
      if ((options as { show?: unknown } | undefined)?.show !== false) {
        void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: text }).catch(() => undefined);
      }
      return { uri, text };
    }
    ctx.log(`meshgw: unknown command ${params.command}`);
    throw new ResponseError(ErrorCodes.InvalidParams, `meshgw does not know the command ${params.command}`);
  };
}
