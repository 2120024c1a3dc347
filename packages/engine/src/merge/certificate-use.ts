import { decodeBase64 } from '../kuma/certificates.js';
import { hostnameCovered } from '../kuma/x509-names.js';
import type { SecretAccess } from './types.js';
import type { CertificateRef, GatewayModel, ListenerModel, SecretModel } from '../resources/types.js';
import type { CertificateUse } from './types.js';
import type { Diagnostic } from '../base/diagnostic.js';
import type { PemBundleFacts } from '../kuma/certificate-types.js';
import { diagnostic } from '../base/diagnostic.js';
import type { DiagnosticCode } from '../base/codes.js';
import { resourceRef } from '../resources/resource-ref.js';

/** Reads a PEM bundle; the workspace passes a cached reader bound to its `now`. */
export type BundleReader = (text: string) => PemBundleFacts;

export interface CertificateContext {
  secrets: Map<string, SecretModel>;
  globalSecrets: Map<string, SecretModel>;
  read: BundleReader;
  /** How much of the Secrets of a mesh the caller could read. */
  secretAccess: (mesh: string) => SecretAccess;
  /** Secrets Kuma refuses, by `secretKey`, with Kuma's error: they never exist. */
  refusedSecrets: Map<string, string>;
}

export function secretKey(mesh: string, name: string): string {
  return `${mesh}/${name}`;
}

/**
 * Resolves one certificate datasource of a listener: finds the Secret of the gateway's mesh
 * (gateways cannot use GlobalSecrets), reads inline bundles, and says whether the leaf covers
 * the listener hostname. Diagnostics about the reference are pushed to `out`.
 */
export function resolveCertificate(
  gateway: GatewayModel,
  listener: ListenerModel,
  ref: CertificateRef,
  ctx: CertificateContext,
  out: Diagnostic[],
): CertificateUse {
  const file = gateway.doc.file;
  const location = { file, span: ref.span };
  const base: CertificateUse = { index: ref.index, source: ref.source, location, state: 'empty', secret: null, bundle: null, coversHostname: null, blocking: [] };
  const warn = (code: DiagnosticCode, message: string) =>
    out.push(diagnostic({
      code,
      severity: 'warning',
      path: `${gateway.doc.pathPrefix}conf.listeners[${listener.index}].tls.certificates[${ref.index}]`,
      message,
      file,
      span: ref.span,
      resource: resourceRef(gateway.doc),
    }));
  let text: string | null = null;
  switch (ref.source.kind) {
    case 'empty':
      warn('certificate-empty', 'This certificate datasource names no source (secret, inline or inlineString); Kuma accepts it but cannot load a certificate from it.');
      return base;
    case 'file':
      return { ...base, state: 'file' };
    case 'inline':
      text = decodeBase64(ref.source.base64);
      break;
    case 'inlineString':
      text = ref.source.text;
      break;
    case 'secret': {
      const name = ref.source.name;
      if (ctx.secretAccess(gateway.mesh) === 'none') {
        return { ...base, state: 'unreadable', secret: { name, location: null } };
      }
      const secret = ctx.secrets.get(secretKey(gateway.mesh, name));
      const refusal = secret ? undefined : ctx.refusedSecrets.get(secretKey(gateway.mesh, name));
      if (refusal !== undefined) {
        warn('reference-rejected', `Secret "${name}" would provide this certificate, but Kuma rejects it: ${refusal}`);
        return { ...base, state: 'not-found', secret: { name, location: null } };
      }
      if (!secret) {
        const global = ctx.globalSecrets.get(name);
        warn(
          'certificate-secret-not-found',
          global
            ? `Secret "${name}" is a GlobalSecret; gateways only read Secrets of their own mesh "${gateway.mesh}", so Kuma fails to generate this gateway's configuration.`
            : `Secret "${name}" of mesh "${gateway.mesh}" is not in the workspace. If the control plane lacks it too, Kuma fails the whole gateway's configuration: could not load data: resource not found: type="Secret" name="${name}" mesh="${gateway.mesh}".`,
        );
        return { ...base, state: 'not-found', secret: { name, location: null } };
      }
      const secretLocation = { file: secret.doc.file, span: secret.dataSpan ?? secret.doc.span };
      if (secret.data === null) {
        return { ...base, state: 'unreadable', secret: { name, location: secretLocation } };
      }
      text = secret.data;
      const bundle = ctx.read(text);
      return finish({ ...base, state: 'ok', secret: { name, location: secretLocation }, bundle }, listener, ctx.secretAccess(gateway.mesh), warn, false);
    }
  }
  if (text === null) {
    warn('certificate-inline-invalid', 'This inline certificate is not valid base64.');
    return { ...base, state: 'unreadable' };
  }
  return finish({ ...base, state: 'ok', bundle: ctx.read(text) }, listener, ctx.secretAccess(gateway.mesh), warn, true);
}

function finish(
  use: CertificateUse,
  listener: ListenerModel,
  access: SecretAccess,
  warn: (code: DiagnosticCode, message: string) => void,
  inline: boolean,
): CertificateUse {
  const bundle = use.bundle;
  if (!bundle) return use;
  const keysDropped = access === 'certificates-only';
  const fatal = bundle.problems.filter((p) => p.fatal && !(keysDropped && p.code === 'missing-private-key'));
  use.blocking = fatal;
  if (fatal.length > 0) {
    const what = use.secret ? `Secret "${use.secret.name}"` : 'This inline certificate';
    warn('certificate-unusable', `${what} cannot be used by the gateway: ${fatal.map((p) => p.message).join('; ')}.`);
  } else if (inline) {
    for (const p of bundle.problems) warn(`certificate-${p.code}` satisfies DiagnosticCode, p.message);
  }
  const leaf = bundle.certificates[0];
  if (leaf) {
    use.coversHostname = hostnameCovered(leaf.sans, leaf.commonName, listener.hostname);
    if (use.coversHostname === false) {
      warn(
        'certificate-hostname-not-covered',
        `The certificate does not cover the listener hostname "${listener.hostname}" (SANs: ${leaf.sans.length > 0 ? leaf.sans.join(', ') : 'none'}); clients will reject it.`,
      );
    }
    if (inline) {
      if (leaf.expired) warn('certificate-expired', `The certificate expired on ${leaf.notAfter.slice(0, 10)}.`);
    }
  }
  return use;
}
