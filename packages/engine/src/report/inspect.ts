import type { CertificateUse, MergedGateway, TagLayer } from '../merge/types.js';

/** The JSON form of `meshgw inspect`: a stable, documented shape (version 1). */
export interface InspectJson {
  version: 1;
  gateways: InspectGateway[];
}

export interface InspectGateway {
  mesh: string;
  name: string;
  file: string;
  ports: { port: number; protocol: string; hostnames: string[]; listeners: number[]; connectionLimit: number; crossMesh: boolean }[];
  listeners: {
    index: number;
    port: number;
    protocol: string;
    hostname: string;
    tlsMode: string | null;
    crossMesh: boolean;
    finalTags: Record<string, string>;
    tagSources: Record<string, TagLayer>;
    routes: { kind: string; name: string; effective: boolean }[];
    certificates: InspectCertificate[];
  }[];
  dataplanes: { name: string; address: string | null; online: boolean | null; zone: string | null; selector: number }[];
  dataplaneLayerFromSelector: boolean;
  lostDataplanes: { name: string; winner: string }[];
}

export interface InspectCertificate {
  source: string;
  secret: string | null;
  state: CertificateUse['state'];
  subject: string | null;
  sans: string[];
  issuer: string | null;
  keyType: string | null;
  keyBits: number | null;
  notBefore: string | null;
  notAfter: string | null;
  daysLeft: number | null;
  coversHostname: boolean | null;
}

export function inspectJson(gateways: MergedGateway[]): InspectJson {
  return {
    version: 1,
    gateways: sortGateways(gateways).map((g) => ({
      mesh: g.mesh,
      name: g.name,
      file: g.location.file,
      ports: g.ports.map((p) => ({ ...p, hostnames: [...p.hostnames], listeners: [...p.listeners] })),
      listeners: g.listeners.map((l) => ({
        index: l.index,
        port: l.port,
        protocol: l.protocol,
        hostname: l.hostname,
        tlsMode: l.tlsMode,
        crossMesh: l.crossMesh,
        finalTags: Object.fromEntries(l.finalTags.map((t) => [t.key, t.value])),
        tagSources: Object.fromEntries(l.finalTags.map((t) => [t.key, t.from])),
        routes: l.routes.map((r) => ({ kind: r.kind, name: r.name, effective: r.effective })),
        certificates: l.certificates.map(certificateJson),
      })),
      dataplanes: g.dataplanes.map((d) => ({ name: d.name, address: d.address, online: d.online, zone: d.zone, selector: d.selectorIndex })),
      dataplaneLayerFromSelector: g.dataplaneLayerFromSelector,
      lostDataplanes: g.lostDataplanes,
    })),
  };
}

function certificateJson(c: CertificateUse): InspectCertificate {
  const leaf = c.bundle?.certificates[0] ?? null;
  return {
    source: c.source.kind,
    secret: c.secret?.name ?? null,
    state: c.state,
    subject: leaf ? leaf.commonName ?? leaf.subject : null,
    sans: leaf ? [...leaf.sans] : [],
    issuer: leaf ? leaf.issuer : null,
    keyType: leaf ? leaf.keyType : null,
    keyBits: leaf ? leaf.keyBits : null,
    notBefore: leaf ? leaf.notBefore : null,
    notAfter: leaf ? leaf.notAfter : null,
    daysLeft: leaf ? leaf.daysLeft : null,
    coversHostname: c.coversHostname,
  };
}

export function sortGateways(gateways: MergedGateway[]): MergedGateway[] {
  return [...gateways].sort((a, b) => cmp(a.mesh, b.mesh) || cmp(a.name, b.name));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A one-line state of a certificate for people: `RSA 2048, 3650 days left` or why not known. */
export function certificateSummary(c: CertificateUse): string {
  const name = c.secret ? `secret ${c.secret.name}` : c.source.kind;
  switch (c.state) {
    case 'not-found':
      return `${name}: not found`;
    case 'file':
      return `file ${c.source.kind === 'file' ? c.source.path : ''}: not readable here (unsupported by the gateway)`;
    case 'unreadable':
      return `${name}: not readable (secrets need an admin token)`;
    case 'empty':
      return `${name}: empty datasource`;
    case 'ok': {
      const leaf = c.bundle?.certificates[0];
      if (!leaf) return `${name}: no certificate`;
      const key = `${leaf.keyType}${leaf.keyBits ? ` ${leaf.keyBits}` : ''}`;
      const days = leaf.expired ? `expired ${-leaf.daysLeft} days ago` : `${leaf.daysLeft} days left`;
      const cover = c.coversHostname === false ? ', does not cover the hostname' : '';
      return `${name}: ${key}, ${days} (${leaf.notAfter.slice(0, 10)})${cover}`;
    }
  }
}

/**
 * The text form of `meshgw inspect`: one block per gateway, ports merged, each listener's final
 * tags with their layer, certificates with days left. Plain text, no colours.
 */
export function inspectText(gateways: MergedGateway[]): string {
  const lines: string[] = [];
  for (const g of sortGateways(gateways)) {
    lines.push(`MeshGateway ${g.name} (mesh ${g.mesh})  ${g.location.file}`);
    if (g.dataplanes.length === 0) {
      lines.push('  dataplanes: none in the workspace; the dataplane layer of the tags comes from the selector');
    } else {
      const dps = g.dataplanes.map((d) => `${d.name}${d.address ? ` ${d.address}` : ''}${d.online === null ? '' : d.online ? ' online' : ' offline'}`);
      lines.push(`  dataplanes: ${dps.join(', ')}`);
    }
    for (const lost of g.lostDataplanes) lines.push(`  note: dataplane ${lost.name} matches a selector but is bound to ${lost.winner}`);
    for (const p of g.ports) {
      const extra = [p.connectionLimit > 0 ? `connection limit ${p.connectionLimit}` : '', p.crossMesh ? 'crossMesh' : ''].filter(Boolean).join(', ');
      lines.push(`  port ${p.port} ${p.protocol}${extra ? ` (${extra})` : ''}: ${p.hostnames.join(', ')}`);
      for (const index of p.listeners) {
        const l = g.listeners[index];
        const tls = l.tlsMode ? ` tls ${l.tlsMode}` : '';
        lines.push(`    listener [${l.index}] ${l.hostname}${tls}`);
        const width = Math.max(0, ...l.finalTags.map((t) => t.key.length));
        for (const t of l.finalTags) lines.push(`      ${t.key.padEnd(width)}  ${t.value}  (${t.from})`);
        for (const c of l.certificates) lines.push(`      cert ${certificateSummary(c)}`);
        for (const r of l.routes) lines.push(`      route ${r.kind} ${r.name}${r.effective ? '' : ' (ignored: a Mesh*Route applies)'}`);
      }
    }
    lines.push('');
  }
  if (lines.length === 0) lines.push('No MeshGateway found.');
  return lines.join('\n');
}
