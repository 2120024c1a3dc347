import { dataplaneAddress } from './dataplane/dataplane-address.js';
import { dataplaneAdmin } from './dataplane/dataplane-admin-port.js';
import { dataplaneBuiltin } from './dataplane/dataplane-builtin-sections.js';
import { dataplaneDelegated } from './dataplane/dataplane-delegated-sections.js';
import { dataplaneGatewayTags } from './dataplane/dataplane-gateway-tags.js';
import { dataplaneInbound } from './dataplane/dataplane-inbound.js';
import { dataplaneInboundRequired } from './dataplane/dataplane-inbound-required.js';
import { dataplaneListeners } from './dataplane/dataplane-listeners.js';
import { dataplaneMetrics } from './dataplane/dataplane-metrics.js';
import { dataplaneNetworking } from './dataplane/dataplane-networking.js';
import { dataplaneOutbound } from './dataplane/dataplane-outbound.js';
import { dataplaneProbes } from './dataplane/dataplane-probes.js';
import { dataplaneTransparentProxying } from './dataplane/dataplane-reachable-backends.js';
import { gatewayConf } from './mesh-gateway/gateway-conf.js';
import { gatewayListener } from './mesh-gateway/gateway-listener.js';
import { gatewayListenerTags } from './mesh-gateway/gateway-listener-tags.js';
import { gatewayListenerTls } from './mesh-gateway/gateway-listener-tls.js';
import { gatewayPortConflicts } from './mesh-gateway/gateway-port-conflicts.js';
import { gatewaySelectors } from './mesh-gateway/gateway-selectors.js';
import { gatewayTags } from './mesh-gateway/gateway-tags.js';
import { meta } from './resource-meta.js';
import { policyRouteBackends } from './policy-route/policy-route-backends.js';
import { policyRouteSchema } from './openapi/policy-route-schema.js';
import { policyRouteTarget } from './policy-route/policy-route-target.js';
import { policyRouteTo } from './policy-route/policy-route-to.js';
import { routeBackends } from './mesh-gateway-route/route-backends.js';
import { routeConf } from './mesh-gateway-route/route-conf.js';
import { routeFilters } from './mesh-gateway-route/route-filters.js';
import { routeHttpRules } from './mesh-gateway-route/route-http-rules.js';
import { routeSelectors } from './mesh-gateway-route/route-selectors.js';
import { secretKubernetes } from './secret/secret-kubernetes.js';
import type { AdmissionRule } from './rule.js';
import type { ResourceKind } from '../kuma/kinds.js';
import type { KumaVersion } from '../kuma/versions.js';
import { inRange } from '../kuma/versions.js';

/**
 * Kuma's admission checks, in the order Kuma runs them for each kind (violations come out in
 * this order). `meta` is the name/mesh stage: validate.ts places it before the spec checks on
 * Kubernetes and after them on Universal, as Kuma does; rules of the `schema` stage run before
 * both.
 */
export const ADMISSION_RULES: readonly AdmissionRule[] = [
  gatewaySelectors,
  gatewayTags,
  gatewayConf,
  gatewayListener,
  gatewayListenerTls,
  gatewayListenerTags,
  gatewayPortConflicts,
  routeSelectors,
  routeConf,
  routeHttpRules,
  routeFilters,
  routeBackends,
  dataplaneNetworking,
  dataplaneAdmin,
  dataplaneBuiltin,
  dataplaneDelegated,
  dataplaneInboundRequired,
  dataplaneGatewayTags,
  dataplaneAddress,
  dataplaneInbound,
  dataplaneOutbound,
  dataplaneTransparentProxying,
  dataplaneProbes,
  dataplaneMetrics,
  dataplaneListeners,
  policyRouteSchema,
  policyRouteTarget,
  policyRouteTo,
  policyRouteBackends,
  secretKubernetes,
  meta,
];

/** The stage of Kuma's admission that checks name and mesh. */
export const META_RULE: AdmissionRule = meta;

/** The admission rules Kuma runs for a kind, in Kuma's order; with a version, only that version's. */
export function admissionRulesFor(kind: ResourceKind, version?: KumaVersion): AdmissionRule[] {
  if (!version) return ADMISSION_RULES.filter((r) => r.kinds.includes(kind));
  let byKind = RULES_BY_VERSION.get(version);
  if (!byKind) {
    byKind = new Map();
    RULES_BY_VERSION.set(version, byKind);
  }
  let rules = byKind.get(kind);
  if (!rules) {
    rules = ADMISSION_RULES.filter((r) => r.kinds.includes(kind) && inRange(version, r.versions));
    byKind.set(kind, rules);
  }
  return rules;
}

// Each document asks for its kind's rules (twice: the schema stage, then the rest); a version
// object is one analysis' target, so the lists are kept per version object and kind. Callers
// must not change the list they get.
const RULES_BY_VERSION = new WeakMap<KumaVersion, Map<ResourceKind, AdmissionRule[]>>();


export type { AdmissionRule, Report, VersionedCheck, Violation, WarningRule } from './rule.js';
