import { getHeapSpaceStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { holdYoungGeneration } from '../../server/src/lifecycle/young-generation.js';

const newSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_size;

/** Allocates objects that survive, in `mb` megabytes or so, and keeps them. */
function allocateSurvivors(mb: number): unknown[] {
  const kept: unknown[] = [];
  for (let i = 0; i < mb * 10_000; i++) kept.push({ a: i, b: [i, i + 1], c: `s${i}` });
  return kept;
}

describe('the young generation while the workspace is first read', () => {
  it('does not grow while held, and grows again once released', () => {
    const before = newSpace();
    const release = holdYoungGeneration();
    const kept = [allocateSurvivors(40)];
    expect(newSpace()).toBeLessThanOrEqual(before);
    release();
    kept.push(allocateSurvivors(40));
    expect(newSpace()).toBeGreaterThan(before);
    expect(kept.length).toBe(2);
  });
});
