import { BACKEND_KINDS, dataplaneType } from '../../resources/dataplane.js';
import { isIP } from '../checks/net-address.js';
import { fieldPath, indexPath } from '../../base/path.js';
import { itemAnchor, keySpan, listField, messageField, stringField, tagsField, uintField, valueSpan } from '../../resources/decode.js';
import { checkTags } from '../checks/tag-checks.js';
import { inRange } from '../../kuma/versions.js';
import type { KumaVersion, VersionRange } from '../../kuma/versions.js';
import type { AdmissionRule, Report } from '../rule.js';
import type { YMap, YNode, YPair } from '../../syntax/tree.js';

const PORT_RANGE = 'port must be in the range [1, 65535]';

/** The kinds a `backendRef` may name (`allowedKinds`), by version, sorted as Kuma prints them. */
const BACKEND_REF_KINDS: readonly { versions: VersionRange; kinds: readonly string[] }[] = [
  { versions: { until: '2.8' }, kinds: ['MeshService'] },
  { versions: { since: '2.8', until: '2.9' }, kinds: ['MeshExternalService', 'MeshService'] },
  { versions: { since: '2.9' }, kinds: BACKEND_KINDS },
];
/** From 2.9 a `backendRef` names its target by `name` or `labels`; before, `name` was required. */
const NAME_OR_LABELS: VersionRange = { since: '2.9' };
/** From 2.8 a MeshExternalService `backendRef` needs no port (it comes from the endpoints). */
const EXTERNAL_WITHOUT_PORT: VersionRange = { since: '2.8' };

/**
 * Each outbound of a Dataplane, of any type (a builtin gateway may not have outbounds, see
 * `dataplane-builtin-sections`, yet Kuma still validates each one): port, address, and a target,
 * either tags with `kuma.io/service` (or, up to 2.3, `service`) or, from 2.7, a `backendRef`.
 */
export const dataplaneOutbound: AdmissionRule = {
  id: 'dataplane-outbound',
  kinds: ['Dataplane'],
  check(doc, report, target) {
    if (!dataplaneType(doc)) return;
    const networking = messageField(doc.spec, 'networking').value;
    listField(networking, 'outbound').value.forEach((outbound, i) => checkOutbound(outbound, indexPath('networking.outbound', i), report, target));
  },
};

function checkOutbound(outbound: YNode, path: string, report: Report, target: KumaVersion): void {
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
  const tagsPath = fieldPath(path, 'tags');
  // The `service` field (up to 2.3); later versions drop it and read the service from the tags.
  const service = stringField(outbound, 'service').value;
  if (backendRef.value && backendRef.pair) {
    checkBackendRef(backendRef.value, backendRef.pair, fieldPath(path, 'backendRef'), report, target);
  } else if (tags.value.length === 0) {
    if (service === '') report({ path: tagsPath, message: 'mandatory tag "kuma.io/service" is missing', span: tags.pair ? keySpan(tags.pair) : anchor });
  } else {
    checkTags(tagsPath, tags.value, tags.pair ? keySpan(tags.pair) : anchor, { values: 'tags', requireService: true }, (p, message, span) =>
      report({ path: p, message, span }),
    );
  }
  if (backendRef.value && backendRef.pair && (tags.value.length > 0 || service !== '')) {
    report({ path: fieldPath(path, 'backendRef'), message: 'both backendRef and tags/service cannot be defined', span: keySpan(backendRef.pair) });
  }
}

function checkBackendRef(ref: YMap, pair: YPair, path: string, report: Report, target: KumaVersion): void {
  const key = keySpan(pair);
  const kind = stringField(ref, 'kind');
  const kinds = BACKEND_REF_KINDS.find((k) => inRange(target, k.versions))?.kinds ?? BACKEND_KINDS;
  if (!kinds.includes(kind.value)) {
    report({ path: fieldPath(path, 'kind'), message: `invalid value. Available values are: ${kinds.join(',')}`, span: kind.pair ? valueSpan(kind.pair) : key });
  }
  const name = stringField(ref, 'name');
  if (inRange(target, NAME_OR_LABELS)) {
    if (name.value === '' && tagsField(ref, 'labels').value.length === 0) {
      report({ path, message: "either 'name' or 'labels' should be specified", span: key });
    }
  } else if (name.value === '') {
    report({ path: fieldPath(path, 'name'), message: 'cannot be empty', span: name.pair ? valueSpan(name.pair) : key });
  }
  if (kind.value !== 'MeshExternalService' || !inRange(target, EXTERNAL_WITHOUT_PORT)) {
    const refPort = uintField(ref, 'port');
    if (refPort.value === 0 || refPort.value > 65535) {
      report({ path: fieldPath(path, 'port'), message: PORT_RANGE, span: refPort.pair ? valueSpan(refPort.pair) : key });
    }
  }
}
