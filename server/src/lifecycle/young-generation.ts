import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/**
 * Keeps V8's young generation (the new space) at its starting size until the returned function
 * is called, and from then on lets it grow only up to `capBytes`. It otherwise doubles while many
 * allocations survive, up to 16 MB per semi-space on a 64-bit Node 20, several times that in
 * resident memory. While a workspace is first read and analysed nearly everything allocated
 * survives (the trees are kept), so a larger young generation saves little work and only raises
 * the process's peak memory; edits afterwards allocate short-lived objects, for which a young
 * generation of a few megabytes does as well as the largest. The maximum cannot be set once the
 * process runs, but the growth factor is read at every growth: after each young collection the
 * size is checked, and growth stops at the cap.
 */
export function holdYoungGeneration(capBytes = YOUNG_GENERATION_CAP): () => void {
  setFlagsFromString('--semi-space-growth-factor=1');
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    if (newSpaceSize() >= capBytes) return;
    setFlagsFromString(`--semi-space-growth-factor=${V8_DEFAULT_GROWTH_FACTOR}`);
    const observer = new PerformanceObserver(() => {
      if (newSpaceSize() < capBytes) return;
      setFlagsFromString('--semi-space-growth-factor=1');
      observer.disconnect();
    });
    observer.observe({ entryTypes: ['gc'] });
  };
}

function newSpaceSize(): number {
  return getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
}

/** V8's own default (`node --v8-options`). */
const V8_DEFAULT_GROWTH_FACTOR = 2;

/** The young generation's size at most after the first analysis: two semi-spaces of 4 MB. */
const YOUNG_GENERATION_CAP = 8 * 1024 * 1024;
