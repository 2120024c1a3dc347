import type { CertificateChange, ChangeStatus, DataplaneTagChanges, GatewayDiff, ListenerDiff, PortDiff, RouteChange, RouteState, TagState, ValueChange } from './diff-types.js';

/**
 * One line of a diff for people, as `kubectl diff` prints one: `removed` lines hold what Kuma
 * does now, `added` lines what it will do after applying, `context` lines say where, and a
 * gateway opens with two `header` lines (`---` the control plane, `+++` the files). `text` is
 * the whole line, its first character the sign (`-`, `+`, or a space for context).
 */
export interface DiffLine {
  kind: 'header' | 'context' | 'removed' | 'added';
  text: string;
}

/** A short account of one gateway's changes: `2 listeners changed`, `1 listener added, 1 removed`. */
export function diffSummary(d: GatewayDiff): string {
  if (d.status === 'unchanged') return 'no change';
  if (d.status === 'removed') return 'gateway removed';
  if (d.status === 'added') return `new gateway, ${d.admitted?.after === false ? 'refused by Kuma' : count(d.listeners.length, 'listener')}`;
  const parts: string[] = [];
  if (d.admitted) parts.push(d.admitted.after ? 'admitted again' : 'refused by Kuma');
  const listeners = (['added', 'removed', 'changed'] as ChangeStatus[])
    .map((s) => ({ s, n: d.listeners.filter((l) => l.status === s).length }))
    .filter((x) => x.n > 0);
  listeners.forEach((x, i) => parts.push(i === 0 ? `${count(x.n, 'listener')} ${x.s}` : `${x.n} ${x.s}`));
  const ports = d.ports.filter((p) => p.status === 'changed').length;
  if (ports > 0) parts.push(`${count(ports, 'port')} changed`);
  if (d.dataplanes.added.length > 0) parts.push(`${count(d.dataplanes.added.length, 'dataplane')} bound`);
  if (d.dataplanes.removed.length > 0) parts.push(`${count(d.dataplanes.removed.length, 'dataplane')} unbound`);
  return parts.join(', ');
}

/** The diff of one gateway as lines; empty when it does not change. */
export function diffLines(d: GatewayDiff): DiffLine[] {
  if (d.status === 'unchanged') return [];
  const title = `MeshGateway ${d.name} (mesh ${d.mesh})`;
  const out: DiffLine[] = [
    { kind: 'header', text: `--- ${title}  ${d.file.before ?? '(not on the control plane)'}` },
    { kind: 'header', text: `+++ ${title}  ${d.file.after ?? '(not in the files)'}` },
  ];
  if (d.admitted) {
    if (d.admitted.before !== null) out.push(line('removed', 1, d.admitted.before ? 'admitted by Kuma' : 'REJECTED by Kuma'));
    const keeps = d.admitted.before === null ? 'nothing is created' : 'the control plane keeps what it has';
    out.push(line('added', 1, d.admitted.after ? 'admitted by Kuma' : `REJECTED by Kuma: applying fails and ${keeps}`));
  }
  for (const e of d.admissionErrors) out.push(line('context', 2, e.path ? `${e.path}: ${e.message}` : e.message));
  if (d.dataplanes.added.length + d.dataplanes.removed.length > 0) {
    out.push(line('context', 1, 'bound dataplanes'));
    for (const name of d.dataplanes.removed) out.push(line('removed', 2, name));
    for (const name of d.dataplanes.added) out.push(line('added', 2, name));
  }
  const ports = [...new Set([...d.ports.map((p) => p.port), ...d.listeners.map((l) => l.port)])].sort((a, b) => a - b);
  for (const port of ports) {
    const p = d.ports.find((x) => x.port === port);
    out.push(...portLines(port, p));
    for (const l of d.listeners.filter((x) => x.port === port)) out.push(...listenerLines(l));
  }
  return out;
}

/** Every changing gateway's lines, without colours; `No change.` when none changes. */
export function diffText(diffs: GatewayDiff[]): string {
  const blocks = diffs.filter((d) => d.status !== 'unchanged').map((d) => diffLines(d).map((l) => l.text).join('\n'));
  return blocks.length === 0 ? 'No change.' : blocks.join('\n\n');
}

/**
 * A port's lines. A port that comes or goes is one line with its protocol (and its connection
 * limit and crossMesh when set); its listeners name the hostnames.
 */
function portLines(port: number, p: PortDiff | undefined): DiffLine[] {
  if (p && p.status !== 'changed') {
    const side = p.status === 'added' ? 'after' : 'before';
    const limit = p.connectionLimit?.[side] ?? 0;
    const extra = [limit > 0 ? `connection limit ${limit}` : '', p.crossMesh?.[side] ? 'crossMesh' : ''].filter(Boolean).join(', ');
    return [line(p.status, 1, `port ${port} ${p.protocol?.[side] ?? ''}${extra ? ` (${extra})` : ''}`)];
  }
  const out = [line('context', 1, `port ${port}`)];
  if (!p) return out;
  out.push(...valueLines(p.protocol, 2, (v) => `protocol ${v}`));
  out.push(...valueLines(p.connectionLimit, 2, (v) => `connection limit ${v === 0 ? 'none' : v}`));
  out.push(...valueLines(p.crossMesh, 2, (v) => `crossMesh ${v}`));
  for (const h of p.hostnames.removed) out.push(line('removed', 2, `hostname ${h}`));
  for (const h of p.hostnames.added) out.push(line('added', 2, `hostname ${h}`));
  return out;
}

/** A listener's lines; one that comes or goes carries its protocol and TLS mode in its first line. */
function listenerLines(l: ListenerDiff): DiffLine[] {
  const index = l.index.after ?? l.index.before;
  const out: DiffLine[] = [];
  if (l.status === 'changed') {
    out.push(line('context', 2, `listener [${index}] ${l.hostname}`));
    out.push(...valueLines(l.protocol, 3, (v) => `protocol ${v}`));
    out.push(...valueLines(l.tlsMode, 3, (v) => `tls ${v}`, 'tls none'));
  } else {
    const side = l.status === 'added' ? 'after' : 'before';
    const tls = l.tlsMode?.[side];
    out.push(line(l.status, 2, `listener [${index}] ${l.hostname} ${l.protocol?.[side] ?? ''}${tls ? `, tls ${tls}` : ''}`));
  }
  for (const c of l.certificates) out.push(...certificateLines(c));
  for (const group of groupTags(l.tags)) out.push(...tagLines(group.dataplanes, group.changes));
  for (const r of l.routes) out.push(...routeLines(r));
  return out;
}

function certificateLines(c: CertificateChange): DiffLine[] {
  return valueLines(c, 3, (v) => `cert ${v.summary}`);
}

/** Dataplanes whose tag changes are the same, together, so that a gateway layer change reads once. */
function groupTags(tags: DataplaneTagChanges[]): { dataplanes: (string | null)[]; changes: DataplaneTagChanges['changes'] }[] {
  const groups = new Map<string, { dataplanes: (string | null)[]; changes: DataplaneTagChanges['changes'] }>();
  for (const t of tags) {
    const key = JSON.stringify(t.changes);
    const g = groups.get(key) ?? { dataplanes: [], changes: t.changes };
    g.dataplanes.push(t.dataplane);
    groups.set(key, g);
  }
  return [...groups.values()];
}

function tagLines(dataplanes: (string | null)[], changes: DataplaneTagChanges['changes']): DiffLine[] {
  const names = dataplanes.filter((d): d is string => d !== null);
  const shown = names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
  const where = names.length === 0 ? 'final tags (from the selector: no dataplane bound)' : `final tags on ${shown}`;
  const out = [line('context', 3, where)];
  const width = Math.max(...changes.map((c) => c.key.length));
  const text = (key: string) => (v: TagState) => `${key.padEnd(width)}  ${v.value}  (${v.from})`;
  for (const c of changes) out.push(...valueLines(c, 4, text(c.key)));
  return out;
}

function routeLines(r: RouteChange): DiffLine[] {
  const text = (v: RouteState) => `route ${r.kind} ${r.name}${v.dataplanes ? ` (on ${v.dataplanes.join(', ')} only)` : ''}${v.effective ? '' : ' (ignored: a Mesh*Route applies)'}`;
  return valueLines(r, 3, text);
}

/**
 * A `-` line for the value before and a `+` line for the value after, each where it exists;
 * `absent` names a null value that stands for something (a listener without TLS).
 */
function valueLines<T>(v: ValueChange<T> | undefined, depth: number, text: (value: T) => string, absent?: string): DiffLine[] {
  if (!v) return [];
  const out: DiffLine[] = [];
  const side = (value: T | null): string | null => (value === null ? absent ?? null : text(value));
  const before = side(v.before);
  const after = side(v.after);
  if (before !== null) out.push(line('removed', depth, before));
  if (after !== null) out.push(line('added', depth, after));
  return out;
}

function line(kind: DiffLine['kind'], depth: number, text: string): DiffLine {
  const sign = kind === 'added' ? '+' : kind === 'removed' ? '-' : ' ';
  return { kind, text: `${sign}${'  '.repeat(depth)}${text}` };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
