import { setFlagsFromString } from 'node:v8';

/**
 * Keeps V8's young generation (the new space) at its starting size until the returned function
 * is called. It otherwise doubles while many allocations survive, up to 16 MB per semi-space on
 * a 64-bit Node 20, several times that in resident memory. While a workspace is first read and
 * analysed nearly everything allocated survives (the trees are kept), so a larger young
 * generation saves little work and only raises the process's peak memory; edits afterwards
 * allocate short-lived objects, for which it grows again as V8 sees fit. The maximum cannot be
 * set once the process runs, but the growth factor is read at every growth.
 */
export function holdYoungGeneration(): () => void {
  setFlagsFromString('--semi-space-growth-factor=1');
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    setFlagsFromString(`--semi-space-growth-factor=${V8_DEFAULT_GROWTH_FACTOR}`);
  };
}

/** V8's own default (`node --v8-options`). */
const V8_DEFAULT_GROWTH_FACTOR = 2;
