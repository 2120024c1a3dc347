import { compareVersions, inRange, parseKumaVersion } from '@meshgw/engine/testing';
import { describe, expect, it } from 'vitest';

describe('Kuma versions', () => {
  it('parses a minor or a patch, with or without a leading v', () => {
    expect(parseKumaVersion('2.7')).toEqual({ major: 2, minor: 7, patch: null });
    expect(parseKumaVersion('v2.14.3')).toEqual({ major: 2, minor: 14, patch: 3 });
    expect(parseKumaVersion('2')).toBeNull();
    expect(parseKumaVersion('2.x')).toBeNull();
  });

  it('orders 2.9 before 2.10, and a bare minor after its patches', () => {
    const v = (t: string) => parseKumaVersion(t)!;
    expect(compareVersions(v('2.9'), v('2.10'))).toBeLessThan(0);
    expect(compareVersions(v('2.14'), v('2.14.3'))).toBeGreaterThan(0);
  });

  it('holds a version in [since, until)', () => {
    const v = (t: string) => parseKumaVersion(t)!;
    const range = { since: '2.3', until: '2.6' };
    expect(inRange(v('2.2'), range)).toBe(false);
    expect(inRange(v('2.3'), range)).toBe(true);
    expect(inRange(v('2.5.9'), range)).toBe(true);
    expect(inRange(v('2.6'), range)).toBe(false);
    expect(inRange(v('2.0'), undefined)).toBe(true);
  });
});
