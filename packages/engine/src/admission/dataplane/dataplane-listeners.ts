import { dataplaneType } from '../../resources/dataplane.js';
import { addressViolations } from './dataplane-address.js';
import { DATAPLANE_FIELD_VERSIONS } from '../../kuma/dataplane-field-versions.js';
import { DP_LISTENER_TYPE_ENUM, enumNumbers } from '../../kuma/enums.js';
import { fieldPath, goQuote, indexPath } from '../../base/path.js';
import { enumField, itemAnchor, listField, messageField, stringField, uintField, valueSpan } from '../../resources/decode.js';
import type { AdmissionRule } from '../rule.js';
import type { YNode } from '../../syntax/tree.js';

const LISTENER_TYPE = enumNumbers(DP_LISTENER_TYPE_ENUM);
const PATH = 'networking.listeners';

/**
 * The zone proxy listeners of a sidecar Dataplane (`networking.listeners`, since 2.14): a type,
 * an address and a port each; names unique across inbounds and listeners; no two listeners on
 * one address:port, nor one on an inbound's address:port.
 */
export const dataplaneListeners: AdmissionRule = {
  id: 'dataplane-listeners',
  kinds: ['Dataplane'],
  versions: DATAPLANE_FIELD_VERSIONS.listeners,
  check(doc, report) {
    if (dataplaneType(doc) !== 'sidecar') return;
    const networking = messageField(doc.spec, 'networking').value;
    const inbounds = listField(networking, 'inbound').value;
    const names = new Set(inbounds.map(sectionName));
    const taken = new Map<string, number>();
    const dataplaneAddress = stringField(networking, 'address').value;
    listField(networking, 'listeners').value.forEach((listener, i) => {
      const path = indexPath(PATH, i);
      const anchor = itemAnchor(listener);
      const type = enumField(listener, LISTENER_TYPE, 'type');
      if (type.value === LISTENER_TYPE.Unspecified) {
        report({ path: fieldPath(path, 'type'), message: 'type must be ZoneIngress or ZoneEgress', span: type.pair ? valueSpan(type.pair) : anchor });
      }
      const address = stringField(listener, 'address');
      for (const message of addressViolations(address.value)) {
        report({ path: fieldPath(path, 'address'), message, span: address.pair ? valueSpan(address.pair) : anchor });
      }
      const port = uintField(listener, 'port');
      if (port.value === 0 || port.value > 65535) {
        report({ path: fieldPath(path, 'port'), message: 'port must be in the range [1, 65535]', span: port.pair ? valueSpan(port.pair) : anchor });
      }
      const name = stringField(listener, 'name');
      if (name.value !== '') {
        if (names.has(name.value)) {
          report({ path: fieldPath(path, 'name'), message: `name ${goQuote(name.value)} must be unique across inbounds and listeners`, span: valueSpan(name.pair!) });
        }
        names.add(name.value);
      }
      const key = `${address.value}:${port.value}`;
      const other = taken.get(key);
      if (other === undefined) taken.set(key, type.value);
      else {
        const message = other === type.value ? `address:port ${key} is already used by another listener` : `address:port ${key} is used by listeners of different types`;
        report({ path, message, span: anchor });
      }
      if (inbounds.some((inbound) => `${stringField(inbound, 'address').value || dataplaneAddress}:${uintField(inbound, 'port').value}` === key)) {
        report({ path, message: `address:port ${key} collides with an inbound listener`, span: anchor });
      }
    });
  },
};

/** `GetSectionName` of an inbound: its name, or its port as text. */
function sectionName(inbound: YNode): string {
  return stringField(inbound, 'name').value || String(uintField(inbound, 'port').value);
}
