import { describe, expect, it } from 'vitest';
import { CHEAP_PUSH_MS, createPushPacing } from '../../server/src/handlers/push-pacing.js';

describe('push pacing', () => {
  it('pushes at once while pushes are cheap, however fast keys come', () => {
    const pacing = createPushPacing({ max: 50 });
    expect(pacing.delay('a', 0)).toBe(0);
    pacing.took(['a'], CHEAP_PUSH_MS - 1);
    expect(pacing.delay('a', 1)).toBe(0);
    expect(pacing.delay('a', 2)).toBe(0);
  });

  it('waits as long as a push takes while keys come faster than that, at most `max`', () => {
    const pacing = createPushPacing({ max: 50 });
    pacing.took(['a'], 30);
    expect(pacing.delay('a', 0)).toBe(0);
    expect(pacing.delay('a', 10)).toBe(30);
    expect(pacing.delay('a', 100)).toBe(0);
    pacing.took(['a'], 400);
    expect(pacing.delay('a', 120)).toBe(50);
  });

  it('keeps the cost of each file apart; changes on disk use the last push', () => {
    const pacing = createPushPacing({ max: 50 });
    pacing.took(['big'], 40);
    pacing.took(['small'], 2);
    expect(pacing.delay('small', 0)).toBe(0);
    expect(pacing.delay('small', 1)).toBe(0);
    expect(pacing.delay('big', 0)).toBe(0);
    expect(pacing.delay('big', 5)).toBe(40);
    pacing.took([], 20);
    expect(pacing.delay(undefined, 0)).toBe(0);
    expect(pacing.delay(undefined, 5)).toBe(20);
  });
});
