import { fieldPath, indexPath } from '../../base/path.js';
import { enumField, itemAnchor, keySpan, listField, messageField, stringField, valueSpan } from '../../resources/decode.js';
import { HEADER_MATCH, HTTP_METHOD, PATH_MATCH, readRoute } from '../../resources/gateway-route.js';
import { inRange } from '../../kuma/versions.js';
import type { KumaVersion } from '../../kuma/versions.js';
import type { AdmissionRule, Report, VersionedCheck } from '../rule.js';
import type { YNode } from '../../syntax/tree.js';

const PREFIX_TRAILING_SLASH_REFUSED: VersionedCheck = {
  versions: { until: '2.1' },
  what: 'refuses a PREFIX path ending in `/` other than `/` itself (`does not need a trailing slash …`)',
};
const TRAILING_SLASH = 'does not need a trailing slash because only a `/`-separated prefix or an entire path is matched';
const HEADER_PRESENCE_MATCHES: VersionedCheck = {
  versions: { since: '2.1' },
  what: 'has the header matches ABSENT and PRESENT, whose `value` must be empty (`cannot be set`); before, every header needs a value',
};

/**
 * The matches of each MeshGatewayRoute HTTP rule: at least one, each with a condition; paths
 * absolute (REGEX: non-empty; in 2.0, PREFIX without a trailing slash); header and query
 * conditions complete.
 */
export const routeHttpRules: AdmissionRule = {
  id: 'route-http-rules',
  kinds: ['MeshGatewayRoute'],
  group: 'route-http-rule',
  changes: [PREFIX_TRAILING_SLASH_REFUSED, HEADER_PRESENCE_MATCHES],
  check(doc, report, target) {
    const route = readRoute(doc);
    if (route.route !== 'http') return;
    for (const rule of route.httpRules) {
      const item = rule.index;
      const matchesPath = fieldPath(rule.path, 'matches');
      if (rule.matches.value.length === 0) {
        report({ path: matchesPath, message: 'cannot be empty', span: rule.matches.pair ? keySpan(rule.matches.pair) : itemAnchor(rule.node), item });
        continue;
      }
      rule.matches.value.forEach((match, m) => {
        checkMatch(match, indexPath(matchesPath, m), (v) => report({ ...v, item }), target);
      });
    }
  },
};

function checkMatch(match: YNode, path: string, report: Report, target: KumaVersion): void {
  const pathField = messageField(match, 'path');
  const method = enumField(match, HTTP_METHOD, 'method');
  const headers = listField(match, 'headers');
  const query = listField(match, 'queryParameters', 'query_parameters');
  if (!pathField.value && method.value === HTTP_METHOD.NONE && headers.value.length === 0 && query.value.length === 0) {
    report({ path, message: 'cannot be empty', span: itemAnchor(match) });
  }
  if (pathField.value && pathField.pair) {
    const kind = enumField(pathField.value, PATH_MATCH, 'match').value;
    const value = stringField(pathField.value, 'value');
    const span = value.pair ? valueSpan(value.pair) : keySpan(pathField.pair);
    // Kuma prints these at `matches[m].value`, without `.path`.
    const valuePath = fieldPath(path, 'value');
    if (kind === PATH_MATCH.REGEX) {
      if (value.value === '') report({ path: valuePath, message: 'cannot be empty', span });
    } else if (kind === PATH_MATCH.PREFIX) {
      if (value.value !== '/' && value.value.endsWith('/') && inRange(target, PREFIX_TRAILING_SLASH_REFUSED.versions)) {
        report({ path: valuePath, message: TRAILING_SLASH, span });
      }
      if (value.value !== '/' && !value.value.startsWith('/')) report({ path: valuePath, message: 'must be an absolute path', span });
    } else if (!value.value.startsWith('/')) {
      report({ path: valuePath, message: 'must be an absolute path', span });
    }
  }
  headers.value.forEach((header, h) => {
    const at = indexPath(fieldPath(path, 'headers'), h);
    const name = stringField(header, 'name');
    const value = stringField(header, 'value');
    const kind = enumField(header, HEADER_MATCH, 'match').value;
    if (name.value === '') {
      report({ path: fieldPath(at, 'name'), message: 'cannot be empty', span: name.pair ? valueSpan(name.pair) : itemAnchor(header) });
    }
    const valueAt = value.pair ? valueSpan(value.pair) : itemAnchor(header);
    if ((kind === HEADER_MATCH.ABSENT || kind === HEADER_MATCH.PRESENT) && inRange(target, HEADER_PRESENCE_MATCHES.versions)) {
      if (value.value !== '') report({ path: fieldPath(at, 'value'), message: 'cannot be set', span: valueAt });
    } else if (value.value === '') {
      report({ path: fieldPath(at, 'value'), message: 'cannot be empty', span: valueAt });
    }
  });
  query.value.forEach((param, q) => {
    const at = indexPath(fieldPath(path, 'query_parameters'), q);
    const name = stringField(param, 'name');
    const value = stringField(param, 'value');
    if (name.value === '') {
      report({ path: fieldPath(at, 'name'), message: 'cannot be empty', span: name.pair ? valueSpan(name.pair) : itemAnchor(param) });
    }
    if (value.value === '') {
      report({ path: fieldPath(at, 'value'), message: 'cannot be empty', span: value.pair ? valueSpan(value.pair) : itemAnchor(param) });
    }
  });
}
