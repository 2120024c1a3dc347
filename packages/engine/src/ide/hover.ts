import { hostnameCovered } from '../kuma/certificates.js';
import { describeAt, type CertificateContext, type ListenerContext, type OffsetDescription } from './describe.js';
import { bestSelector, compareRank, tagRecord, tagsMatch } from '../merge/selection.js';
import { finalTagRecord } from '../merge/final-tags.js';
import type { WorkspaceResult } from '../analysis/workspace.js';
import type { CertificateFacts, PemBundleFacts } from '../kuma/certificate-types.js';
import type { CertificateRef, CertificateSource, GatewayModel, ListenerModel, Tag } from '../resources/types.js';
import type { MergedGateway, MergedListener, MergedPort, TagLayer } from '../merge/types.js';
import type { Span } from '../base/types.js';
import { fieldAtPath } from '../kuma/fields/documents.js';
import type { FieldSpec, FieldType } from '../kuma/fields/field-type.js';
import { isDataplaneOnlyTag } from '../kuma/reserved-tags.js';

/** A hover: markdown and the span it is about (a key or a value). */
export interface HoverResult {
  markdown: string;
  span: Span;
}

/** Tag keys that come from the Dataplane only: Kuma rejects them in gateway and listener tags. */

/**
 * What Kuma will make of the thing at `offset` (UTF-16 units) of `file`, as markdown: merged
 * ports and final tags on listeners, the final value of a tag, hostname matching, certificate
 * facts, what selectors bind or attach to, and field documentation elsewhere. Null when the
 * offset is not on a key or value of a Kuma resource.
 */
export function hoverAt(result: WorkspaceResult, file: string, offset: number): HoverResult | null {
  const d = describeAt(result, file, offset);
  if (!d || !d.resource || !d.scalar || !d.pair) return null;
  const span = d.scalar.span;
  const sections = hoverSections(result, d);
  if (sections.length === 0) return null;
  return { markdown: sections.join('\n\n'), span };
}

function hoverSections(result: WorkspaceResult, d: OffsetDescription): string[] {
  const gateway = d.gateway;
  if (d.certificate && d.listener && gateway) {
    return certificateHover(result, gateway.model, d.listener, d.certificate);
  }
  if (d.tag && (d.tag.place === 'gateway' || d.tag.place === 'listener') && gateway?.merged) {
    return tagHover(gateway.model, gateway.merged, d);
  }
  if (d.tag && d.tag.place === 'dataplane' && d.dataplane) {
    const out = dataplaneTagHover(result, d);
    if (out.length > 0) return out;
  }
  if (d.selector && d.selector.owner === 'MeshGatewayRoute' && d.route) {
    return routeSelectorHover(result, d);
  }
  if (d.selector && d.selector.owner === 'MeshGateway' && gateway) {
    return gatewaySelectorHover(result, gateway.model, d.selector.index);
  }
  if (d.listener && gateway?.merged) {
    const l = d.listener;
    if (l.rest.length === 1 && l.rest[0] === 'port' && l.port) return portSection(gateway.model, l.port, l.index);
    if (l.rest.length === 1 && l.rest[0] === 'hostname' && l.port) return hostnameHover(gateway.model, l);
    const out = listenerHover(gateway.model, gateway.merged, l);
    if (l.rest.length > 0) {
      const doc = fieldHover(d);
      if (doc.length > 0) out.push('---', ...doc);
    }
    return out;
  }
  return fieldHover(d);
}

// ---------------------------------------------------------------------------------------------
// Listeners, ports, hostnames

function listenerTitle(gateway: GatewayModel, l: ListenerModel): string {
  const host = l.hostname === '*' ? '`*` (any host)' : `\`${l.hostname}\``;
  return `**Listener #${l.index}** of MeshGateway \`${gateway.name}\` (mesh \`${gateway.mesh}\`): ${l.protocol} on port ${l.port}, ${host}`;
}

function listenerHover(gateway: GatewayModel, merged: MergedGateway, l: ListenerContext): string[] {
  const out = [listenerTitle(gateway, l.model)];
  if (l.port) out.push(...portSection(gateway, l.port, l.index));
  if (l.merged) out.push(...finalTagsSection(merged, l.merged));
  if (l.merged) {
    const routes = l.merged.routes;
    if (routes.length === 0) {
      out.push('Routes: none attaches to this listener.');
    } else {
      const sorted = [...routes].sort((a, b) => byName(a.name, b.name));
      const names = sorted.map((r) => `\`${r.name}\` (${r.kind}${r.effective ? '' : ', ignored: a Mesh*Route applies'})`);
      out.push(`Routes: ${names.join(', ')}.`);
    }
  }
  return out;
}

/** The merged port: every listener on it, the hostnames in Kuma's order, the limit that applies. */
function portSection(gateway: GatewayModel, port: MergedPort, current: number | null): string[] {
  const listeners = port.listeners.map((i) => gateway.listeners[i]).filter((l): l is ListenerModel => !!l);
  const count = listeners.length === 1 ? '1 listener' : `${listeners.length} listeners merged into one Envoy listener`;
  const out: string[] = [`**Port ${port.port}** · ${port.protocol} · ${count}`];
  const rows = [
    '| listener | hostname | protocol | TLS mode | certificates |',
    '| --- | --- | --- | --- | --- |',
    ...listeners.map(
      (l) =>
        `| #${l.index}${l.index === current ? ' (this)' : ''} | ${cell(l.hostname)} | ${cell(l.protocol)} | ${l.tls ? cell(l.tls.mode) : '—'} | ${certificateNames(l)} |`,
    ),
  ];
  out.push(rows.join('\n'));
  const notes: string[] = [`Hostnames, most specific first: ${port.hostnames.map((h) => `\`${h}\``).join(', ')}.`];
  const first = listeners[0];
  if (first) {
    notes.push(
      port.connectionLimit > 0
        ? `Connection limit: ${port.connectionLimit} (set by listener #${first.index}, the first on the port).`
        : `Connection limit: unlimited (listener #${first.index}, the first on the port, sets none).`,
    );
    for (const l of listeners.slice(1)) {
      if (l.connectionLimit > 0 && l.connectionLimit !== port.connectionLimit) {
        notes.push(`Listener #${l.index} sets ${l.connectionLimit}: ignored, only the first listener of a port sets the limit.`);
      }
      if (l.protocol !== port.protocol) {
        notes.push(`Listener #${l.index} says ${l.protocol}, but the port takes its protocol (${port.protocol}) from its first listener.`);
      }
    }
  }
  if (port.crossMesh) notes.push('crossMesh: this port is reachable from other meshes only, over mesh mTLS.');
  out.push(notes.join('\n'));
  return out;
}

function certificateNames(l: ListenerModel): string {
  if (!l.tls || l.tls.certificates.length === 0) return '—';
  return l.tls.certificates.map((c) => cell(sourceName(c.source))).join(', ');
}

function sourceName(source: CertificateSource): string {
  switch (source.kind) {
    case 'secret':
      return source.name;
    case 'file':
      return `file ${source.path}`;
    case 'inline':
      return 'inline';
    case 'inlineString':
      return 'inlineString';
    case 'empty':
      return '(empty)';
  }
}

const MATCHING: Record<string, string> = {
  HTTP: 'Kuma builds one Envoy listener for the port with a virtual host per hostname. A request goes to the virtual host that matches its Host header: an exact name first, then the longest `*.` wildcard, then `*`.',
  HTTPS:
    'Each hostname gets its own TLS filter chain, chosen by the SNI of the connection (an exact name first, then the longest `*.` wildcard, then the chain without server names); inside it the Host header must match the hostname too.',
  TLS: 'Each hostname gets its own filter chain, chosen by the SNI of the connection: an exact name first, then the longest `*.` wildcard, then the chain without server names (`*`).',
  TCP: 'TCP has no hostnames to match: all listeners of the port share one TCP proxy whose backends are the union of the routes of all its hostnames.',
};

function hostnameHover(gateway: GatewayModel, l: ListenerContext): string[] {
  const port = l.port as MergedPort;
  const out = [
    `**Hostname** \`${l.model.hostname}\`${l.model.hostnameSpan ? '' : ' (no hostname: `*`, any host)'} · listener #${l.index} of \`${gateway.name}\``,
  ];
  const owners = new Map<string, number[]>();
  for (const i of port.listeners) {
    const listener = gateway.listeners[i];
    if (!listener) continue;
    owners.set(listener.hostname, [...(owners.get(listener.hostname) ?? []), i]);
  }
  const lines = port.hostnames.map((h, n) => {
    const who = (owners.get(h) ?? []).map((i) => `#${i}${i === l.index ? ' (this)' : ''}`).join(', ');
    return `${n + 1}. \`${h}\` — listener ${who}`;
  });
  out.push(`Hostnames on port ${port.port} (${port.protocol}), most specific first:\n\n${lines.join('\n')}`);
  out.push(MATCHING[port.protocol] ?? 'Kuma rejects a listener without a valid protocol, so nothing is matched on this port.');
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tags

const LAYER_ORDER = 'dataplane, then gateway, then listener tags; later layers win';

function finalTagsSection(merged: MergedGateway, l: MergedListener): string[] {
  const out: string[] = [`**Final tags** of listener #${l.index} (${LAYER_ORDER}):`];
  out.push(['| key | value | from |', '| --- | --- | --- |', ...l.finalTags.map((t) => `| ${cell(t.key)} | ${cell(t.value)} | ${t.from} |`)].join('\n'));
  const notes: string[] = [];
  for (const t of l.finalTags) {
    for (const o of t.overridden) {
      notes.push(`\`${t.key}\`: ${layerName(t.from)} value \`${t.value}\` overrides ${layerName(o.from)} value \`${o.value}\`.`);
    }
  }
  notes.push(dataplaneLine(merged));
  out.push(notes.join('\n'));
  return out;
}

function dataplaneLine(merged: MergedGateway): string {
  if (merged.dataplaneLayerFromSelector || merged.dataplanes.length === 0) {
    return 'No Dataplane bound to this gateway is in the workspace: the dataplane layer comes from the selector (its exact-valued tags); a real Dataplane may add more tags.';
  }
  const names = merged.dataplanes.map((d) => `\`${d.name}\`${d.address ? ` (${d.address})` : ''}`);
  if (merged.dataplanes.length === 1) return `Bound Dataplane: ${names[0]}, through selector #${merged.dataplanes[0].selectorIndex}.`;
  return `Bound Dataplanes: ${names.join(', ')}; the dataplane layer above uses the tags of \`${merged.dataplanes[0].name}\`.`;
}

function layerName(layer: TagLayer): string {
  return layer === 'selector' ? 'selector' : layer;
}

function tagHover(gateway: GatewayModel, merged: MergedGateway, d: OffsetDescription): string[] {
  const tag = d.tag!;
  const out: string[] = [];
  if (tag.place === 'listener' && d.listener) {
    const l = d.listener;
    out.push(`**Tag \`${tag.key}\`** · listener #${l.index} of MeshGateway \`${gateway.name}\``);
    const final = l.merged?.finalTags.find((t) => t.key === tag.key);
    if (final) {
      const lines = [`Final value: \`${final.value}\`, from the ${layerName(final.from)} (${LAYER_ORDER}).`];
      for (const o of final.overridden) lines.push(`It overrides the ${layerName(o.from)} value \`${o.value}\`.`);
      out.push(lines.join('\n'));
    }
  } else {
    out.push(`**Tag \`${tag.key}\`** · gateway tags of MeshGateway \`${gateway.name}\`, applied to every listener`);
    const rows = merged.listeners.map((l) => {
      const final = l.finalTags.find((t) => t.key === tag.key);
      const where = `#${l.index} :${l.port} ${l.hostname}`;
      return `| ${cell(where)} | ${final ? cell(final.value) : '—'} | ${final ? final.from : '—'} |`;
    });
    out.push(['Final value on each listener:', '', '| listener | value | from |', '| --- | --- | --- |', ...rows].join('\n'));
    const overridden = merged.listeners[0]?.finalTags.find((t) => t.key === tag.key)?.overridden.filter((o) => o.from === 'dataplane' || o.from === 'selector');
    if (overridden && overridden.length > 0) out.push(`It overrides the dataplane value \`${overridden[0].value}\`.`);
  }
  if (isDataplaneOnlyTag(tag.key)) {
    out.push(`Kuma rejects \`${tag.key}\` in ${tag.place} tags: it always comes from the Dataplane.`);
  }
  return out;
}

function dataplaneTagHover(result: WorkspaceResult, d: OffsetDescription): string[] {
  const dp = d.dataplane!;
  const tag = d.tag!;
  const gateway = result.merge.bindings.get(dp) ?? null;
  const out = [`**Tag \`${tag.key}\`** · gateway tags of Dataplane \`${dp.name}\``];
  if (!gateway) {
    out.push(dp.builtin ? `No MeshGateway of mesh \`${dp.mesh}\` in the workspace selects this Dataplane.` : 'This Dataplane is not a builtin gateway (`networking.gateway.type: BUILTIN`).');
    return out;
  }
  const i = result.models.gateways.indexOf(gateway);
  const merged = result.gateways[i];
  out.push(`This Dataplane runs MeshGateway \`${gateway.name}\`; every listener starts from these tags.`);
  if (!merged) return out;
  if (merged.dataplanes[0] && merged.dataplanes[0].name !== dp.name) {
    out.push(`The gateway's final tags below use the tags of \`${merged.dataplanes[0].name}\`, the first bound Dataplane.`);
  }
  const rows = merged.listeners.map((l) => {
    const final = l.finalTags.find((t) => t.key === tag.key);
    return `| ${cell(`#${l.index} :${l.port} ${l.hostname}`)} | ${final ? cell(final.value) : '—'} | ${final ? final.from : '—'} |`;
  });
  out.push(['Final value on each listener:', '', '| listener | value | from |', '| --- | --- | --- |', ...rows].join('\n'));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Selectors

function matchText(match: Pick<Tag, 'key' | 'value'>[]): string {
  return match.length === 0 ? '(no tags)' : match.map((m) => `\`${m.key}: ${m.value}\``).join(', ');
}

function routeSelectorHover(result: WorkspaceResult, d: OffsetDescription): string[] {
  const route = d.route!;
  const sel = d.selector!;
  const out = [
    `**Selector #${sel.index}** of MeshGatewayRoute \`${route.name}\` · matches listeners whose final tags include ${matchText(sel.selector.match)}`,
  ];
  const rows: string[] = [];
  const gateways = result.models.gateways.map((g, gi) => ({ g, merged: result.gateways[gi] })).sort((a, b) => byName(a.g.name, b.g.name));
  gateways.forEach(({ g, merged }) => {
    if (!merged || g.mesh !== route.mesh || sel.selector.match.length === 0) return;
    for (const l of merged.listeners) {
      if (!tagsMatch(sel.selector.match, finalTagRecord(l.finalTags))) continue;
      const attached = l.routes.find((r) => r.kind === 'MeshGatewayRoute' && r.name === route.name);
      let state: string;
      if (!attached) {
        state = `not attached: a ${route.protocol ?? 'route without conf'} route does not apply to ${l.protocol} listeners`;
      } else if (!attached.effective) {
        state = 'ignored: a Mesh*Route applies to this gateway';
      } else if (attached.selectorIndex !== sel.index) {
        state = `attached (selector #${attached.selectorIndex} matches first)`;
      } else {
        state = 'attached';
      }
      rows.push(`| ${cell(g.name)} | #${l.index} | ${l.port} | ${cell(l.hostname)} | ${cell(l.protocol)} | ${state} |`);
    }
  });
  if (rows.length === 0) {
    out.push(`No listener of mesh \`${route.mesh}\` in the workspace has these final tags, so this selector attaches nowhere.`);
  } else {
    out.push(['| gateway | listener | port | hostname | protocol | state |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n'));
  }
  return out;
}

function gatewaySelectorHover(result: WorkspaceResult, gateway: GatewayModel, index: number): string[] {
  const selector = gateway.selectors[index];
  if (!selector) return [];
  const out = [
    `**Selector #${index}** of MeshGateway \`${gateway.name}\` · binds builtin Dataplanes whose gateway tags include ${matchText(selector.match)}`,
  ];
  const rows: string[] = [];
  for (const dp of [...result.models.dataplanes].sort((a, b) => byName(a.name, b.name))) {
    if (!dp.builtin || dp.mesh !== gateway.mesh || selector.match.length === 0) continue;
    const tags = tagRecord(dp.gatewayTags);
    if (!tagsMatch(selector.match, tags)) continue;
    const winner = result.merge.bindings.get(dp) ?? null;
    let state: string;
    if (winner === gateway) {
      const best = bestSelector(gateway.selectors, tags);
      state = best && best.selector.index !== index ? `bound to this gateway through selector #${best.selector.index}` : 'bound to this gateway';
    } else if (winner) {
      const mine = bestSelector(gateway.selectors, tags);
      const theirs = bestSelector(winner.selectors, tags);
      const why =
        mine && theirs && compareRank(theirs.rank, mine.rank) > 0
          ? 'its selector ranks higher (more tags, then more exact values)'
          : 'equal rank: it was created later or comes first by name';
      state = `won by MeshGateway \`${winner.name}\` (${why})`;
    } else {
      state = 'not bound';
    }
    rows.push(`| ${cell(dp.name)} | ${cell(dp.address ?? '—')} | ${state} |`);
  }
  if (rows.length === 0) {
    out.push(`No builtin Dataplane of mesh \`${gateway.mesh}\` in the workspace matches this selector.`);
    if (index === 0) out.push('The listeners\' final tags take their dataplane layer from this selector.');
  } else {
    out.push(['| dataplane | address | state |', '| --- | --- | --- |', ...rows].join('\n'));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Certificates

function certificateHover(result: WorkspaceResult, gateway: GatewayModel, l: ListenerContext, c: CertificateContext): string[] {
  const ref: CertificateRef = c.ref;
  const count = l.model.tls?.certificates.length ?? 0;
  const where = `listener #${l.index}, certificate ${c.index + 1} of ${count}`;
  const out: string[] = [];
  let bundle: PemBundleFacts | null = c.use?.bundle ?? null;
  let covers = c.use?.coversHostname ?? null;
  const notes: string[] = [];
  switch (ref.source.kind) {
    case 'secret': {
      const name = ref.source.name;
      out.push(`**Certificate** \`${name}\` · Secret of mesh \`${gateway.mesh}\` (${where})`);
      if (!c.use) {
        const secret = result.models.secrets.find((s) => s.kind === 'Secret' && (s.mesh ?? 'default') === gateway.mesh && s.name === name);
        if (secret?.data) bundle = result.readBundle(secret.data);
        notes.push(`Not used: the listener does not terminate TLS (${l.model.protocol}${l.model.tls ? `, mode ${l.model.tls.mode}` : ''}).`);
      } else if (c.use.state === 'not-found') {
        notes.push(`Secret \`${name}\` of mesh \`${gateway.mesh}\` is not in the workspace. If the control plane lacks it too, Kuma fails the whole gateway's configuration.`);
      } else if (c.use.state === 'unreadable') {
        notes.push(`Secret \`${name}\` could not be read (its data is not valid base64, or secrets need an admin token).`);
      }
      break;
    }
    case 'file':
      out.push(`**Certificate** from file \`${ref.source.path}\` (${where})`);
      notes.push('The builtin gateway does not support `file` datasources: Kuma fails to generate its configuration (`unsupported type of the DataSource`).');
      break;
    case 'empty':
      out.push(`**Certificate** (${where})`);
      notes.push('This datasource names no source: write `secret`, `inline` or `inlineString`.');
      break;
    default:
      out.push(`**Certificate** written ${ref.source.kind} (${where})`);
      break;
  }
  const leaf: CertificateFacts | undefined = bundle?.certificates[0];
  if (leaf) {
    if (covers === null && l.model.hostname !== '*') covers = hostnameCovered(leaf.sans, leaf.commonName, l.model.hostname);
    const key = `${leaf.keyType}${leaf.keyBits ? ` ${leaf.keyBits}` : ''}${leaf.curve ? ` (${leaf.curve})` : ''}`;
    const days = leaf.expired ? `${leaf.daysLeft} (expired)` : String(leaf.daysLeft);
    const coverText = l.model.hostname === '*' ? 'any host (`*`): not checked' : covers === true ? 'yes' : covers === false ? 'no: clients will reject it' : 'unknown';
    out.push(
      [
        '| field | value |',
        '| --- | --- |',
        `| Subject | ${cell(leaf.subject)} |`,
        `| SANs | ${leaf.sans.length > 0 ? cell(leaf.sans.join(', ')) : '—'} |`,
        `| Issuer | ${cell(leaf.issuer)}${leaf.selfSigned ? ' (self-signed)' : ''} |`,
        `| Not after | ${leaf.notAfter} |`,
        `| Days left | ${days} |`,
        `| Key type | ${cell(key)} |`,
        `| Covers \`${l.model.hostname}\` | ${coverText} |`,
      ].join('\n'),
    );
    if (bundle && bundle.certificates.length > 1) notes.push(`The bundle carries a chain of ${bundle.certificates.length} certificates; the first is served.`);
  } else if (bundle) {
    notes.push('The bundle holds no certificate Kuma can serve.');
  }
  for (const p of bundle?.problems ?? []) notes.push(`${p.fatal ? 'Kuma fails on it: ' : ''}${p.message}`);
  if (notes.length > 0) out.push(notes.join('\n'));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Field documentation

function fieldHover(d: OffsetDescription): string[] {
  const resource = d.resource!;
  const field = fieldAtPath(resource.kind, resource.form, d.path);
  if (!field) return [];
  const out = [fieldDocumentation(field)];
  if (d.on === 'value' && d.scalar && field.type.kind === 'enum') {
    const written = d.scalar.value;
    const value = field.type.values.find((v) => v.name === written || (v.number !== null && v.number === written));
    if (value) out.push(`\`${value.name}\`: ${value.doc}`);
  }
  return out;
}

/** Markdown for a field: its name, type, whether required, its documentation and values. */
export function fieldDocumentation(field: FieldSpec): string {
  const head = [`**\`${field.name}\`**`, typeText(field.type)];
  if (field.required) head.push('required');
  const lines = [head.join(' · '), '', field.doc];
  if (field.type.kind === 'enum') {
    const values = field.type.values.filter((v) => !v.doc.startsWith('Not a valid'));
    if (values.length > 0) lines.push('', `Values: ${values.map((v) => `\`${v.name}\``).join(', ')}`);
  }
  if (field.protoName) lines.push('', `Also accepted as \`${field.protoName}\`.`);
  if (field.deprecated) lines.push('', `**Deprecated:** ${field.deprecated}`);
  return lines.join('\n');
}

/** A short name for a field type: `string`, `integer 1–65535`, `list of objects`. */
export function typeText(type: FieldType): string {
  switch (type.kind) {
    case 'string':
      return 'string';
    case 'uint32':
    case 'integer':
      return type.min !== undefined && type.max !== undefined ? `integer ${type.min}–${type.max}` : type.kind === 'uint32' ? 'integer ≥ 0' : 'integer';
    case 'bool':
      return 'boolean';
    case 'double':
      return 'number';
    case 'bytes':
      return 'base64 string';
    case 'duration':
      return 'duration';
    case 'timestamp':
      return 'timestamp';
    case 'intOrString':
      return 'integer or string';
    case 'enum':
      return 'enum';
    case 'map':
      return 'map of strings';
    case 'object':
      return 'object';
    case 'list':
      return `list of ${plural(typeText(type.of))}`;
    case 'any':
      return 'any';
  }
}

function plural(text: string): string {
  if (text === 'object' || text === 'string' || text === 'enum' || text === 'boolean' || text === 'number') return `${text}s`;
  if (text === 'map of strings') return 'maps of strings';
  return text;
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Text for a markdown table cell, kept as written except for pipes and line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r\n|\r|\n/g, ' ');
}
