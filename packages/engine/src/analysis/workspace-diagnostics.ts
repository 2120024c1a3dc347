import type { MergeResult } from '../merge/merge.js';
import type { WorkspaceModels } from './types.js';
import type { SecretAccess } from '../merge/types.js';
import type { Diagnostic } from '../base/diagnostic.js';
import type { PemBundleFacts } from '../kuma/certificate-types.js';
import type { ResourceDoc } from '../resources/types.js';
import type { Span } from '../base/types.js';
import { pairOf } from '../resources/decode.js';
import { diagnostic } from '../base/diagnostic.js';
import type { DiagnosticCode } from '../base/codes.js';
import { resourceRef } from '../resources/resource-ref.js';

export interface WorkspaceDiagnosticOptions {
  now: Date;
  warningDays: number;
  readBundle: (text: string) => PemBundleFacts;
  secretAccess: (mesh: string) => SecretAccess;
}

/**
 * Findings that need more than one resource: routes that attach nowhere or only to listeners
 * of the other protocol family, MeshGatewayRoutes that a Mesh*Route makes Kuma ignore, routes
 * that target a gateway the workspace lacks, builtin dataplanes no gateway selects, and the
 * contents of Secrets (what Kuma fails on when it loads them, and expiry).
 */
export function workspaceDiagnostics(models: WorkspaceModels, merge: MergeResult, options: WorkspaceDiagnosticOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  const meshesWithGateways = new Set(models.gateways.map((g) => g.mesh));
  const gatewayNames = new Set(models.gateways.map((g) => `${g.mesh}/${g.name}`));
  const selected = new Set<unknown>();
  const fitting = new Set<unknown>();
  const shadowedBy = new Map<unknown, string>();
  // The first MeshGatewayRoute model of each mesh and name, as a search in order would find it.
  const routeModels = new Map<string, (typeof models.routes)[number]>();
  for (const m of models.routes) if (!routeModels.has(`${m.mesh}\u0000${m.name}`)) routeModels.set(`${m.mesh}\u0000${m.name}`, m);
  for (const [gateway, a] of merge.attachments) {
    for (const r of a.selected) selected.add(r);
    a.perListener.forEach((routes) => {
      for (const route of routes) {
        if (route.kind !== 'MeshGatewayRoute') continue;
        const model = routeModels.get(`${route.mesh}\u0000${route.name}`);
        if (!model) continue;
        fitting.add(model);
        if (!route.effective) shadowedBy.set(model, gateway.name);
      }
    });
  }
  for (const r of models.routes) {
    if (!meshesWithGateways.has(r.mesh)) continue;
    const at = selectorsSpan(r.doc);
    if (!selected.has(r)) {
      out.push(warning(r.doc, 'route-unattached', at,
        `This MeshGatewayRoute attaches to no listener: no selector is a subset of the final tags of any listener of the gateways of mesh "${r.mesh}" in the workspace.`));
    } else if (!fitting.has(r)) {
      const family = r.protocol === 'http' ? 'HTTP/HTTPS' : 'TCP/TLS';
      out.push(warning(r.doc, 'route-protocol-mismatch', at,
        `This ${r.protocol} route only matches listeners that are not ${family}; Kuma ignores it there, so it routes nothing.`));
    } else if (shadowedBy.has(r)) {
      out.push(warning(r.doc, 'route-shadowed', at,
        `A ${r.protocol === 'http' ? 'MeshHTTPRoute' : 'MeshTCPRoute'} targets gateway "${shadowedBy.get(r)}", so Kuma ignores MeshGatewayRoutes on its ${r.protocol === 'http' ? 'HTTP/HTTPS' : 'TCP/TLS'} listeners.`));
    }
  }
  for (const p of models.policies) {
    if (!meshesWithGateways.has(p.mesh) || gatewayNames.has(`${p.mesh}/${p.gatewayName}`)) continue;
    out.push(warning(p.doc, 'route-gateway-not-found', p.gatewayNameSpan ?? p.doc.span,
      `MeshGateway "${p.gatewayName}" of mesh "${p.mesh}" is not in the workspace; this route attaches to nothing here.`));
  }
  for (const [dp, gateway] of merge.bindings) {
    if (gateway || !meshesWithGateways.has(dp.mesh)) continue;
    const tags = pairOf(pairOf(pairOf(dp.doc.spec, 'networking')?.value, 'gateway')?.value, 'tags');
    out.push({ ...warning(dp.doc, 'dataplane-unbound', tags ? tags.key.span : dp.doc.nameNode?.span ?? dp.doc.span,
      `No MeshGateway of mesh "${dp.mesh}" selects this builtin gateway dataplane: it gets no listeners.`), severity: 'info' });
  }
  for (const s of models.secrets) {
    if (s.data === null || options.secretAccess(s.mesh ?? '') !== 'full') continue;
    const at = s.dataSpan ?? s.doc.nameNode?.span ?? s.doc.span;
    const facts = options.readBundle(s.data);
    for (const p of facts.problems) {
      out.push({ ...warning(s.doc, `certificate-${p.code}`, at, p.fatal ? `Kuma cannot load this secret as a gateway certificate: ${p.message}` : p.message) });
    }
    const leaf = facts.certificates[0];
    if (leaf) {
      if (leaf.expired) {
        out.push(warning(s.doc, 'certificate-expired', at, `The certificate "${leaf.commonName ?? leaf.subject.replace(/\n/g, ", ")}" expired on ${leaf.notAfter.slice(0, 10)} (${-leaf.daysLeft} days ago).`));
      } else if (leaf.daysLeft < options.warningDays) {
        out.push(warning(s.doc, 'certificate-expiring', at, `The certificate "${leaf.commonName ?? leaf.subject.replace(/\n/g, ", ")}" expires on ${leaf.notAfter.slice(0, 10)}, in ${leaf.daysLeft} days.`));
      }
    }
  }
  return out;
}

function selectorsSpan(doc: ResourceDoc): Span {
  return pairOf(doc.spec, 'selectors')?.key.span ?? doc.nameNode?.span ?? doc.span;
}

function warning(doc: ResourceDoc, code: DiagnosticCode, span: Span, message: string): Diagnostic {
  return diagnostic({ code, severity: 'warning', message, file: doc.file, span, resource: resourceRef(doc) });
}
