import { keyPath } from '../../base/path.js';
import { keySpan, valueSpan } from '../../resources/decode.js';
import type { TagEntry } from '../../resources/decode.js';
import type { Span } from '../../base/types.js';
import { SERVICE_TAG } from '../../kuma/reserved-tags.js';
import { removePairEdit, type PairOwner } from '../../syntax/edits.js';
import type { Fix } from '../../base/diagnostic.js';
import type { YNode } from '../../syntax/tree.js';

/**
 * Kuma's checks of a tag map (`validateTagKeyValues` with the options of `ValidateSelector` or
 * `ValidateTags`), shared by selectors, gateway and listener tags, backend destinations,
 * Dataplane gateway tags and targetRef tags.
 */

/** Receives one violation: Kuma's path, Kuma's message, the node, and fixes when there are. */
export type Emit = (path: string, message: string, span: Span, fixes?: Fix[]) => void;

export interface TagCheckOptions {
  /** `selector`: values may also hold `/` or be `*` (ValidateSelector); `tags`: neither. */
  values: 'selector' | 'tags';
  requireAtLeastOneTag?: boolean;
  requireService?: boolean;
  /** Keys that may not be used: `tag name must not be "KEY"`. */
  reservedKeys?: readonly string[];
  /** Checks of the whole map; Kuma runs them after the count check, before the per-key ones. */
  mapChecks?: ((entries: TagEntry[], path: string, emit: Emit) => void)[];
  /**
   * Where the map is written, and the pairs holding it (innermost first): a reserved key then
   * comes with a fix that removes it (and the map's key when it was the only tag).
   */
  written?: { map: YNode | null; owners: PairOwner[] };
}


const TAG_NAME = /^[a-zA-Z0-9.\-_:/]*$/;
const TAG_VALUE = /^[a-zA-Z0-9.\-_:]*$/;
const SELECTOR_VALUE = /^([a-zA-Z0-9.\-_:/]*|\*)$/;

/**
 * Checks `entries` (in Go's sorted order) of the map at `path`. `mapSpan` is where map-level
 * violations point: the map's key, or the parent's when the map is not written.
 */
export function checkTags(path: string, entries: TagEntry[], mapSpan: Span, options: TagCheckOptions, emit: Emit): void {
  if (options.requireAtLeastOneTag && entries.length === 0) emit(path, 'must have at least one tag', mapSpan);
  if (options.mapChecks) for (const check of options.mapChecks) check(entries, path, emit);
  for (const entry of entries) {
    // The entry's path is quoted only for a violation: most tags have none.
    if (entry.key === '') emit(path, 'tag name must be non-empty', keySpan(entry.pair));
    if (!TAG_NAME.test(entry.key)) {
      emit(keyPath(path, entry.key), 'tag name must consist of alphanumeric characters, dots, dashes, slashes and underscores', keySpan(entry.pair));
    }
    if (options.reservedKeys?.includes(entry.key)) {
      emit(keyPath(path, entry.key), `tag name must not be ${JSON.stringify(entry.key)}`, keySpan(entry.pair), removeTagFix(entry, options.written));
    }
    if (entry.value === '') emit(keyPath(path, entry.key), 'tag value must be non-empty', valueSpan(entry.pair));
    if (options.values === 'selector') {
      if (!SELECTOR_VALUE.test(entry.value)) {
        emit(keyPath(path, entry.key), 'tag value must consist of alphanumeric characters, dots, dashes, slashes and underscores or be "*"', valueSpan(entry.pair));
      }
    } else if (!TAG_VALUE.test(entry.value)) {
      emit(keyPath(path, entry.key), 'tag value must consist of alphanumeric characters, dots, dashes and underscores', valueSpan(entry.pair));
    }
  }
  if (options.requireService && !entries.some((e) => e.key === SERVICE_TAG)) {
    emit(path, `mandatory tag "${SERVICE_TAG}" is missing`, mapSpan);
  }
}

/** "Remove the tag KEY", when the map it is written in is known. */
function removeTagFix(entry: TagEntry, written: TagCheckOptions['written']): Fix[] | undefined {
  if (written?.map?.kind !== 'map' || !written.map.pairs.includes(entry.pair)) return undefined;
  return [{ title: `Remove the tag "${entry.key}"`, edits: [removePairEdit(written.map, entry.pair, written.owners)] }];
}
