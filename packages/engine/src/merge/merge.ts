import type { KumaVersion } from '../kuma/versions.js';
import { resolveCertificate, type CertificateContext } from './certificate-use.js';
import { hostnameOrder, mergePorts } from './ports.js';
import { attachForGroups, type RouteAttachment } from './routes.js';
import { tagRecord } from './selection.js';
import { bindDataplanes, wouldBind, type Binding, type LostDataplane } from './binding.js';
import { gatewayTags, type TagGroup } from './dataplane-tags.js';
import { rememberedMerge, type GatewayMergeReads } from './merge-memo.js';
import type { BoundDataplane, MergedGateway, MergedListener } from './types.js';
import type { DataplaneModel, GatewayModel, GatewayRouteModel, PolicyRouteModel } from '../resources/types.js';
import type { Diagnostic } from '../base/diagnostic.js';
import { diagnostic } from '../base/diagnostic.js';
import type { DiagnosticCode } from '../base/codes.js';
import { resourceRef } from '../resources/resource-ref.js';
import { SERVICE_TAG } from '../kuma/reserved-tags.js';
import type { ResourceDoc } from '../resources/types.js';
import type { Location, Span } from '../base/types.js';

/** Resources Kuma refuses: they take no effect, but the places that would use them say so. */
export interface RefusedResources {
  /** Refused gateways, still merged for display, with Kuma's errors. */
  gateways: Map<GatewayModel, { path: string | null; message: string }[]>;
  dataplanes: DataplaneModel[];
  routes: GatewayRouteModel[];
  policies: PolicyRouteModel[];
  /** Kuma's error text for a refused resource. */
  error: (doc: ResourceDoc) => string;
}

/** Everything of one mesh-wide workspace the merge needs, already modelled. */
export interface MergeInput {
  /** The gateways to show: those that exist, and refused ones (see `refused.gateways`). */
  gateways: GatewayModel[];
  /** Dataplanes, routes and policies that exist on the control plane. */
  dataplanes: DataplaneModel[];
  routes: GatewayRouteModel[];
  policies: PolicyRouteModel[];
  refused: RefusedResources;
  /** Other copies of a gateway with the same mesh and name. */
  duplicates: (gateway: GatewayModel) => Location[];
  certificates: CertificateContext;
  dataplaneStatus: Record<string, { online: boolean; zone: string | null }>;
  /** The Kuma version whose merge applies (host order changed in 2.6). */
  kumaVersion: KumaVersion;
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
 * Builds the merged model of every gateway: bound dataplanes (Kuma's selection among the
 * gateways that exist), ports (listeners merged by port), each listener's final tags per bound
 * dataplane with their layers, attached routes and resolved certificates. Diagnostics about
 * references are attached to each gateway.
 */
export function mergeGateways(input: MergeInput): MergeResult {
  const admitted = input.gateways.filter((g) => !input.refused.gateways.has(g));
  const binding = bindDataplanes(admitted, input.dataplanes);
  const attachments = new Map<GatewayModel, RouteAttachment>();
  const merged = new Map<GatewayModel, MergedGateway>();
  const context: GatewayContext = {
    input,
    binding,
    admitted,
    routeCandidates: routeIndex(input.routes),
    refusedRouteCandidates: routeIndex(input.refused.routes),
    policiesByMesh: groupBy(input.policies, (p) => p.mesh),
    attachments,
  };
  const gateways = input.gateways.map((gateway) => {
    const m = mergeGateway(gateway, context);
    merged.set(gateway, m);
    return m;
  });
  return { gateways, merged, attachments, bindings: binding.bindings };
}

/** What merging one gateway reads besides the gateway itself. */
interface GatewayContext {
  input: MergeInput;
  binding: Binding;
  admitted: GatewayModel[];
  routeCandidates: (mesh: string, tags: Record<string, string>[]) => GatewayRouteModel[];
  refusedRouteCandidates: (mesh: string, tags: Record<string, string>[]) => GatewayRouteModel[];
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
  const { input, binding } = context;
  const refusal = input.refused.gateways.get(gateway) ?? null;
  const mine = (binding.bound.get(gateway) ?? []).sort((a, b) => (a.dp.name < b.dp.name ? -1 : a.dp.name > b.dp.name ? 1 : 0));
  const tags = gatewayTags(gateway, mine.map((m) => m.dp));
  const attachment = attachForGroups(
    gateway,
    refusal ? [] : tags.groups,
    (records) => context.routeCandidates(gateway.mesh, records),
    context.policiesByMesh.get(gateway.mesh) ?? [],
  );
  context.attachments.set(gateway, attachment);
  const lost = binding.lost.get(gateway) ?? [];
  const { refused } = input;
  const reads: GatewayMergeReads = {
    kumaVersion: input.kumaVersion,
    refusal,
    mine,
    lost,
    tags,
    attachment,
    certificates: input.certificates,
    dataplaneStatus: input.dataplaneStatus,
    duplicates: input.duplicates(gateway),
    refusedNearby: refused.dataplanes.length + refused.routes.length + refused.policies.length > 0,
  };
  return rememberedMerge(gateway, reads, () => mergedGateway(gateway, context, reads));
}

/** Merges one gateway from what `mergeGateway` read for it. */
function mergedGateway(gateway: GatewayModel, context: GatewayContext, reads: GatewayMergeReads): MergedGateway {
  const { input } = context;
  const { refusal, mine, tags, attachment, lost } = reads;
  const diagnostics: Diagnostic[] = [];
  const listeners: MergedListener[] = gateway.listeners.map((l, i) => ({
    index: l.index,
    location: { file: gateway.doc.file, span: l.span },
    port: l.port,
    protocol: l.protocol,
    hostname: l.hostname,
    tlsMode: l.tls ? l.tls.mode : null,
    crossMesh: l.crossMesh,
    finalTags: tags.common[i],
    finalTagsByDataplane: tags.byDataplane[i],
    varyingTags: tags.varying[i],
    routes: attachment.perListener[i] ?? [],
    certificates:
      l.tls && l.tls.mode === 'TERMINATE' && (l.protocol === 'HTTPS' || l.protocol === 'TLS') && !l.crossMesh
        ? l.tls.certificates.map((ref) => resolveCertificate(gateway, l, ref, input.certificates, diagnostics))
        : [],
    written: l.written,
  }));
  for (const l of listeners) checkCertificatePair(gateway, l, diagnostics);
  if (!refusal) {
    diagnostics.push(...contestedDiagnostics(gateway, lost));
    diagnostics.push(...refusedReferenceDiagnostics(gateway, tags.groups, context));
  }
  return {
    mesh: gateway.mesh,
    name: gateway.name,
    location: { file: gateway.doc.file, span: gateway.doc.nameNode?.span ?? gateway.doc.span },
    ports: mergePorts(gateway.listeners, hostnameOrder(input.kumaVersion)),
    listeners,
    dataplanes: boundDataplanes(mine, input),
    lostDataplanes: lost.map((l) => ({ name: l.dataplane.name, winner: l.winner.name, reason: l.reason })),
    dataplaneLayerFromSelector: mine.length === 0,
    admitted: refusal === null,
    admissionErrors: refusal ?? [],
    duplicates: reads.duplicates,
    diagnostics,
  };
}

function gatewayWarning(gateway: GatewayModel, code: DiagnosticCode, span: Span, message: string, path: string | null = null): Diagnostic {
  return diagnostic({ code, severity: 'warning', path, message, file: gateway.doc.file, span, resource: resourceRef(gateway.doc) });
}

/** One warning per winning gateway and reason, at the losing gateway's selector. */
function contestedDiagnostics(gateway: GatewayModel, lost: LostDataplane[]): Diagnostic[] {
  const groups = groupBy(lost, (l) => `${l.winner.name}\u0000${l.reason}\u0000${l.selectorIndex}`);
  return [...groups.values()].map((group) => {
    const { winner, reason, selectorIndex } = group[0];
    const names = group.map((l) => `"${l.dataplane.name}"`);
    const shown = names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
    const subject = group.length === 1 ? `Dataplane ${shown} matches` : `${group.length} dataplanes (${shown}) match`;
    const span = gateway.selectors[selectorIndex]?.span ?? gateway.doc.nameNode?.span ?? gateway.doc.span;
    return gatewayWarning(gateway, 'dataplane-contested', span,
      `${subject} selector #${selectorIndex} of this gateway, but Kuma gives ${group.length === 1 ? 'it' : 'them'} to MeshGateway "${winner.name}": ${reason}.`);
  });
}

/** What refused routes and dataplanes would have done to this gateway, said once each. */
function refusedReferenceDiagnostics(gateway: GatewayModel, groups: TagGroup[], context: GatewayContext): Diagnostic[] {
  const { refused } = context.input;
  const out: Diagnostic[] = [];
  const at = gateway.doc.nameNode?.span ?? gateway.doc.span;
  if (refused.routes.length > 0 || refused.policies.length > 0) {
    const wouldBe = attachForGroups(
      gateway,
      groups,
      (records) => context.refusedRouteCandidates(gateway.mesh, records),
      refused.policies.filter((p) => p.mesh === gateway.mesh),
    );
    const seen = new Map<string, { kind: string; name: string; doc: ResourceDoc; listeners: number[] }>();
    wouldBe.perListener.forEach((routes, i) => {
      for (const r of routes) {
        const key = `${r.kind}/${r.name}`;
        const doc = [...refused.routes, ...refused.policies].find((x) => x.doc.kind === r.kind && x.name === r.name)?.doc;
        if (!doc) continue;
        const entry = seen.get(key) ?? { kind: r.kind, name: r.name, doc, listeners: [] };
        entry.listeners.push(i);
        seen.set(key, entry);
      }
    });
    for (const r of seen.values()) {
      const where = r.listeners.map((i) => `#${i} (port ${gateway.listeners[i].port})`).join(', ');
      out.push(gatewayWarning(gateway, 'reference-rejected', gateway.listeners[r.listeners[0]].span,
        `${r.kind} "${r.name}" would attach to listener ${where}, but Kuma rejects it: ${refused.error(r.doc)}`));
    }
  }
  for (const dp of refused.dataplanes) {
    if (dp.mesh !== gateway.mesh || wouldBind(context.admitted, dp) !== gateway) continue;
    out.push(gatewayWarning(gateway, 'reference-rejected', at,
      `Dataplane "${dp.name}" would run this gateway, but Kuma rejects it: ${refused.error(dp.doc)}`));
  }
  return out;
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
