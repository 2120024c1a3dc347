import { BACKEND_KINDS, BACKEND_KINDS_MESSAGE, dataplaneType } from '../../resources/dataplane.js';
import { DATAPLANE_FIELD_VERSIONS } from '../../kuma/dataplane-field-versions.js';
import { IDENTIFIER, IDENTIFIER_MESSAGE, identifierViolation } from '../checks/identifier.js';
import { fieldPath, indexPath } from '../../base/path.js';
import { itemAnchor, keySpan, listField, messageField, stringField, tagsField, valueSpan } from '../../resources/decode.js';
import type { AdmissionRule } from '../rule.js';

/** Kuma prints this path with its own spelling (`transparentProxing`). */
const PATH = 'networking.transparentProxing.reachableBackends.refs';

/**
 * The `reachableBackends` refs under `networking.transparentProxying` of a Dataplane of any type
 * (a field since 2.9): a known kind, and a valid name or labels (not both).
 */
export const dataplaneTransparentProxying: AdmissionRule = {
  id: 'dataplane-reachable-backends',
  kinds: ['Dataplane'],
  versions: DATAPLANE_FIELD_VERSIONS.reachableBackends,
  check(doc, report) {
    if (!dataplaneType(doc)) return;
    const networking = messageField(doc.spec, 'networking').value;
    const tp = messageField(networking, 'transparentProxying', 'transparent_proxying').value;
    const reachable = messageField(tp, 'reachableBackends', 'reachable_backends').value;
    if (!reachable) return;
    listField(reachable, 'refs').value.forEach((ref, i) => {
      const path = indexPath(PATH, i);
      const anchor = itemAnchor(ref);
      const kind = stringField(ref, 'kind');
      if (!BACKEND_KINDS.includes(kind.value)) {
        report({ path: fieldPath(path, 'kind'), message: BACKEND_KINDS_MESSAGE, span: kind.pair ? valueSpan(kind.pair) : anchor });
      }
      const name = stringField(ref, 'name');
      const namespace = stringField(ref, 'namespace').value;
      const labels = tagsField(ref, 'labels');
      const namePath = fieldPath(path, 'name');
      const nameSpan = name.pair ? valueSpan(name.pair) : anchor;
      if (name.value !== '') {
        const violation = identifierViolation(name.value, IDENTIFIER, IDENTIFIER_MESSAGE);
        if (violation) report({ path: namePath, message: violation, span: nameSpan });
      }
      if (name.value === '' && namespace === '' && labels.value.length === 0) {
        report({ path: namePath, message: 'name or labels are required', span: nameSpan });
      }
      if (name.value === '' && namespace !== '') {
        report({ path: namePath, message: 'name is required, when namespace is defined', span: nameSpan });
      }
      if ((name.value !== '' || namespace !== '') && labels.value.length > 0 && labels.pair) {
        report({ path: fieldPath(path, 'labels'), message: 'labels cannot be defined when name is specified', span: keySpan(labels.pair) });
      }
    });
  },
};
