#!/usr/bin/env node
// The `meshgw` command. The compiled entry point lives in ../dist; run `npm run build` first.
// React (in the terminal app) runs its production build unless told otherwise.
process.env.NODE_ENV ??= 'production';
import('../dist/main.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND') {
    process.stderr.write('meshgw: not built yet; run `npm run build` in the repository first.\n');
    process.exit(2);
  }
  throw error;
});
