// The commands of `workspace/executeCommand`, shared by the server, its early answer to
// `initialize` and the extension (through `protocol.ts`). This module imports nothing.

/** `workspace/executeCommand`: fetch the control plane's state now. No arguments. */
export const REFRESH_CONTROL_PLANE_COMMAND = 'meshgw.refreshControlPlane';

/**
 * `workspace/executeCommand`: what applying a file would change against the control plane.
 * Arguments: the file's URI. Result: `ControlPlaneDiffResult`, or null when nothing differs.
 */
export const CONTROL_PLANE_DIFF_COMMAND = 'meshgw.controlPlaneDiff';
