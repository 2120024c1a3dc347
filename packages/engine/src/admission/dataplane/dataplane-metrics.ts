import { dataplaneType } from '../../resources/dataplane.js';
import { DATAPLANE_FIELD_VERSIONS } from '../../kuma/dataplane-field-versions.js';
import { inRange } from '../../kuma/versions.js';
import { fieldPath, indexPath } from '../../base/path.js';
import { boolField, enumField, itemAnchor, keySpan, listField, lookup, messageField, stringField, valueSpan } from '../../resources/decode.js';
import type { AdmissionRule, Report } from '../rule.js';
import type { YMap, YPair } from '../../syntax/tree.js';

/** `PrometheusTlsConfig.Mode`. */
const TLS_MODE: Readonly<Record<string, number>> = { activeMTLSBackend: 0, providedTLS: 1, disabled: 2 };

/**
 * The metrics backend of a sidecar Dataplane (`metrics`): of type `prometheus`, with a
 * configuration that does not set both `skipMTLS` and `tls` differently (from 2.4), and
 * aggregate entries of distinct names. Gateway Dataplanes' metrics are not checked.
 */
export const dataplaneMetrics: AdmissionRule = {
  id: 'dataplane-metrics',
  kinds: ['Dataplane'],
  check(doc, report, target) {
    if (dataplaneType(doc) !== 'sidecar') return;
    const metrics = messageField(doc.spec, 'metrics');
    if (!metrics.value || !metrics.pair) return;
    const type = stringField(metrics.value, 'type');
    if (type.value !== 'prometheus') {
      report({ path: 'metrics.type', message: 'unknown backend type. Available backends: "prometheus"', span: type.pair ? valueSpan(type.pair) : keySpan(metrics.pair) });
      return;
    }
    const conf = messageField(metrics.value, 'conf');
    if (!conf.value || !conf.pair) return;
    if (inRange(target, DATAPLANE_FIELD_VERSIONS.prometheusTls) && tlsConflict(conf.value)) {
      report({ path: 'metrics.conf', message: 'skipMTLS and tls configuration cannot be defined together', span: keySpan(conf.pair) });
      return;
    }
    checkAggregates(conf.value, report);
  },
};

/** `skipMTLS` and `tls` both given, and not saying the same (no mTLS with `disabled`, mTLS with `activeMTLSBackend`). */
function tlsConflict(conf: YMap): boolean {
  const skip = lookup(conf, 'skipMTLS');
  const tls = messageField(conf, 'tls').value;
  if (!skip || isNull(skip) || !tls) return false;
  const skipped = boolField(conf, 'skipMTLS').value;
  const mode = enumField(tls, TLS_MODE, 'mode').value;
  return !((!skipped && mode === TLS_MODE.activeMTLSBackend) || (skipped && mode === TLS_MODE.disabled));
}

function checkAggregates(conf: YMap, report: Report): void {
  const used = new Set<string>();
  listField(conf, 'aggregate').value.forEach((entry, i) => {
    const name = stringField(entry, 'name');
    if (!used.has(name.value)) {
      used.add(name.value);
      return;
    }
    report({
      path: fieldPath(indexPath('metrics.conf.aggregate', i), 'name'),
      message: `duplicate entry: ${name.value}, values have to be unique`,
      span: name.pair ? valueSpan(name.pair) : itemAnchor(entry),
    });
  });
}

function isNull(pair: YPair): boolean {
  return pair.value.kind === 'scalar' && pair.value.type === 'null';
}
