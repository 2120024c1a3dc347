import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { clientError, displayUrl } from '../errors.js';
import { parseKumactlConfig, type KumactlApiServer } from './kumactl-config.js';
import type { ConnectionSettings, ConnectionSource, Result, TlsSettings } from '../types.js';

/** What the user asked for on the command line. Every field is optional. */
export interface ConnectionFlags {
  /** `--cp URL`: use this API server and ignore the kumactl config entirely. */
  cp?: string;
  /** `--context NAME`: use this kumactl context instead of the current one. */
  context?: string;
  /** `--token`: overrides `MESHGW_TOKEN` and the context's token. */
  token?: string;
  /** `--ca-cert FILE`: trust only the CAs in this PEM file; overrides the context's `caCertFile`. */
  caCertFile?: string;
  /** `--client-cert FILE` and `--client-key FILE`: mutual TLS; both or neither. */
  clientCertFile?: string;
  clientKeyFile?: string;
  /** `--insecure-skip-tls-verify`: skip verification of the server certificate. */
  insecureSkipTlsVerify?: boolean;
  /** The kumactl config file; default `$HOME/.kumactl/config`. */
  configFile?: string;
}

/** The I/O `resolveConnection` needs, injected so tests need neither files nor a real env. */
export interface ConnectionEnvironment {
  /** Reads a UTF-8 file; rejects (with a Node error `code` such as `ENOENT`) when it cannot. */
  readFile(path: string): Promise<string>;
  env: Record<string, string | undefined>;
  /** Used when `env.HOME` is unset. */
  homeDir: string;
}

/** The process's real files, environment and home directory. */
export function nodeConnectionEnvironment(): ConnectionEnvironment {
  return {
    readFile: (path) => readFile(path, 'utf8'),
    env: process.env,
    homeDir: homedir(),
  };
}

/** kumactl's default when it has no config file: the control plane on this machine. */
const DEFAULT_URL = 'http://localhost:5681';

function configError<T>(message: string): Result<T> {
  return { ok: false, error: clientError('config', message) };
}

function checkUrl(url: string, where: string): Result<URL> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return configError(`${where} "${url}" is not a valid URL.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return configError(`${where} must start with http:// or https://, not ${parsed.protocol}//.`);
  }
  return { ok: true, value: parsed };
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

async function readPem(environment: ConnectionEnvironment, path: string, what: string, block: RegExp): Promise<Result<string>> {
  let content: string;
  try {
    content = await environment.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    return configError(`Cannot read the ${what} file ${path}${code !== undefined ? ` (${code})` : ''}.`);
  }
  if (!block.test(content)) return configError(`The ${what} file ${path} holds no PEM ${what}.`);
  return { ok: true, value: content };
}

interface Picked {
  url: string;
  source: ConnectionSource;
  apiServer: KumactlApiServer | null;
  defaultMesh: string | null;
}

async function pickFromKumactl(flags: ConnectionFlags, environment: ConnectionEnvironment): Promise<Result<Picked>> {
  const home = environment.env.HOME !== undefined && environment.env.HOME !== '' ? environment.env.HOME : environment.homeDir;
  const file = flags.configFile ?? join(home, '.kumactl', 'config');
  let source: string;
  try {
    source = await environment.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (code === 'ENOENT' && flags.context === undefined && flags.configFile === undefined) {
      return { ok: true, value: { url: DEFAULT_URL, source: { kind: 'default', file }, apiServer: null, defaultMesh: null } };
    }
    return configError(`Cannot read the kumactl config ${file}${code !== undefined ? ` (${code})` : ''}.`);
  }
  const parsed = parseKumactlConfig(source, file);
  if (!parsed.ok) return parsed;
  const config = parsed.value;
  const contextName = flags.context ?? config.currentContext;
  if (contextName === null || contextName === '') {
    return configError(`The kumactl config ${file} has no current context (kumactl: "active Control Plane is not set"). Pass --cp URL or --context NAME.`);
  }
  const context = config.contexts.find((candidate) => candidate.name === contextName);
  if (context === undefined) {
    const known = config.contexts.map((candidate) => candidate.name);
    return configError(
      `The kumactl config ${file} has no context "${contextName}"${known.length > 0 ? `; it has ${known.map((name) => `"${name}"`).join(', ')}` : ''}.`,
    );
  }
  const plane = config.controlPlanes.find((candidate) => candidate.name === context.controlPlane);
  if (plane === undefined) {
    return configError(`The kumactl context "${context.name}" names control plane "${context.controlPlane}", which ${file} does not define.`);
  }
  if (plane.apiServer.url === null) {
    return configError(`The control plane "${plane.name}" in ${file} has no coordinates.apiServer.url.`);
  }
  return {
    ok: true,
    value: {
      url: plane.apiServer.url,
      source: { kind: 'kumactl', file, context: context.name, controlPlane: plane.name },
      apiServer: plane.apiServer,
      defaultMesh: context.defaultMesh,
    },
  };
}

/** The token: `--token`, else `MESHGW_TOKEN`, else the context's own when its `authType` is `tokens`. */
function pickToken(
  flags: ConnectionFlags,
  environment: ConnectionEnvironment,
  server: KumactlApiServer | null,
): { token: string | null; tokenSource: ConnectionSettings['tokenSource'] } {
  let token: string | null = null;
  let tokenSource: ConnectionSettings['tokenSource'] = null;
  const envToken = environment.env.MESHGW_TOKEN;
  if (flags.token !== undefined && flags.token !== '') {
    token = flags.token;
    tokenSource = 'flag';
  } else if (envToken !== undefined && envToken !== '') {
    token = envToken;
    tokenSource = 'env';
  } else if (server !== null && server.authType === 'tokens') {
    const configured = server.authConf.token;
    if (configured !== undefined && configured !== '') {
      token = configured;
      tokenSource = 'kumactl';
    }
  }
  return { token, tokenSource };
}

/**
 * TLS settings, flags over the context's: the CA file and the client certificate and key files
 * are read here (both or neither of the latter). Also returns which files were named.
 */
async function readTls(
  flags: ConnectionFlags,
  server: KumactlApiServer | null,
  environment: ConnectionEnvironment,
): Promise<Result<{ tls: TlsSettings; caFile: string | null; certFile: string | null }>> {
  const tls: TlsSettings = {
    caCertificates: null,
    clientCertificate: null,
    clientKey: null,
    insecureSkipVerify: flags.insecureSkipTlsVerify === true || server?.skipVerify === true,
  };
  const caFile = flags.caCertFile ?? server?.caCertFile ?? null;
  const certFile = flags.clientCertFile ?? server?.clientCertFile ?? null;
  const keyFile = flags.clientKeyFile ?? server?.clientKeyFile ?? null;
  if ((certFile === null) !== (keyFile === null)) {
    return configError('A client certificate needs both a certificate file and a key file; only one is set.');
  }
  if (caFile !== null) {
    const ca = await readPem(environment, caFile, 'CA certificate', /-----BEGIN CERTIFICATE-----/);
    if (!ca.ok) return ca;
    tls.caCertificates = ca.value;
  }
  if (certFile !== null && keyFile !== null) {
    const cert = await readPem(environment, certFile, 'client certificate', /-----BEGIN CERTIFICATE-----/);
    if (!cert.ok) return cert;
    const key = await readPem(environment, keyFile, 'client key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/);
    if (!key.ok) return key;
    tls.clientCertificate = cert.value;
    tls.clientKey = key.value;
  }
  return { ok: true, value: { tls, caFile, certFile } };
}

/**
 * Decides where to connect and with which credentials: `--cp` if given, else `--context`, else
 * the current context of the kumactl config. The token is `--token`, else `MESHGW_TOKEN`, else the
 * context's `authConf.token` (when `authType` is `tokens`); a token from the kumactl config is
 * only ever sent to that context's own URL. TLS is verified unless `--insecure-skip-tls-verify`
 * or the context's `skipVerify` says otherwise. CA and client certificate files are read here.
 * Without a config file and without `--context`, the result is kumactl's default,
 * `http://localhost:5681`. The config file is only read, never written.
 */
export async function resolveConnection(flags: ConnectionFlags, environment: ConnectionEnvironment): Promise<Result<ConnectionSettings>> {
  const warnings: string[] = [];
  let picked: Picked;
  if (flags.cp !== undefined && flags.cp !== '') {
    picked = { url: flags.cp, source: { kind: 'flag' }, apiServer: null, defaultMesh: null };
    if (flags.context !== undefined) warnings.push('--context is ignored because --cp is given.');
  } else {
    const fromConfig = await pickFromKumactl(flags, environment);
    if (!fromConfig.ok) return fromConfig;
    picked = fromConfig.value;
  }
  const where = picked.source.kind === 'kumactl' ? `The API server URL of control plane "${picked.source.controlPlane}"` : 'The control plane URL';
  const url = checkUrl(picked.url, where);
  if (!url.ok) return url;

  const server = picked.apiServer;
  const { token, tokenSource } = pickToken(flags, environment, server);
  if (server !== null && server.authType !== null && server.authType !== 'tokens') {
    warnings.push(`Authentication type "${server.authType}" is not supported; continuing without its credentials.`);
  }

  const headers: Record<string, string> = {};
  for (const header of server?.headers ?? []) {
    if (/[\r\n]/.test(header.key) || /[\r\n]/.test(header.value)) {
      return configError(`The header "${header.key.replace(/[\r\n]/g, ' ')}" in the kumactl config contains a line break.`);
    }
    headers[header.key] = header.value;
  }
  if (token !== null && /[\r\n]/.test(token)) return configError('The token contains a line break.');

  const read = await readTls(flags, server, environment);
  if (!read.ok) return read;
  const { tls, caFile, certFile } = read.value;

  if (url.value.protocol === 'http:' && token !== null && !isLoopback(url.value.hostname)) {
    warnings.push(`The token is sent over plain HTTP to ${url.value.host}.`);
  }
  if (url.value.protocol === 'https:' && tls.insecureSkipVerify) {
    warnings.push(`TLS verification is off for ${url.value.host}: anyone in between can read the token and the answers.`);
  }
  if (url.value.protocol === 'http:' && (caFile !== null || certFile !== null)) {
    warnings.push('TLS settings are ignored because the URL is http://.');
  }

  return {
    ok: true,
    value: {
      url: picked.url,
      token,
      tokenSource,
      headers,
      tls,
      source: picked.source,
      defaultMesh: picked.defaultMesh,
      warnings,
    },
  };
}

/** One line for status bars and logs: URL, source, whether a token is used. Never the token. */
export function describeConnection(settings: ConnectionSettings): string {
  let url: string;
  try {
    url = displayUrl(new URL(settings.url));
  } catch {
    url = '(invalid URL)';
  }
  const parts: string[] = [];
  switch (settings.source.kind) {
    case 'flag':
      parts.push('from --cp');
      break;
    case 'kumactl':
      parts.push(`kumactl context "${settings.source.context}"`);
      break;
    case 'default':
      parts.push('default, no kumactl config');
      break;
  }
  const tokenFrom = { flag: '--token', env: 'MESHGW_TOKEN', kumactl: 'the kumactl context' } as const;
  parts.push(settings.tokenSource !== null ? `token from ${tokenFrom[settings.tokenSource]}` : 'no token');
  if (settings.tls.insecureSkipVerify) parts.push('TLS not verified');
  else if (settings.tls.caCertificates !== null) parts.push('custom CA');
  return `${url} (${parts.join(', ')})`;
}
