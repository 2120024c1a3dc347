import { fieldPath } from '../base/path.js';
import type { Diagnostic, Fix } from '../base/diagnostic.js';
import { PROTOCOL, readGateway, type ListenerRead } from '../resources/gateway.js';
import type { GatewayModel, SecretModel } from '../resources/types.js';
import { contentEnd, indentAt } from '../syntax/edits.js';
import { pairSpan } from '../syntax/tree.js';

/** How many Secrets of the mesh are offered, one fix each. */
const MAX_CHOICES = 8;
/** The name written when the mesh has no Secret to offer. */
const PLACEHOLDER = 'CERTIFICATE-SECRET';

/**
 * Adds fixes to Kuma's `tls: cannot be empty` on an HTTPS listener: a `tls` in TERMINATE mode
 * with one certificate, one fix per Secret of the gateway's mesh (the Secrets are the choices),
 * or a placeholder name when the mesh has none. Diagnostics are copied, never changed in place
 * (they are cached). `textOf` gives a file's text, for the indent of the inserted lines.
 */
export function addTlsSkeletonFixes(
  diagnosticsByFile: Map<string, Diagnostic[]>,
  gateways: GatewayModel[],
  secrets: SecretModel[],
  textOf: (file: string) => string | null,
): void {
  // Reading a gateway costs more than looking for the diagnostic that needs it.
  const needed = new Set([...diagnosticsByFile].filter(([, list]) => list.some((d) => d.code === 'gateway-listener-tls')).map(([file]) => file));
  for (const g of gateways) {
    if (!needed.has(g.doc.file)) continue;
    const list = diagnosticsByFile.get(g.doc.file);
    const listeners = readGateway(g.doc).items.filter((l) => l.protocol.value === PROTOCOL.HTTPS && !l.crossMesh.value && !l.tls.value);
    const text = textOf(g.doc.file);
    if (listeners.length === 0 || !list || text === null) continue;
    const names = secretNames(secrets, g.mesh);
    for (const l of listeners) {
      const path = g.doc.pathPrefix + fieldPath(l.path, 'tls');
      const i = list.findIndex((d) => d.code === 'gateway-listener-tls' && d.admission && d.path === path && d.span.start >= g.doc.span.start && d.span.end <= g.doc.span.end);
      if (i < 0) continue;
      const fixes = skeletonFixes(l, text, names);
      if (fixes.length > 0) list[i] = { ...list[i], fixes: [...(list[i].fixes ?? []), ...fixes] };
    }
  }
}

function secretNames(secrets: SecretModel[], mesh: string): string[] {
  const names = secrets.filter((s) => s.kind === 'Secret' && (s.mesh ?? 'default') === mesh).map((s) => s.name);
  return [...new Set(names)].sort().slice(0, MAX_CHOICES);
}

function skeletonFixes(l: ListenerRead, text: string, names: string[]): Fix[] {
  const choices = names.length > 0 ? names : [PLACEHOLDER];
  return choices.flatMap((name) => {
    const edit = skeletonEdit(l, text, yamlName(name));
    if (!edit) return [];
    const title = names.length > 0 ? `Add tls: TERMINATE with the certificate of Secret "${name}"` : 'Add tls: TERMINATE (then name the Secret of the certificate)';
    return [{ title, edits: [edit] }];
  });
}

/** Replaces a `tls:` written without a value, or adds `tls` after the listener's last field. */
function skeletonEdit(l: ListenerRead, text: string, name: string) {
  const map = l.node;
  if (map.kind !== 'map' || map.pairs.length === 0) return null;
  const flow = text[map.span.start] === '{';
  const tls = l.tls.pair;
  if (flow) {
    const value = `tls: {mode: TERMINATE, certificates: [{secret: ${name}}]}`;
    if (tls) return { span: pairSpan(tls), newText: value };
    const close = text.lastIndexOf('}', map.span.end);
    return close < map.span.start ? null : { span: { start: close, end: close }, newText: `, ${value}` };
  }
  const at = tls ? tls.key.span.start : map.pairs[0].key.span.start;
  const indent = indentAt(text, at);
  const block = `tls:\n${indent}  mode: TERMINATE\n${indent}  certificates:\n${indent}    - secret: ${name}`;
  if (tls) return { span: pairSpan(tls), newText: block };
  const last = map.pairs[map.pairs.length - 1];
  const end = Math.max(last.key.span.end, contentEnd(last.value));
  return { span: { start: end, end }, newText: `\n${indent}${block}` };
}

/** A Secret name as a YAML scalar: plain when it reads back as the same string. */
function yamlName(name: string): string {
  return /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(name) && !/^[0-9.]+$/.test(name) ? name : JSON.stringify(name);
}
