import { LIVE_FILE_PREFIX, type AnalyzeOptions, type FileInput, type SecretAccess } from '@meshgw/engine';
import type { ControlPlaneSnapshot } from './snapshot.js';
import type { RawResource } from '../types.js';

/** What the engine needs to analyse a control plane's resources like a folder of files. */
export interface SnapshotInputs {
  files: FileInput[];
  options: Pick<AnalyzeOptions, 'secretAccess' | 'dataplaneStatus' | 'controlPlaneZone'>;
}

/** The name a resource of the control plane gets as an engine "file": its API path. */
export function resourceFileName(mesh: string, collection: string, name: string): string {
  return `${LIVE_FILE_PREFIX}/meshes/${mesh}/${collection}/${name}`;
}

/**
 * Turns a snapshot into engine inputs: each resource becomes one JSON document (JSON is YAML),
 * builtin gateway proxies become Universal Dataplanes, and Secrets become Secrets that hold
 * only their certificates (the client dropped the keys, so the engine is told to skip key
 * checks). Meshes whose Secrets could not be read are marked so that their references read as
 * "not readable", not as missing. The control plane's zone goes along, for the `kuma.io/zone` tag
 * Kuma sets on the gateway Dataplanes of files laid over it. Documents are indented, for a reader
 * who opens one (the language server shows them); `compact` writes each on one line, which is
 * cheaper to write and to parse, for callers that never show the text (the outputs of `inspect`
 * and the terminal app hold no positions in it).
 */
export function snapshotInputs(snapshot: ControlPlaneSnapshot, options: { compact?: boolean } = {}): SnapshotInputs {
  const indent = options.compact === true ? undefined : 2;
  const files: FileInput[] = [];
  const secretAccess: Record<string, SecretAccess> = {};
  const dataplaneStatus: Record<string, { online: boolean; zone: string | null }> = {};
  const add = (mesh: string, collection: string, resource: RawResource, type: string) => {
    const doc = { ...resource, type: resource.type ?? type, mesh: resource.mesh ?? mesh };
    files.push({ file: resourceFileName(mesh, collection, resource.name), text: JSON.stringify(doc, null, indent) });
  };
  for (const m of snapshot.meshes) {
    for (const g of m.gateways) add(m.name, 'meshgateways', g, 'MeshGateway');
    for (const r of m.gatewayRoutes) add(m.name, 'meshgatewayroutes', r, 'MeshGatewayRoute');
    for (const r of m.httpRoutes) add(m.name, 'meshhttproutes', r, 'MeshHTTPRoute');
    for (const r of m.tcpRoutes) add(m.name, 'meshtcproutes', r, 'MeshTCPRoute');
    for (const dp of m.dataplanes) {
      dataplaneStatus[`${dp.mesh}/${dp.name}`] = { online: dp.online, zone: dp.zone };
      const doc = {
        type: 'Dataplane',
        mesh: dp.mesh,
        name: dp.name,
        networking: { address: dp.address ?? '', gateway: { type: dp.gatewayType, tags: dp.tags } },
      };
      files.push({ file: resourceFileName(m.name, 'dataplanes', dp.name), text: JSON.stringify(doc, null, indent) });
    }
    if (m.secrets.state === 'ok') {
      secretAccess[m.name] = 'certificates-only';
      for (const s of m.secrets.secrets) {
        const data = Buffer.from(s.certificates.join('\n'), 'utf8').toString('base64');
        const doc = { type: 'Secret', mesh: s.mesh ?? m.name, name: s.name, data };
        files.push({ file: resourceFileName(m.name, 'secrets', s.name), text: JSON.stringify(doc, null, indent) });
      }
    } else {
      secretAccess[m.name] = 'none';
    }
  }
  return { files, options: { secretAccess, dataplaneStatus, controlPlaneZone: snapshot.controlPlane.zone } };
}
