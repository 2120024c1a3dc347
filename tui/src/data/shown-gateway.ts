import type { FinalTag, MergedGateway } from '@meshgw/engine';

/**
 * The merged gateway as the views read it. Each listener's final tags, shared and per dataplane
 * (the bulk of a large gateway: one list per bound dataplane), keep what the detail view shows
 * (key, value, layer, overridden values) and drop where the value is written; equal tags are one
 * shared object. The model is posted from the analysis worker, and a shared object is copied once.
 */
export function shownGateway(g: MergedGateway): MergedGateway {
  const shared = new Map<string, FinalTag>();
  const intern = (t: FinalTag): FinalTag => {
    const id = JSON.stringify([t.key, t.value, t.from, t.overridden]);
    let s = shared.get(id);
    if (!s) {
      s = { key: t.key, value: t.value, from: t.from, location: null, overridden: t.overridden };
      shared.set(id, s);
    }
    return s;
  };
  return {
    ...g,
    listeners: g.listeners.map((l) => ({
      ...l,
      finalTags: l.finalTags.map(intern),
      finalTagsByDataplane: Object.fromEntries(Object.entries(l.finalTagsByDataplane).map(([name, tags]) => [name, tags.map(intern)])),
    })),
  };
}
