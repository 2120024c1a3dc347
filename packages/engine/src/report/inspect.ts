import type { CertificateUse, MergedGateway, MergedListener, TagLayer, VaryingTag } from '../merge/types.js';

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
    /** The final tags that hold on every bound dataplane. */
    finalTags: Record<string, string>;
    tagSources: Record<string, TagLayer>;
    /**
     * For each key of `finalTags` whose winning value overrides values of earlier layers: those
     * values, earliest layer first. Keys that override nothing are absent.
     */
    overriddenTags: Record<string, { from: TagLayer; value: string }[]>;
    /** Each bound dataplane's full final tags, by dataplane name. */
    finalTagsByDataplane: Record<string, Record<string, string>>;
    /** Tags whose value differs between the bound dataplanes. */
    varyingTags: VaryingTag[];
    /** `dataplanes` is present when the route attaches on only some bound dataplanes. */
    routes: { kind: string; name: string; effective: boolean; dataplanes?: string[] }[];
    certificates: InspectCertificate[];
    /** Present when Kuma would not read the port or protocol as valid: the text as written. */
    written?: { port: string | null; protocol: string | null };
  }[];
  dataplanes: { name: string; address: string | null; online: boolean | null; zone: string | null; selector: number }[];
  dataplaneLayerFromSelector: boolean;
  lostDataplanes: { name: string; winner: string; reason: string }[];
  /** False when Kuma refuses the gateway; `admissionErrors` then says why. */
  admitted: boolean;
  admissionErrors: { path: string | null; message: string }[];
  /** Files of other documents with the same kind, mesh and name (this one is what applying leaves). */
  duplicates: string[];
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
      listeners: g.listeners.map(listenerJson),
      dataplanes: g.dataplanes.map((d) => ({ name: d.name, address: d.address, online: d.online, zone: d.zone, selector: d.selectorIndex })),
      dataplaneLayerFromSelector: g.dataplaneLayerFromSelector,
      lostDataplanes: g.lostDataplanes,
      admitted: g.admitted,
      admissionErrors: g.admissionErrors,
      duplicates: g.duplicates.map((d) => d.file),
    })),
  };
}

function listenerJson(l: MergedListener): InspectGateway['listeners'][number] {
  const out: InspectGateway['listeners'][number] = {
    index: l.index,
    port: l.port,
    protocol: l.protocol,
    hostname: l.hostname,
    tlsMode: l.tlsMode,
    crossMesh: l.crossMesh,
    finalTags: Object.fromEntries(l.finalTags.map((t) => [t.key, t.value])),
    tagSources: Object.fromEntries(l.finalTags.map((t) => [t.key, t.from])),
    overriddenTags: Object.fromEntries(l.finalTags.filter((t) => t.overridden.length > 0).map((t) => [t.key, t.overridden.map((o) => ({ from: o.from, value: o.value }))])),
    finalTagsByDataplane: Object.fromEntries(Object.entries(l.finalTagsByDataplane).map(([dp, tags]) => [dp, Object.fromEntries(tags.map((t) => [t.key, t.value]))])),
    varyingTags: l.varyingTags,
    routes: l.routes.map((r) => ({ kind: r.kind, name: r.name, effective: r.effective, ...(r.dataplanes ? { dataplanes: r.dataplanes } : {}) })),
    certificates: l.certificates.map(certificateJson),
  };
  if (l.written) out.written = l.written;
  return out;
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
