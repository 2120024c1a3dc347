import { certificateFileDatasource } from './certificate-file-datasource.js';
import { certificatesIgnoredPassthrough } from './certificates-ignored-passthrough.js';
import { connectionLimitDropped } from './connection-limit-dropped.js';
import { crossMeshDropped } from './cross-mesh-dropped.js';
import { dataplaneAddress } from './dataplane-address.js';
import { dataplaneAdmin } from './dataplane-admin.js';
import { dataplaneBuiltin } from './dataplane-builtin.js';
import { dataplaneGatewayTags } from './dataplane-gateway-tags.js';
import { dataplaneInbound } from './dataplane-inbound.js';
import { dataplaneNetworking } from './dataplane-networking.js';
import { dataplaneOutbound } from './dataplane-outbound.js';
import { dataplaneTransparentProxying } from './dataplane-transparent-proxying.js';
import { gatewayConf } from './gateway-conf.js';
import { gatewayListener } from './gateway-listener.js';
import { gatewayListenerTags } from './gateway-listener-tags.js';
import { gatewayListenerTls } from './gateway-listener-tls.js';
import { gatewayPortConflicts } from './gateway-port-conflicts.js';
import { gatewaySelectors } from './gateway-selectors.js';
import { gatewayTags } from './gateway-tags.js';
import { meta } from './meta.js';
import { policyRouteBackends } from './policy-route-backends.js';
import { policyRouteTarget } from './policy-route-target.js';
import { policyRouteTo } from './policy-route-to.js';
import { routeBackends } from './route-backends.js';
import { routeConf } from './route-conf.js';
import { routeFilters } from './route-filters.js';
import { routeHttpRules } from './route-http-rules.js';
import { routeSelectors } from './route-selectors.js';
import { secretKubernetes } from './secret-kubernetes.js';
import { tlsIgnored } from './tls-ignored.js';
import { tlsListenerWithoutTls } from './tls-listener-without-tls.js';
import type { AdmissionRule, WarningRule } from './rule.js';

/**
 * Kuma's admission checks, in the order Kuma runs them for each kind (violations come out in
 * this order). `meta` is the name/mesh stage: validate.ts places it before the spec checks on
 * Kubernetes and after them on Universal, as Kuma does.
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
  dataplaneGatewayTags,
  dataplaneAddress,
  dataplaneInbound,
  dataplaneOutbound,
  dataplaneTransparentProxying,
  policyRouteTarget,
  policyRouteTo,
  policyRouteBackends,
  secretKubernetes,
  meta,
];

/** The stage of Kuma's admission that checks name and mesh. */
export const META_RULE: AdmissionRule = meta;

/** What Kuma accepts but then drops or fails on when it generates the gateway's configuration. */
export const WARNING_RULES: readonly WarningRule[] = [
  certificateFileDatasource,
  tlsListenerWithoutTls,
  connectionLimitDropped,
  crossMeshDropped,
  tlsIgnored,
  certificatesIgnoredPassthrough,
];

export type { AdmissionRule, Report, Violation, WarningRule } from './rule.js';
