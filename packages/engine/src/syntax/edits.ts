import type { TextEdit } from '../base/diagnostic.js';
import type { YMap, YNode, YPair } from './tree.js';

/** The map a pair sits in, and the pair of the map's own key: what removing a last pair removes. */
export interface PairOwner {
  map: YMap;
  pair: YPair;
}

/**
 * An edit that removes `pair` from `map`, block or flow style: from its key to the next key (the
 * next pair then starts where this one did, at the same indent), or for the last pair from the
 * end of the previous value. When it is the map's only pair, the map's own key goes instead
 * (`owners`, innermost first, say where that key sits), or, with no owner left, the map
 * becomes `{}`.
 */
export function removePairEdit(map: YMap, pair: YPair, owners: PairOwner[] = []): TextEdit {
  const i = map.pairs.indexOf(pair);
  if (map.pairs.length <= 1 || i < 0) {
    const [owner, ...rest] = owners;
    return owner ? removePairEdit(owner.map, owner.pair, rest) : { span: map.span, newText: '{}' };
  }
  if (i < map.pairs.length - 1) return { span: { start: pair.key.span.start, end: map.pairs[i + 1].key.span.start }, newText: '' };
  return { span: { start: contentEnd(map.pairs[i - 1].value), end: contentEnd(pair.value) }, newText: '' };
}

/** Where a node's text ends: a block collection's span also holds the newline after it. */
export function contentEnd(node: YNode): number {
  if (node.kind === 'map' && !node.flow && node.pairs.length > 0) {
    const last = node.pairs[node.pairs.length - 1];
    return Math.max(last.key.span.end, contentEnd(last.value));
  }
  if (node.kind === 'seq' && !node.flow && node.items.length > 0) return contentEnd(node.items[node.items.length - 1]);
  return node.span.end;
}

/** The text from the start of `offset`'s line up to `offset`, as spaces: the indent of a key written there. */
export function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return ' '.repeat(offset - lineStart);
}
