import { fieldPath, indexPath } from '../../base/path.js';
import { checkBackend } from '../checks/backend-checks.js';
import { itemAnchor, keySpan, listField, lookup, stringField, uintField, valueSpan } from '../../resources/decode.js';
import { readRoute, rewritePrefixPair } from '../../resources/gateway-route.js';
import type { FilterRead, HttpRuleRead } from '../../resources/gateway-route.js';
import { inRange } from '../../kuma/versions.js';
import type { KumaVersion } from '../../kuma/versions.js';
import type { AdmissionRule, Report, VersionedCheck } from '../rule.js';
import type { YNode } from '../../syntax/tree.js';

const REDIRECT_SCHEME_HOSTNAME_REQUIRED: VersionedCheck = {
  versions: { until: '2.2' },
  what: 'requires a redirect\'s `scheme` and `hostname` (`cannot be empty`)',
};

/**
 * The filters of each MeshGatewayRoute HTTP rule: request header changes complete and not
 * touching the Host header when the host is rewritten; redirect port and status code (before
 * 2.2 also scheme and hostname); mirror percentage and backend; prefix rewrites only with a
 * prefix match; a redirect alone.
 */
export const routeFilters: AdmissionRule = {
  id: 'route-filters',
  kinds: ['MeshGatewayRoute'],
  group: 'route-http-rule',
  changes: [REDIRECT_SCHEME_HOSTNAME_REQUIRED],
  check(doc, report, target) {
    const route = readRoute(doc);
    if (route.route !== 'http') return;
    for (const rule of route.httpRules) {
      if (rule.matches.value.length === 0) continue;
      const item = rule.index;
      const filtersPath = fieldPath(rule.path, 'filters');
      rule.numbered.forEach((filter, f) => {
        checkFilter(filter, indexPath(filtersPath, f), rule, (v) => report({ ...v, item }), target);
      });
      if (rule.redirectConflict && rule.filters.pair) {
        report({ path: filtersPath, message: 'redirects cannot be used with other filters', span: keySpan(rule.filters.pair), item });
      }
    }
  },
};

function checkFilter(filter: FilterRead, path: string, rule: HttpRuleRead, report: Report, target: KumaVersion): void {
  if (!filter.body || !filter.pair) return;
  const body = filter.body;
  const bodyKey = keySpan(filter.pair);
  switch (filter.kind) {
    case 'request_header': {
      const at = fieldPath(path, 'request_header');
      const set = listField(body, 'set');
      const add = listField(body, 'add');
      const remove = listField(body, 'remove');
      if (set.value.length === 0 && add.value.length === 0 && remove.value.length === 0) {
        report({ path: at, message: 'cannot be empty', span: bodyKey });
      }
      checkHeaders(set.value, fieldPath(at, 'set'), rule.hostRewrite, report);
      checkHeaders(add.value, fieldPath(at, 'add'), rule.hostRewrite, report);
      remove.value.forEach((name, k) => {
        if (name.kind === 'scalar' && name.type === 'string' && name.value !== '') return;
        report({ path: indexPath(fieldPath(at, 'remove'), k), message: 'cannot be empty', span: name.span });
      });
      return;
    }
    case 'redirect': {
      const at = fieldPath(path, 'redirect');
      if (inRange(target, REDIRECT_SCHEME_HOSTNAME_REQUIRED.versions)) {
        for (const name of ['scheme', 'hostname'] as const) {
          const field = stringField(body, name);
          if (field.value === '') report({ path: fieldPath(at, name), message: 'cannot be empty', span: field.pair ? valueSpan(field.pair) : bodyKey });
        }
      }
      const port = uintField(body, 'port');
      if (port.value > 65535 && port.pair) {
        report({ path: fieldPath(at, 'port'), message: 'port must be in the range [1, 65535]', span: valueSpan(port.pair) });
      }
      const status = uintField(body, 'statusCode', 'status_code');
      if (status.value < 300 || status.value > 308) {
        report({
          path: fieldPath(at, 'status_code'),
          message: 'must be in the range [300, 308]',
          span: status.pair ? valueSpan(status.pair) : bodyKey,
        });
      }
      return;
    }
    case 'mirror': {
      const at = fieldPath(path, 'mirror');
      const percentage = lookup(body, 'percentage');
      const value = percentage ? doubleValue(percentage.value) : null;
      if (value === null) {
        report({ path: fieldPath(at, 'percentage'), message: 'cannot be empty', span: percentage ? keySpan(percentage) : bodyKey });
      } else if (percentage && (value < 0 || value > 100)) {
        report({ path: fieldPath(at, 'percentage'), message: 'has to be in [0.0 - 100.0] range', span: valueSpan(percentage) });
      }
      checkBackend(body, fieldPath(at, 'backend'), bodyKey, report);
      return;
    }
    case 'rewrite': {
      const prefix = rewritePrefixPair(body);
      if (prefix && !rule.hasPrefixMatch) {
        report({
          path: fieldPath(fieldPath(path, 'rewrite'), 'replacePrefixMatch'),
          message: 'cannot be used without a match on path prefix',
          span: keySpan(prefix),
        });
      }
      return;
    }
    default:
      return;
  }
}

function checkHeaders(headers: YNode[], path: string, hostRewrite: boolean, report: Report): void {
  headers.forEach((header, k) => {
    const at = indexPath(path, k);
    const name = stringField(header, 'name');
    const value = stringField(header, 'value');
    if (name.value === ':authority' || name.value === 'Host' || name.value === 'host') {
      if (hostRewrite && name.pair) {
        report({
          path: at,
          message: `cannot modify '${name.value}' header, when route has set 'rewrite.host_to_backend_hostname' option`,
          span: valueSpan(name.pair),
        });
      }
    } else if (name.value === '') {
      report({ path: fieldPath(at, 'name'), message: 'cannot be empty', span: name.pair ? valueSpan(name.pair) : itemAnchor(header) });
    }
    if (value.value === '') {
      report({ path: fieldPath(at, 'value'), message: 'cannot be empty', span: value.pair ? valueSpan(value.pair) : itemAnchor(header) });
    }
  });
}

/**
 * A `google.protobuf.DoubleValue` as the decoder reads it: a finite number, a string holding a
 * JSON number, or the strings `NaN`, `Infinity`, `-Infinity`. Anything else is a parse error and
 * reads as absent (null).
 */
function doubleValue(node: YNode): number | null {
  if (node.kind !== 'scalar') return null;
  if (node.type === 'number') return Number.isFinite(node.value) ? (node.value as number) : null;
  if (node.type !== 'string') return null;
  const s = node.value as string;
  if (s === 'NaN') return Number.NaN;
  if (s === 'Infinity') return Number.POSITIVE_INFINITY;
  if (s === '-Infinity') return Number.NEGATIVE_INFINITY;
  return /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?$/.test(s) ? Number(s) : null;
}
