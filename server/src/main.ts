#!/usr/bin/env node
import { readPinnedNow } from '@meshgw/engine/startup';
import { serveStdio } from './stdio.js';

// `node server/dist/main.js --stdio`: the language server on standard input and output.
// MESHGW_NOW pins the clock (an ISO 8601 date), as for the meshgw command; any other value stops
// the server with exit status 2 and a sentence on stderr (stdout carries only the protocol).
const pinned = readPinnedNow(process.env.MESHGW_NOW);
if ('error' in pinned) {
  process.stderr.write(`meshgw language server: ${pinned.error}\n`);
  process.exit(2);
}
const at = pinned.now;
serveStdio({ now: at ? () => new Date(at) : () => new Date() });
