export { startServer } from './server.js';
export type { ServerOptions } from './server.js';
export { ControlPlaneStatusNotification, MergedGatewayRequest, REFRESH_CONTROL_PLANE_COMMAND } from './protocol.js';
export type { ControlPlaneStatus, MergedGatewayParams, MergedGatewayResult } from './protocol.js';
