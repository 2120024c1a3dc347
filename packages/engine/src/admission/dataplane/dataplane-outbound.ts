import { BACKEND_KINDS, BACKEND_KINDS_MESSAGE, isBuiltinGateway } from '../../resources/dataplane.js';
import { isIP } from '../checks/net-address.js';
import { fieldPath, indexPath } from '../../base/path.js';
import { itemAnchor, keySpan, listField, messageField, stringField, tagsField, uintField, valueSpan } from '../../resources/decode.js';
import { checkTags } from '../checks/tag-checks.js';
import type { AdmissionRule } from '../rule.js';
import { SERVICE_TAG } from '../../kuma/reserved-tags.js';

const PORT_RANGE = 'port must be in the range [1, 65535]';

/**
 * Outbounds of a builtin gateway Dataplane are refused (see `dataplane-builtin-sections`), yet
 * Kuma still validates each one as for any Dataplane; this rule reports those checks.
 */
export const dataplaneOutbound: AdmissionRule = {
  id: 'dataplane-outbound',
  kinds: ['Dataplane'],
  check(doc, report) {
    if (!isBuiltinGateway(doc)) return;
    const networking = messageField(doc.spec, 'networking').value;
    listField(networking, 'outbound').value.forEach((outbound, i) => {
      const path = indexPath('networking.outbound', i);
      const anchor = itemAnchor(outbound);
      const port = uintField(outbound, 'port');
      if (port.value === 0 || port.value > 65535) {
        report({ path: fieldPath(path, 'port'), message: PORT_RANGE, span: port.pair ? valueSpan(port.pair) : anchor });
      }
      const address = stringField(outbound, 'address');
      if (address.value !== '' && !isIP(address.value) && address.pair) {
        report({ path: fieldPath(path, 'address'), message: 'address has to be valid IP address', span: valueSpan(address.pair) });
      }
      const backendRef = messageField(outbound, 'backendRef');
      const tags = tagsField(outbound, 'tags');
      const hasService = tags.value.some((t) => t.key === SERVICE_TAG && t.value !== '');
      if (backendRef.value && backendRef.pair) {
        const refPath = fieldPath(path, 'backendRef');
        const refKey = keySpan(backendRef.pair);
        const kind = stringField(backendRef.value, 'kind');
        if (!BACKEND_KINDS.includes(kind.value)) {
          report({ path: fieldPath(refPath, 'kind'), message: BACKEND_KINDS_MESSAGE, span: kind.pair ? valueSpan(kind.pair) : refKey });
        }
        const name = stringField(backendRef.value, 'name').value;
        if (name === '' && tagsField(backendRef.value, 'labels').value.length === 0) {
          report({ path: refPath, message: "either 'name' or 'labels' should be specified", span: refKey });
        }
        if (kind.value !== 'MeshExternalService') {
          const refPort = uintField(backendRef.value, 'port');
          if (refPort.value === 0 || refPort.value > 65535) {
            report({ path: fieldPath(refPath, 'port'), message: PORT_RANGE, span: refPort.pair ? valueSpan(refPort.pair) : refKey });
          }
        }
      } else if (tags.value.length === 0) {
        report({
          path: fieldPath(path, 'tags'),
          message: 'mandatory tag "kuma.io/service" is missing',
          span: tags.pair ? keySpan(tags.pair) : anchor,
        });
      } else {
        checkTags(
          fieldPath(path, 'tags'),
          tags.value,
          tags.pair ? keySpan(tags.pair) : anchor,
          { values: 'tags', requireService: true },
          (p, message, span) => report({ path: p, message, span }),
        );
      }
      if (backendRef.value && backendRef.pair && (tags.value.length > 0 || hasService)) {
        report({ path: fieldPath(path, 'backendRef'), message: 'both backendRef and tags/service cannot be defined', span: keySpan(backendRef.pair) });
      }
    });
  },
};
