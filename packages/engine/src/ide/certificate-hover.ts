import type { CertificateRef, CertificateSource, GatewayModel, ListenerModel } from '../resources/types.js';
import type { WorkspaceResult } from '../analysis/workspace.js';
import type { CertificateContext, ListenerContext } from './describe.js';
import type { CertificateFacts, PemBundleFacts } from '../kuma/certificate-types.js';
import { hostnameCovered } from '../kuma/x509-names.js';
import { cell } from './markdown.js';
import { isLive } from './live-origin.js';
import { secretAccessOf } from '../analysis/secret-access.js';

export function certificateNames(l: ListenerModel): string {
  if (!l.tls || l.tls.certificates.length === 0) return '—';
  return l.tls.certificates.map((c) => cell(sourceName(c.source))).join(', ');
}

export function sourceName(source: CertificateSource): string {
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

// ---------------------------------------------------------------------------------------------
// Certificates

export function certificateHover(result: WorkspaceResult, gateway: GatewayModel, l: ListenerContext, c: CertificateContext): string[] {
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
      const live = isLive(c.use?.secret?.location);
      out.push(`**Certificate** \`${name}\` · ${live ? 'live ' : ''}Secret of mesh \`${gateway.mesh}\`${live ? ' from the control plane' : ''} (${where})`);
      if (!c.use) {
        const secret = result.models.secrets.find((s) => s.kind === 'Secret' && (s.mesh ?? 'default') === gateway.mesh && s.name === name);
        if (secret?.data) bundle = result.readBundle(secret.data);
        notes.push(`Not used: the listener does not terminate TLS (${l.model.protocol}${l.model.tls ? `, mode ${l.model.tls.mode}` : ''}).`);
      } else if (c.use.state === 'not-found') {
        notes.push(
          result.options.dataplaneStatus !== undefined
            ? `Secret \`${name}\` of mesh \`${gateway.mesh}\` is neither in the files nor on the control plane: Kuma fails the whole gateway's configuration.`
            : `Secret \`${name}\` of mesh \`${gateway.mesh}\` is not in the workspace. If the control plane lacks it too, Kuma fails the whole gateway's configuration.`,
        );
      } else if (c.use.state === 'unreadable' && secretAccessOf(result.options.secretAccess, gateway.mesh) === 'none') {
        notes.push(`Secrets are not readable with this token: the control plane shows Secrets of mesh \`${gateway.mesh}\` to admins only, so this certificate's facts are unknown.`);
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
  // A control plane's client drops private keys on arrival: their absence is not the Secret's.
  const keysDropped = secretAccessOf(result.options.secretAccess, gateway.mesh) === 'certificates-only' && ref.source.kind === 'secret';
  for (const p of bundle?.problems ?? []) if (!(keysDropped && p.code === 'missing-private-key')) notes.push(`${p.fatal ? 'Kuma fails on it: ' : ''}${p.message}`);
  if (notes.length > 0) out.push(notes.join('\n'));
  return out;
}
