import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { finalTags, overlayTags, type TagSource } from '../../packages/engine/src/merge/final-tags.js';
import type { TagLayer } from '../../packages/engine/src/merge/types.js';

// A gateway's final tags are put together from the dataplane's layer and the gateway's layers,
// each overlaid once: the result must be the overlay of all the layers at once.
const tag = fc.record({ key: fc.constantFrom('kuma.io/service', 'kuma.io/zone', 'team', 'vhost', 'a'), value: fc.constantFrom('x', 'y', 'edge', '') });
const layer = (name: TagLayer, file: string | null) =>
  fc.array(tag, { maxLength: 5 }).map((tags): TagSource => ({ layer: name, file, tags: tags.map((t, i) => ({ ...t, keySpan: { start: i, end: i + 1 }, valueSpan: { start: i + 2, end: i + 3 } })) }));

describe('final tags put together from their layers', () => {
  it('equal the overlay of every layer at once', () => {
    fc.assert(
      fc.property(layer('dataplane', 'dp.yaml'), layer('gateway', 'gw.yaml'), layer('listener', 'gw.yaml'), (dp, gw, listener) => {
        expect(overlayTags(finalTags([dp]), finalTags([gw, listener]))).toEqual(finalTags([dp, gw, listener]));
      }),
    );
  });

  it('share the tags that override nothing', () => {
    const dp = finalTags([{ layer: 'dataplane', file: 'dp.yaml', tags: [{ key: 'kuma.io/service', value: 'edge', keySpan: { start: 0, end: 1 }, valueSpan: { start: 2, end: 3 } }] }]);
    const upper = finalTags([{ layer: 'listener', file: 'gw.yaml', tags: [{ key: 'vhost', value: 'a', keySpan: { start: 5, end: 6 }, valueSpan: { start: 7, end: 8 } }] }]);
    const out = overlayTags(dp, upper);
    expect(out[0]).toBe(dp[0]);
    expect(out[1]).toBe(upper[0]);
  });
});
