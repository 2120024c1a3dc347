export { startServer } from './server.js';
export type { ServerOptions } from './server.js';
