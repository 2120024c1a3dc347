import { seg, type Line } from './styled.js';
import { redact, yamlLines } from './yaml-text.js';
import { pendingText, type ViewModel } from '../data/view-model.js';

/** What a YAML view shows: a gateway, a mesh, or the facts of a certificate (never a Secret). */
export type YamlTarget = { kind: 'gateway'; key: string } | { kind: 'mesh'; name: string } | { kind: 'certificate'; key: string };

/** The title of a YAML view, for breadcrumbs. */
export function yamlTitle(target: YamlTarget, model: ViewModel | null): string {
  switch (target.kind) {
    case 'gateway': {
      const e = model?.entries.get(target.key);
      return e ? `${e.gateway.mesh}/${e.gateway.name}` : 'gateway';
    }
    case 'mesh':
      return target.name;
    case 'certificate': {
      const row = model?.certificates.find((c) => c.key === target.key);
      return row ? `${row.mesh}/${row.name}` : 'certificate';
    }
  }
}

/** The control-plane API path of a target, when it has one worth fetching fresh. */
export function yamlApiPath(target: YamlTarget, model: ViewModel | null): string | null {
  if (model?.mode !== 'live') return null;
  if (target.kind === 'gateway') return model.entries.get(target.key)?.apiPath ?? null;
  if (target.kind === 'mesh') return `/meshes/${encodeURIComponent(target.name)}`;
  return null;
}

function styled(text: string): Line {
  const m = /^(\s*(?:- )?)((?:"[^"]*"|[^\s:"][^:"]*)):( .*)?$/.exec(text);
  if (m === null) return [seg(text)];
  return [seg(m[1]), seg(m[2], 'accent'), seg(':'), ...(m[3] ? [seg(m[3])] : [])];
}

/**
 * The lines of a YAML view. `fetched` is the resource as the control plane just returned it,
 * used instead of the refresh's copy when present. Values that can hold keys or tokens are hidden.
 */
export function yamlViewLines(target: YamlTarget, model: ViewModel | null, fetched: unknown = undefined): Line[] {
  let value: unknown = null;
  const header: Line[] = [];
  switch (target.kind) {
    case 'gateway': {
      const entry = model?.entries.get(target.key);
      if (!entry) {
        const loading = model ? pendingText(model, target.key) : null;
        return [[loading === null ? seg('This gateway is no longer there.', 'warn') : seg(loading, 'muted')]];
      }
      value = fetched ?? entry.resource;
      break;
    }
    case 'mesh': {
      const row = model?.meshes.find((m) => m.name === target.name);
      value = fetched ?? row?.resource ?? null;
      if (value === null) return [[seg(`Mesh ${target.name} has no Mesh resource here; it is named by other resources only.`, 'muted')]];
      break;
    }
    case 'certificate': {
      const row = model?.certificates.find((c) => c.key === target.key);
      if (!row) return [[seg('This certificate is no longer used by any listener.', 'warn')]];
      header.push([seg('# Facts read from the certificate. The Secret itself (and its private key) is never shown.', 'muted')]);
      value = {
        mesh: row.mesh,
        [row.source === 'secret' ? 'secret' : 'source']: row.source === 'secret' ? row.name : row.source === 'file' ? `file ${row.name}` : row.source,
        state: row.status.label,
        ...(row.status.problem ? { problem: row.status.problem } : {}),
        ...(row.subject !== null
          ? { subject: row.subject, sans: row.sans, issuer: row.issuer, notBefore: row.notBefore, notAfter: row.notAfter, key: row.keyType, fingerprint256: row.fingerprint }
          : {}),
        usedBy: row.uses.map((u) => ({ gateway: u.gateway, port: u.port, hostname: u.hostname, coversHostname: u.covers })),
      };
      break;
    }
  }
  return [...header, ...yamlLines(redact(value)).map(styled)];
}
