import { resolveCertificate, type CertificateContext } from './certificate-use.js';
import { mergePorts } from './ports.js';
import { attachRoutes, type RouteAttachment } from './routes.js';
import { gatewayIndex, selectAmong, tagRecord } from './selection.js';
import { finalTagRecord, finalTags, guaranteedBySelector, type TagSource } from './final-tags.js';
import type { BoundDataplane, MergedGateway, MergedListener } from './types.js';
import type { DataplaneModel, GatewayModel, GatewayRouteModel, PolicyRouteModel } from '../resources/types.js';
import type { Diagnostic } from '../base/diagnostic.js';
import { diagnostic } from '../base/diagnostic.js';
import type { DiagnosticCode } from '../base/codes.js';
import { resourceRef } from '../resources/resource-ref.js';
import { SERVICE_TAG } from '../kuma/reserved-tags.js';

/** Everything of one mesh-wide workspace the merge needs, already modelled. */
export interface MergeInput {
  gateways: GatewayModel[];
  dataplanes: DataplaneModel[];
  routes: GatewayRouteModel[];
  policies: PolicyRouteModel[];
  certificates: CertificateContext;
  dataplaneStatus: Record<string, { online: boolean; zone: string | null }>;
}

export interface MergeResult {
  gateways: MergedGateway[];
  /** Each gateway model's merged gateway: how editor features go from a document to its merge. */
  merged: Map<GatewayModel, MergedGateway>;
  attachments: Map<GatewayModel, RouteAttachment>;
  /** Builtin dataplanes with the gateway Kuma gives each (null: none matches). */
  bindings: Map<DataplaneModel, GatewayModel | null>;
}

/**
 * Builds the merged model of every gateway: bound dataplanes (Kuma's selection), ports
 * (listeners merged by port), each listener's final tags with their layers, attached routes and
 * resolved certificates. Diagnostics about references are attached to each gateway.
 */
export function mergeGateways(input: MergeInput): MergeResult {
  const selection = bindDataplanes(input);
  const attachments = new Map<GatewayModel, RouteAttachment>();
  const merged = new Map<GatewayModel, MergedGateway>();
  const context: GatewayContext = {
    input,
    selection,
    routeCandidates: routeIndex(input.routes),
    policiesByMesh: groupBy(input.policies, (p) => p.mesh),
    attachments,
  };
  const gateways = input.gateways.map((gateway) => {
    const m = mergeGateway(gateway, context);
    merged.set(gateway, m);
    return m;
  });
  return { gateways, merged, attachments, bindings: selection.bindings };
}

/** Which gateway Kuma gives each builtin dataplane, and what each gateway loses to another. */
interface Selection {
  bindings: Map<DataplaneModel, GatewayModel | null>;
  bound: Map<GatewayModel, { dp: DataplaneModel; selectorIndex: number }[]>;
  lost: Map<GatewayModel, { name: string; winner: string }[]>;
}

function bindDataplanes(input: MergeInput): Selection {
  const out: Selection = { bindings: new Map(), bound: new Map(), lost: new Map() };
  const candidates = gatewayIndex(input.gateways);
  for (const dp of input.dataplanes) {
    if (!dp.builtin) continue;
    const tags = tagRecord(dp.gatewayTags);
    const selection = selectAmong(tags, candidates(dp.mesh, tags));
    const binding = selection.winner;
    out.bindings.set(dp, binding ? binding.gateway : null);
    if (!binding) continue;
    const list = out.bound.get(binding.gateway) ?? [];
    list.push({ dp, selectorIndex: binding.selector.index });
    out.bound.set(binding.gateway, list);
    for (const g of selection.matching) {
      if (g === binding.gateway) continue;
      const l = out.lost.get(g) ?? [];
      l.push({ name: dp.name, winner: binding.gateway.name });
      out.lost.set(g, l);
    }
  }
  return out;
}

/** What merging one gateway reads besides the gateway itself. */
interface GatewayContext {
  input: MergeInput;
  selection: Selection;
  routeCandidates: (mesh: string, tags: Record<string, string>[]) => GatewayRouteModel[];
  policiesByMesh: Map<string, PolicyRouteModel[]>;
  /** Filled with the gateway's route attachment. */
  attachments: Map<GatewayModel, RouteAttachment>;
}

function boundDataplanes(mine: { dp: DataplaneModel; selectorIndex: number }[], input: MergeInput): BoundDataplane[] {
  return mine.map(({ dp, selectorIndex }) => {
    const status = input.dataplaneStatus[`${dp.mesh}/${dp.name}`];
    return {
      mesh: dp.mesh,
      name: dp.name,
      address: dp.address,
      location: dp.doc.file ? { file: dp.doc.file, span: dp.doc.nameNode?.span ?? dp.doc.span } : null,
      tags: tagRecord(dp.gatewayTags),
      selectorIndex,
      online: status ? status.online : null,
      zone: status?.zone ?? tagRecord(dp.gatewayTags)['kuma.io/zone'] ?? null,
    };
  });
}

function mergeGateway(gateway: GatewayModel, context: GatewayContext): MergedGateway {
  const { input, selection } = context;
  const mine = (selection.bound.get(gateway) ?? []).sort((a, b) => (a.dp.name < b.dp.name ? -1 : a.dp.name > b.dp.name ? 1 : 0));
  // The dataplane layer: the first bound dataplane's gateway tags, or what the first
  // selector guarantees when no bound dataplane is known.
  const fromSelector = mine.length === 0;
  const dpLayer: TagSource = fromSelector
    ? { layer: 'selector', file: gateway.doc.file, tags: guaranteedBySelector(gateway.selectors[0]?.match ?? []) }
    : { layer: 'dataplane', file: mine[0].dp.doc.file, tags: mine[0].dp.gatewayTags };
  const gatewayLayer: TagSource = { layer: 'gateway', file: gateway.doc.file, tags: gateway.tags };
  const perListenerTags = gateway.listeners.map((l) =>
    finalTags([dpLayer, gatewayLayer, { layer: 'listener', file: gateway.doc.file, tags: l.tags }]),
  );
  const tagRecords = perListenerTags.map(finalTagRecord);
  const attachment = attachRoutes(gateway, tagRecords, context.routeCandidates(gateway.mesh, tagRecords), context.policiesByMesh.get(gateway.mesh) ?? []);
  context.attachments.set(gateway, attachment);
  const diagnostics: Diagnostic[] = [];
  const listeners: MergedListener[] = gateway.listeners.map((l, i) => ({
    index: l.index,
    location: { file: gateway.doc.file, span: l.span },
    port: l.port,
    protocol: l.protocol,
    hostname: l.hostname,
    tlsMode: l.tls ? l.tls.mode : null,
    crossMesh: l.crossMesh,
    finalTags: perListenerTags[i],
    routes: attachment.perListener[i],
    certificates:
      l.tls && l.tls.mode === 'TERMINATE' && (l.protocol === 'HTTPS' || l.protocol === 'TLS') && !l.crossMesh
        ? l.tls.certificates.map((ref) => resolveCertificate(gateway, l, ref, input.certificates, diagnostics))
        : [],
  }));
  for (const l of listeners) checkCertificatePair(gateway, l, diagnostics);
  return {
    mesh: gateway.mesh,
    name: gateway.name,
    location: { file: gateway.doc.file, span: gateway.doc.nameNode?.span ?? gateway.doc.span },
    ports: mergePorts(gateway.listeners),
    listeners,
    dataplanes: boundDataplanes(mine, input),
    lostDataplanes: selection.lost.get(gateway) ?? [],
    dataplaneLayerFromSelector: fromSelector,
    diagnostics,
  };
}

/** Two certificates of one listener: Kuma wants one RSA and one ECDSA, and no secret twice. */
function checkCertificatePair(gateway: GatewayModel, listener: MergedListener, out: Diagnostic[]): void {
  const certs = listener.certificates;
  if (certs.length !== 2) return;
  const [a, b] = certs;
  const warn = (code: DiagnosticCode, message: string) =>
    out.push(diagnostic({
      code,
      severity: 'warning',
      path: `${gateway.doc.pathPrefix}conf.listeners[${listener.index}].tls.certificates[1]`,
      message,
      file: gateway.doc.file,
      span: b.location.span,
      resource: resourceRef(gateway.doc),
    }));
  if (a.secret && b.secret && a.secret.name === b.secret.name) {
    warn('certificate-duplicate', `Secret "${a.secret.name}" is listed twice; Kuma fails to generate the gateway with duplicate TLS certificate "cert.${(a.bundle?.certificates[0]?.keyType ?? 'rsa').toLowerCase()}:secret:${a.secret.name}".`);
    return;
  }
  const ta = a.bundle?.certificates[0]?.keyType;
  const tb = b.bundle?.certificates[0]?.keyType;
  if (ta && tb && ta === tb) {
    warn('certificates-same-key-type', `Both certificates have ${ta} keys; a listener takes one RSA and one ECDSA certificate, and Envoy serves only one certificate per key type.`);
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * MeshGatewayRoutes that could attach to listeners with the given final tags, in their original
 * order. A selector needs `kuma.io/service`, and every listener's tags carry the dataplane's
 * service, so only routes with a selector naming one of those services (or `*`, or none: an
 * admission error, kept to stay exact) are candidates. This keeps the merge linear in the
 * number of gateways and routes.
 */
function routeIndex(routes: GatewayRouteModel[]): (mesh: string, tags: Record<string, string>[]) => GatewayRouteModel[] {
  const byMesh = groupBy(routes, (r) => r.mesh);
  const services = new Map<GatewayRouteModel, Set<string> | null>();
  for (const r of routes) {
    const set = new Set<string>();
    let any = false;
    for (const s of r.selectors) {
      const service = s.match.find((m) => m.key === SERVICE_TAG);
      if (!service || service.value === '*') any = true;
      else set.add(service.value);
    }
    services.set(r, any ? null : set);
  }
  return (mesh, tags) => {
    const wanted = new Set(tags.map((t) => t[SERVICE_TAG]).filter((v): v is string => v !== undefined));
    return (byMesh.get(mesh) ?? []).filter((r) => {
      const s = services.get(r);
      if (!s) return true;
      for (const v of s) if (wanted.has(v)) return true;
      return false;
    });
  };
}
