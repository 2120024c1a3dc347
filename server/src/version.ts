import { createRequire } from 'node:module';

/** The version the server reports in `initialize`: that of the manifest next to the running code. */
export const SERVER_VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;
