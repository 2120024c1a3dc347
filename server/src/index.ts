export { startServer } from './server.js';
export type { ServerOptions } from './server.js';
export { MergedGatewayRequest } from './protocol.js';
export type { MergedGatewayParams, MergedGatewayResult } from './protocol.js';
