import { parseDocument } from 'yaml';
import { isObject, type JsonObject } from '../decode.js';
import { clientError } from '../errors.js';
import type { Result } from '../types.js';

/**
 * The kumactl configuration (`~/.kumactl/config`), as `pkg/config/app/kumactl/v1alpha1/config.proto`
 * defines it. kumactl writes camelCase keys and, reading through protobuf JSON, accepts the
 * snake_case field names too; so does this reader, for every key. Unknown keys are ignored.
 */
export interface KumactlConfig {
  /** Empty or absent reads as null. */
  currentContext: string | null;
  contexts: KumactlContext[];
  controlPlanes: KumactlControlPlane[];
}

export interface KumactlContext {
  name: string;
  controlPlane: string;
  /** `defaults.mesh`; null when absent or empty. */
  defaultMesh: string | null;
}

export interface KumactlControlPlane {
  name: string;
  apiServer: KumactlApiServer;
}

/** `coordinates.apiServer`. Empty strings read as null. */
export interface KumactlApiServer {
  url: string | null;
  caCertFile: string | null;
  clientCertFile: string | null;
  clientKeyFile: string | null;
  /** `skipVerify` (kumactl 2.14.0, 2.13.8, 2.12.13, 2.11.18 and later). */
  skipVerify: boolean;
  authType: string | null;
  authConf: Record<string, string>;
  headers: { key: string; value: string }[];
}

/** The camelCase key, else its snake_case spelling (`caCertFile` -> `ca_cert_file`). */
function field(object: JsonObject, camel: string): unknown {
  if (object[camel] !== undefined) return object[camel];
  return object[camel.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)];
}

function text(object: JsonObject, camel: string): string | null {
  const value = field(object, camel);
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function objects(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function readApiServer(value: unknown): KumactlApiServer {
  const server = isObject(value) ? value : {};
  const authConf: Record<string, string> = {};
  const conf = field(server, 'authConf');
  if (isObject(conf)) {
    for (const [key, entry] of Object.entries(conf)) {
      if (typeof entry === 'string') authConf[key] = entry;
    }
  }
  const skip = field(server, 'skipVerify');
  return {
    url: text(server, 'url'),
    caCertFile: text(server, 'caCertFile'),
    clientCertFile: text(server, 'clientCertFile'),
    clientKeyFile: text(server, 'clientKeyFile'),
    skipVerify: skip === true || skip === 'true',
    authType: text(server, 'authType'),
    authConf,
    headers: objects(field(server, 'headers')).flatMap((header) => {
      const key = text(header, 'key');
      const headerValue = field(header, 'value');
      return key !== null ? [{ key, value: typeof headerValue === 'string' ? headerValue : '' }] : [];
    }),
  };
}

/**
 * Parses the text of a kumactl config file. An empty file is an empty config. Fails with a
 * `config` error when the text is not YAML or its top level is not a mapping; the message holds
 * only the parser's first line, never file content (the file may contain tokens).
 */
export function parseKumactlConfig(source: string, file: string): Result<KumactlConfig> {
  let json: unknown;
  try {
    const document = parseDocument(source, { prettyErrors: false, uniqueKeys: false });
    if (document.errors.length > 0) throw document.errors[0];
    json = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const first = String(error instanceof Error ? error.message : error).split('\n')[0].replace(/:\s*$/, '');
    return { ok: false, error: clientError('config', `The kumactl config ${file} is not valid YAML: ${first}.`) };
  }
  if (json === null || json === undefined) return { ok: true, value: { currentContext: null, contexts: [], controlPlanes: [] } };
  if (!isObject(json)) {
    return { ok: false, error: clientError('config', `The kumactl config ${file} is not a YAML mapping.`) };
  }
  const contexts = objects(field(json, 'contexts')).flatMap((context): KumactlContext[] => {
    const name = text(context, 'name');
    if (name === null) return [];
    const defaults = field(context, 'defaults');
    return [
      {
        name,
        controlPlane: text(context, 'controlPlane') ?? '',
        defaultMesh: isObject(defaults) ? text(defaults, 'mesh') : null,
      },
    ];
  });
  const controlPlanes = objects(field(json, 'controlPlanes')).flatMap((plane): KumactlControlPlane[] => {
    const name = text(plane, 'name');
    if (name === null) return [];
    const coordinates = field(plane, 'coordinates');
    return [{ name, apiServer: readApiServer(isObject(coordinates) ? field(coordinates, 'apiServer') : undefined) }];
  });
  return { ok: true, value: { currentContext: text(json, 'currentContext'), contexts, controlPlanes } };
}
