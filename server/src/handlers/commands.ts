import { ResponseError, ErrorCodes, type ExecuteCommandParams } from 'vscode-languageserver/node';
import type { ServerContext } from '../context.js';
import type { LiveControlPlane } from '../live/control-plane.js';
import { REFRESH_CONTROL_PLANE_COMMAND, type ControlPlaneStatus } from '../protocol.js';

/** The commands the server runs (`executeCommandProvider`). */
export const SERVER_COMMANDS = [REFRESH_CONTROL_PLANE_COMMAND];

/**
 * `workspace/executeCommand`. `meshgw.refreshControlPlane` fetches the control plane's state
 * now and answers with its status once the fetch ends (the one request that waits for the
 * network, because it asks to).
 */
export function onExecuteCommand(ctx: ServerContext, live: LiveControlPlane) {
  return async (params: ExecuteCommandParams): Promise<ControlPlaneStatus | null> => {
    if (params.command === REFRESH_CONTROL_PLANE_COMMAND) {
      await live.refresh();
      return live.status();
    }
    ctx.log(`meshgw: unknown command ${params.command}`);
    throw new ResponseError(ErrorCodes.InvalidParams, `meshgw does not know the command ${params.command}`);
  };
}
