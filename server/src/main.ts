#!/usr/bin/env node
import { startServer } from './server.js';

// `node server/dist/main.js --stdio`: the language server on standard input and output.
// MESHGW_NOW pins the clock (an ISO 8601 date), as for the meshgw command; any other value stops
// the server with exit status 2 and a sentence on stderr (stdout carries only the protocol).
const pinned = process.env.MESHGW_NOW;
const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
if (pinned && (!iso.test(pinned.trim()) || Number.isNaN(new Date(pinned).getTime()))) {
  process.stderr.write(`meshgw language server: MESHGW_NOW must be an ISO 8601 date such as 2026-06-01T00:00:00Z, not "${pinned}"\n`);
  process.exit(2);
}
startServer({ now: pinned ? () => new Date(pinned) : () => new Date() });
