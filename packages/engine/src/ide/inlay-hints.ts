import { fileOf } from './describe.js';
import type { WorkspaceResult } from '../analysis/workspace.js';
import type { CertificateUse, MergedListener, MergedPort } from '../merge/types.js';
import type { CertificateRef, GatewayModel } from '../resources/types.js';
import type { Span } from '../base/types.js';
import { portText, varyingText } from '../merge/texts.js';

/** What a hint is about; the server may style them apart. */
export type InlayHintEntryKind = 'listener' | 'certificate';

/** A short label shown after the text at `offset` (UTF-16 units): the end of a line. */
export interface InlayHintEntry {
  offset: number;
  label: string;
  kind: InlayHintEntryKind;
}

/** The tag a listener hint names: the service the listener's Envoy listener serves. */
const SERVICE_TAG = 'kuma.io/service';

/**
 * The inlay hints of a file, in offset order, within `span` when given: at the end of each
 * listener's first line, its merged port (`8080/HTTP · 2 hosts · service=edge-gateway`: the
 * port's protocol, the hostnames merged on the port, the final `kuma.io/service` tag); at the end
 * of each certificate reference naming a Secret, the state of its leaf certificate
 * (`expires in 23 d`, `expired`, `not found`, `unreadable`).
 */
export function inlayHints(result: WorkspaceResult, file: string, span?: Span): InlayHintEntry[] {
  const analysis = fileOf(result, file);
  if (!analysis) return [];
  const text = analysis.parsed.text;
  const out: InlayHintEntry[] = [];
  for (const gateway of result.models.gateways) {
    if (gateway.doc.file !== file) continue;
    const merged = result.merge.merged.get(gateway) ?? null;
    // Each listener's merged port, looked up once: the hints stay linear in the listeners.
    const portOf = new Map<number, MergedPort>();
    for (const p of merged?.ports ?? []) for (const x of p.listeners) if (!portOf.has(x)) portOf.set(x, p);
    for (const l of gateway.listeners) {
      const ml = merged?.listeners[l.index] ?? null;
      if (ml) out.push({ offset: lineEnd(text, l.span.start), label: listenerLabel(ml, portOf.get(l.index)), kind: 'listener' });
      for (const ref of l.tls?.certificates ?? []) {
        const label = certificateLabel(result, gateway, ref, ml?.certificates.find((u) => u.index === ref.index) ?? null);
        if (label) out.push({ offset: lineEnd(text, ref.span.start), label, kind: 'certificate' });
      }
    }
  }
  const shown = span ? out.filter((h) => h.offset >= span.start && h.offset <= span.end) : out;
  return shown.sort((a, b) => a.offset - b.offset);
}

/** The offset where the line holding `offset` ends, before its line break. */
function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  const end = newline < 0 ? text.length : newline;
  return end > offset && text[end - 1] === '\r' ? end - 1 : end;
}

function listenerLabel(l: MergedListener, merged: MergedPort | undefined): string {
  const { port, protocol } = portText(l);
  const parts = [`${port}/${protocol}`];
  if (merged) parts.push(`${merged.hostnames.length} host${merged.hostnames.length === 1 ? '' : 's'}`);
  const service = l.finalTags.find((t) => t.key === SERVICE_TAG);
  const varying = l.varyingTags.find((t) => t.key === SERVICE_TAG);
  if (service) parts.push(`service=${service.value}`);
  else if (varying) parts.push(`service=${varyingText(varying)}`);
  return parts.join(' · ');
}

/**
 * A Secret reference's state: from the merge when the listener terminates TLS, else from the
 * Secret itself; null for other datasources.
 */
function certificateLabel(result: WorkspaceResult, gateway: GatewayModel, ref: CertificateRef, use: CertificateUse | null): string | null {
  if (ref.source.kind !== 'secret') return null;
  if (use) {
    if (use.state === 'not-found') return 'not found';
    if (use.state === 'unreadable') return 'unreadable';
    return use.bundle ? expiryLabel(use.bundle.certificates[0]) : null;
  }
  const name = ref.source.name;
  const secret = result.models.secrets.find((s) => s.kind === 'Secret' && s.mesh === gateway.mesh && s.name === name);
  if (!secret) return 'not found';
  if (secret.data === null) return 'unreadable';
  return expiryLabel(result.readBundle(secret.data).certificates[0]);
}

function expiryLabel(leaf: { daysLeft: number; expired: boolean } | undefined): string | null {
  if (!leaf) return null;
  return leaf.expired ? 'expired' : `expires in ${leaf.daysLeft} d`;
}
