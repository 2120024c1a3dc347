import type { FinalTag, TagLayer } from './types.js';
import type { Location } from '../base/types.js';
import type { Tag } from '../resources/types.js';

/** One layer of tags, in the order Kuma overlays them. */
export interface TagSource {
  layer: TagLayer;
  file: string | null;
  tags: Tag[];
}

/**
 * A listener's final tags: each layer overlays the ones before it, later keys winning, so
 * listener tags beat gateway tags, which beat the dataplane's gateway tags. Each tag records the
 * layer it came from and the values it overrode. Keys are sorted for a stable output.
 */
export function finalTags(layers: TagSource[]): FinalTag[] {
  const out = new Map<string, FinalTag>();
  for (const layer of layers) {
    for (const t of layer.tags) {
      const location: Location | null = layer.file ? { file: layer.file, span: t.valueSpan } : null;
      const prev = out.get(t.key);
      const overridden = prev ? [...prev.overridden, { from: prev.from, value: prev.value }] : [];
      out.set(t.key, { key: t.key, value: t.value, from: layer.layer, location, overridden });
    }
  }
  return [...out.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * `finalTags([...lower, ...upper])` from the final tags of each part: `lower` under `upper`, both
 * sorted as `finalTags` sorts. A gateway's layers are overlaid once per listener and each
 * dataplane's once, then put together per dataplane and listener; tags that override nothing
 * are the parts' own objects, shared between results (which callers must not change).
 */
export function overlayTags(lower: FinalTag[], upper: FinalTag[]): FinalTag[] {
  const out: FinalTag[] = [];
  let i = 0;
  let j = 0;
  while (i < lower.length || j < upper.length) {
    const l = lower[i];
    const u = upper[j];
    if (u === undefined || (l !== undefined && l.key < u.key)) {
      out.push(l);
      i++;
    } else if (l === undefined || u.key < l.key) {
      out.push(u);
      j++;
    } else {
      out.push({ ...u, overridden: [...l.overridden, { from: l.from, value: l.value }, ...u.overridden] });
      i++;
      j++;
    }
  }
  return out;
}

export function finalTagRecord(tags: FinalTag[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags) out[t.key] = t.value;
  return out;
}

/** The tags a selector guarantees on any dataplane it matches: its exact-valued tags. */
export function guaranteedBySelector(match: Tag[]): Tag[] {
  return match.filter((t) => t.value !== '*' && t.value !== '');
}
