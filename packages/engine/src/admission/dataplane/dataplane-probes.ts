import { dataplaneType } from '../../resources/dataplane.js';
import { isRequestURI } from '../../base/go-url.js';
import { fieldPath, indexPath } from '../../base/path.js';
import { itemAnchor, keySpan, listField, messageField, stringField, uintField, valueSpan } from '../../resources/decode.js';
import type { AdmissionRule, Report } from '../rule.js';
import type { Field } from '../../resources/decode.js';
import type { Span } from '../../base/types.js';

const PORT_RANGE = 'port must be in the range [1, 65535]';

/**
 * The virtual probes of a sidecar or delegated gateway Dataplane (`probes`): a valid port, and
 * for each endpoint a valid inbound port and two absolute paths. A builtin gateway may not have
 * probes at all (`dataplane-builtin-sections`).
 */
export const dataplaneProbes: AdmissionRule = {
  id: 'dataplane-probes',
  kinds: ['Dataplane'],
  check(doc, report) {
    const type = dataplaneType(doc);
    if (type !== 'sidecar' && type !== 'delegated') return;
    const probes = messageField(doc.spec, 'probes');
    if (!probes.value || !probes.pair) return;
    const anchor = keySpan(probes.pair);
    checkPort(uintField(probes.value, 'port'), 'probes.port', anchor, report);
    listField(probes.value, 'endpoints').value.forEach((endpoint, i) => {
      const path = indexPath('probes.endpoints', i);
      const at = itemAnchor(endpoint);
      checkPort(uintField(endpoint, 'inboundPort', 'inbound_port'), fieldPath(path, 'inboundPort'), at, report);
      for (const [name, proto] of [['inboundPath', 'inbound_path'], ['path', 'path']] as const) {
        const field = stringField(endpoint, name, proto);
        if (!isRequestURI(field.value)) {
          report({ path: fieldPath(path, name), message: 'should be a valid URL Path', span: field.pair ? valueSpan(field.pair) : at });
        }
      }
    });
  },
};

function checkPort(port: Field<number>, path: string, anchor: Span, report: Report): void {
  if (port.value === 0 || port.value > 65535) report({ path, message: PORT_RANGE, span: port.pair ? valueSpan(port.pair) : anchor });
}
