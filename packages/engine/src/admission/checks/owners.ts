import type { PairOwner } from '../../syntax/edits.js';
import type { YNode, YPair } from '../../syntax/tree.js';

/** The owner chain of a field written in `map`: the map and the field's pair (none when either is missing). */
export function ownersOf(map: YNode | null, pair: YPair | null): PairOwner[] {
  return map?.kind === 'map' && pair ? [{ map, pair }] : [];
}
