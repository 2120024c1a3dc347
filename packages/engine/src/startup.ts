/**
 * What a program reads from its command line and environment before it needs the engine: these
 * modules import nothing, so that `meshgw lsp` can answer its client before the engine loads.
 */
export { readPinnedNow } from './base/pinned-now.js';
export { readKumaVersion } from './kuma/versions.js';
