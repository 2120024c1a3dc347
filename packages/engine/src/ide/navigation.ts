import { describeAt, type OffsetDescription } from './describe.js';
import type { WorkspaceResult } from '../analysis/workspace.js';
import type { GatewayModel, ResourceDoc } from '../resources/types.js';
import type { Location } from '../base/types.js';

/**
 * Go to definition and find references across the workspace, in editor terms: locations are a
 * file key and a span (UTF-16 offsets). A resource is located by its name node, a listener by its
 * item. Links follow what Kuma does with the resources: a listener certificate reads the Secret
 * of its gateway's mesh, a MeshGatewayRoute attaches to the listeners whose final tags its
 * selectors match, a MeshHTTPRoute/MeshTCPRoute names its gateway in `targetRef`, and a gateway
 * binds the builtin Dataplanes it wins.
 */

/** Where a resource is declared: its name node, else the whole document. */
function nameLocation(doc: ResourceDoc): Location {
  return { file: doc.file, span: doc.nameNode?.span ?? doc.span };
}

/** The Secrets of `mesh` named `name` (gateways read only Secrets of their own mesh). */
function secretsNamed(result: WorkspaceResult, mesh: string, name: string): Location[] {
  return result.models.secrets.filter((s) => s.kind === 'Secret' && s.mesh === mesh && s.name === name).map((s) => nameLocation(s.doc));
}

/** A gateway's name and the items of its listeners `indexes` (in declaration order). */
function gatewayAndListeners(gateway: GatewayModel, indexes: number[]): Location[] {
  const listeners = gateway.listeners.filter((l) => indexes.includes(l.index)).map((l) => ({ file: gateway.doc.file, span: l.span }));
  return [nameLocation(gateway.doc), ...listeners];
}

/** The listeners of each gateway on which a route of `kind` named `name` attaches. */
function attachedTo(result: WorkspaceResult, kind: string, mesh: string, name: string): Location[] {
  const out: Location[] = [];
  for (const [gateway, attachment] of result.merge.attachments) {
    if (gateway.mesh !== mesh) continue;
    const indexes = attachment.perListener.flatMap((routes, i) => (routes.some((r) => r.kind === kind && r.name === name) ? [i] : []));
    if (indexes.length > 0) out.push(...gatewayAndListeners(gateway, indexes));
  }
  return out;
}

/** The builtin Dataplanes Kuma binds to `gateway`. */
function boundDataplanes(result: WorkspaceResult, gateway: GatewayModel): Location[] {
  const out: Location[] = [];
  for (const [dataplane, winner] of result.merge.bindings) if (winner === gateway) out.push(nameLocation(dataplane.doc));
  return out;
}

/**
 * The definitions of what is at `offset` of `file`: from a certificate's `secret`, the Secret;
 * from a MeshGatewayRoute's selectors, the gateways and listeners it attaches to; from a
 * MeshHTTPRoute/MeshTCPRoute's `targetRef`, the gateway it names and the listeners it attaches
 * to; from a MeshGateway's selectors, the Dataplanes it binds. Empty anywhere else.
 */
export function definitionAt(result: WorkspaceResult, file: string, offset: number): Location[] {
  const d = describeAt(result, file, offset);
  if (!d || !d.resource) return [];
  if (d.gateway && d.certificate && d.certificate.rest[0] === 'secret' && d.certificate.ref.source.kind === 'secret') {
    return secretsNamed(result, d.gateway.model.mesh, d.certificate.ref.source.name);
  }
  if (d.gateway && d.selector) return boundDataplanes(result, d.gateway.model);
  if (d.route && d.selector) return attachedTo(result, 'MeshGatewayRoute', d.route.mesh, d.route.name);
  if (d.policy && d.specPath?.[0] === 'targetRef') return policyTarget(result, d);
  return [];
}

function policyTarget(result: WorkspaceResult, d: OffsetDescription): Location[] {
  const policy = d.policy;
  if (!policy) return [];
  const attached = attachedTo(result, policy.kind, policy.mesh, policy.name);
  if (attached.length > 0) return attached;
  // Its tags match no listener: the gateway it names is still where it points.
  return result.models.gateways.filter((g) => g.mesh === policy.mesh && g.name === policy.gatewayName).map((g) => nameLocation(g.doc));
}

/**
 * The references to what is at `offset` of `file`, when it is the name of a resource others
 * point at: for a Secret, the certificate items of the listeners of its mesh that name it; for a
 * MeshGateway, the routes that attach to it or target it, and the Dataplanes it binds. With
 * `includeDeclaration`, the resource's own name comes first.
 */
export function referencesAt(result: WorkspaceResult, file: string, offset: number, options: { includeDeclaration: boolean }): Location[] {
  const d = describeAt(result, file, offset);
  const doc = d?.resource;
  const name = doc?.nameNode;
  if (!d || !doc || !name || offset < name.span.start || offset > name.span.end) return [];
  let found: Location[] = [];
  if (doc.kind === 'Secret' && doc.name) found = secretUses(result, doc.mesh ?? 'default', doc.name);
  else if (d.gateway) found = gatewayReferences(result, d.gateway.model);
  else return [];
  return options.includeDeclaration ? [nameLocation(doc), ...found] : found;
}

function secretUses(result: WorkspaceResult, mesh: string, name: string): Location[] {
  const out: Location[] = [];
  for (const gateway of result.models.gateways) {
    if (gateway.mesh !== mesh) continue;
    for (const l of gateway.listeners) {
      for (const c of l.tls?.certificates ?? []) {
        if (c.source.kind === 'secret' && c.source.name === name) out.push({ file: gateway.doc.file, span: c.span });
      }
    }
  }
  return out;
}

function gatewayReferences(result: WorkspaceResult, gateway: GatewayModel): Location[] {
  const attachment = result.merge.attachments.get(gateway);
  const seen = new Set<string>();
  const out: Location[] = [];
  const add = (location: Location) => {
    const key = `${location.file}\u0000${location.span.start}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(location);
  };
  for (const routes of attachment?.perListener ?? []) for (const r of routes) add(r.location);
  for (const p of attachment?.policies ?? []) add(nameLocation(p.doc));
  for (const dp of boundDataplanes(result, gateway)) add(dp);
  return out;
}
