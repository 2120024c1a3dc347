import { indexPath, fieldPath } from '../../base/path.js';
import { itemAnchor, keySpan, listField, specAnchor, tagsField } from '../../resources/decode.js';
import { checkTags } from './tag-checks.js';
import type { Report } from '../rule.js';
import type { ResourceDoc } from '../../resources/types.js';

/**
 * Kuma's `ValidateSelectors` for the `selectors` of a MeshGateway or MeshGatewayRoute: at least
 * one selector, each a non-empty `match` with `kuma.io/service`, and with `atMostOne` (a
 * crossMesh gateway) no second selector.
 */
export function checkSelectors(doc: ResourceDoc, report: Report, options: { atMostOne: boolean }): void {
  const selectors = listField(doc.spec, 'selectors');
  if (selectors.value.length === 0) {
    report({
      path: 'selectors',
      message: 'must have at least one element',
      span: selectors.pair ? keySpan(selectors.pair) : specAnchor(doc),
    });
  }
  selectors.value.forEach((item, i) => {
    const path = indexPath('selectors', i);
    const match = tagsField(item, 'match');
    checkTags(
      fieldPath(path, 'match'),
      match.value,
      match.pair ? keySpan(match.pair) : itemAnchor(item),
      { values: 'selector', requireAtLeastOneTag: true, requireService: true },
      (p, message, span) => report({ path: p, message, span }),
    );
    if (i > 0 && options.atMostOne) report({ path, message: 'there can be at most one selector', span: itemAnchor(item) });
  });
}
