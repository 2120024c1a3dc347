import { fieldPath, indexPath } from '../base/path.js';
import { boolField, enumField, listField, lookup, messageField } from './decode.js';
import type { Field } from './decode.js';
import type { ResourceDoc } from './types.js';
import type { YMap, YNode, YPair } from '../syntax/tree.js';
import { HEADER_MATCH_ENUM, HTTP_METHOD_ENUM, PATH_MATCH_ENUM, enumNumbers } from '../kuma/enums.js';

/** MeshGatewayRoute fields as Kuma's decoder reads them, shared by the route rules. */

export const PATH_MATCH = enumNumbers(PATH_MATCH_ENUM);
export const HEADER_MATCH = enumNumbers(HEADER_MATCH_ENUM);
export const HTTP_METHOD = enumNumbers(HTTP_METHOD_ENUM);

export type FilterKind = 'request_header' | 'mirror' | 'redirect' | 'rewrite' | 'response_header';

/**
 * The members of the filter oneof, latest declared first: when several are written the decoder
 * sets them in declaration order and the last one set wins.
 */
const FILTER_MEMBERS: readonly { kind: FilterKind; names: string[] }[] = [
  { kind: 'response_header', names: ['responseHeader', 'response_header'] },
  { kind: 'rewrite', names: ['rewrite'] },
  { kind: 'redirect', names: ['redirect'] },
  { kind: 'mirror', names: ['mirror'] },
  { kind: 'request_header', names: ['requestHeader', 'request_header'] },
];

export interface FilterRead {
  node: YNode;
  /** The member set, or null for an item with none. */
  kind: FilterKind | null;
  pair: YPair | null;
  body: YMap | null;
}

export interface HttpRuleRead {
  index: number;
  node: YNode;
  /** `conf.http.rules[r]`. */
  path: string;
  matches: Field<YNode[]>;
  filters: Field<YNode[]>;
  backends: Field<YNode[]>;
  /**
   * The filters Kuma validates and numbers: all but `rewrite` filters with
   * `host_to_backend_hostname: true`, which are taken out first (so later indexes shift).
   */
  numbered: FilterRead[];
  hostRewrite: boolean;
  hasRedirect: boolean;
  hasPrefixMatch: boolean;
  /** A redirect together with any other filter: Kuma stops checking the rule there. */
  redirectConflict: boolean;
}

export interface RouteRead {
  conf: Field<YMap | null>;
  /** The oneof member set: `http` wins over `tcp` when both are written. */
  route: 'http' | 'tcp' | null;
  http: Field<YMap | null>;
  rules: Field<YNode[]>;
  httpRules: HttpRuleRead[];
}

export function readRoute(doc: ResourceDoc): RouteRead {
  const conf = messageField(doc.spec, 'conf');
  const tcp = messageField(conf.value, 'tcp');
  const http = messageField(conf.value, 'http');
  const route = http.value ? 'http' : tcp.value ? 'tcp' : null;
  const rules = listField(http.value, 'rules');
  return { conf, route, http, rules, httpRules: rules.value.map(readHttpRule) };
}

export function readFilter(node: YNode): FilterRead {
  for (const member of FILTER_MEMBERS) {
    const field = messageField(node, ...member.names);
    if (field.value) return { node, kind: member.kind, pair: field.pair, body: field.value };
  }
  return { node, kind: null, pair: null, body: null };
}

function readHttpRule(node: YNode, index: number): HttpRuleRead {
  const matches = listField(node, 'matches');
  const filters = listField(node, 'filters');
  const backends = listField(node, 'backends');
  const numbered: FilterRead[] = [];
  let hostRewrite = false;
  for (const item of filters.value) {
    const filter = readFilter(item);
    if (filter.kind === 'rewrite' && boolField(filter.body, 'hostToBackendHostname', 'host_to_backend_hostname').value) {
      hostRewrite = true;
      continue;
    }
    numbered.push(filter);
  }
  const hasRedirect = numbered.some((f) => f.kind === 'redirect');
  const hasPrefixMatch = matches.value.some((m) => {
    const path = messageField(m, 'path').value;
    return path !== null && enumField(path, PATH_MATCH, 'match').value === PATH_MATCH.PREFIX;
  });
  return {
    index,
    node,
    path: indexPath(fieldPath(fieldPath('conf', 'http'), 'rules'), index),
    matches,
    filters,
    backends,
    numbered,
    hostRewrite,
    hasRedirect,
    hasPrefixMatch,
    redirectConflict: hasRedirect && filters.value.length !== 1,
  };
}

/** Whether a rewrite's path oneof is set to `replacePrefixMatch` (declared after `replaceFull`). */
export function rewritePrefixPair(rewrite: YMap | null): YPair | null {
  const pair = lookup(rewrite, 'replacePrefixMatch', 'replace_prefix_match');
  const v = pair?.value;
  return v && v.kind === 'scalar' && v.type === 'string' ? pair : null;
}
