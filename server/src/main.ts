#!/usr/bin/env node
import { startServer } from './server.js';

// `node server/dist/main.js --stdio`: the language server on standard input and output.
// MESHGW_NOW pins the clock (an ISO date), as for the meshgw command.
const pinned = process.env.MESHGW_NOW;
startServer({ now: pinned ? () => new Date(pinned) : () => new Date() });
