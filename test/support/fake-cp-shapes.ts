/**
 * How one recorded Kuma version writes its answers, taken from its recording
 * (`kuma-recording.ts`): the recorded items serve as templates for a test's own resources
 * (metadata fields in Kuma's order, the labels, tags and `kri` Kuma adds), and the recorded error
 * bodies as templates for errors. Nothing here is written from documentation: a field appears
 * because the recorded `kuma-cp` wrote it.
 *
 * What the recorder PUT is known (scripts/record-kuma.mjs): no labels on any resource, only the
 * tags in `PUT_TAGS` on proxies. So every label of a recorded item, and every other tag, is one
 * Kuma added; a test's resource gets the same, with the mesh, name and zone replaced.
 */
import type { KumaRecording } from './kuma-recording.js';

export type Item = Record<string, unknown>;

/** The tags the recorder gave its Dataplanes; the recorded answers' other tags are Kuma's. */
const PUT_TAGS = new Set(['kuma.io/service', 'kuma.io/protocol']);

/** Metadata keys of Kuma's REST form; the rest of an item is its spec. */
const META_KEYS = new Set(['type', 'mesh', 'name', 'creationTime', 'modificationTime', 'labels', 'kri']);

/** Where each kind's template comes from: a recorded list and the item the recorder created. */
const TEMPLATES: Record<string, [label: string, name: string]> = {
  Mesh: ['meshes (client page size)', 'default'],
  MeshGateway: ['mesh gateways', 'edge'],
  MeshGatewayRoute: ['mesh gateway routes (client path)', 'edge-legacy'],
  MeshHTTPRoute: ['MeshHTTPRoutes', 'edge-http'],
  MeshTCPRoute: ['MeshTCPRoutes', 'internal-tcp'],
  Secret: ['secrets', 'edge-cert'],
  GlobalSecret: ['global secrets', 'shared-ca'],
};

/** The recorded proxy of each kind: a builtin gateway, a delegated gateway, a sidecar. */
const PROXY_TEMPLATES = { builtin: 'edge-1', delegated: 'kong-1', sidecar: 'web-1' } as const;
export type ProxyKind = keyof typeof PROXY_TEMPLATES;

/** A copy of JSON data. */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** `value` with every occurrence of `from` in its strings replaced by `to`. */
export function substitute(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') return value.split(from).join(to);
  if (Array.isArray(value)) return value.map((entry) => substitute(entry, from, to));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, substitute(entry, from, to)]));
  }
  return value;
}

/** A Go map as `encoding/json` writes it: keys sorted. */
function sortedMap(map: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function isItem(value: unknown): value is Item {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** What a test says about one resource besides its spec. */
export interface ResourceMeta {
  type: string;
  /** Absent for global kinds (Mesh, GlobalSecret). */
  mesh?: string;
  name: string;
  labels?: Record<string, string>;
  creationTime?: string;
  modificationTime?: string;
}

export interface VersionShapes {
  recording: KumaRecording;
  /** The zone name the recorded control plane gave its resources (`multizone.zone.name`), or null. */
  recordedZone: string | null;
  /** A resource in this version's REST form: metadata as the template of its kind, then `spec`. */
  resource(meta: ResourceMeta, spec: Item): Item;
  /** A Dataplane's `networking` with the tags Kuma adds. */
  networking(kind: ProxyKind, networking: { address: string; gateway?: { type?: string; tags: Record<string, string> }; inbound?: unknown[] }): Item;
  /** A Dataplane (`overview` false) or DataplaneOverview (`overview` true) without insight. */
  dataplane(kind: ProxyKind, meta: ResourceMeta, networking: Item, options: { overview: boolean }): Item;
  /** A Kuma error body of this version (the layout of its recorded 404), without causes. */
  error(status: number, title: string, detail: string): Item;
}

/**
 * The shapes of the recorded version. `zone` replaces the recorded zone name in labels, tags and
 * `kri` (a test's control plane may be in another zone).
 */
export function versionShapes(recording: KumaRecording, zone: string | null): VersionShapes {
  const config = (recording.call('config, Accept */*').body ?? {}) as { multizone?: { zone?: { name?: unknown } } };
  const recordedZone = typeof config.multizone?.zone?.name === 'string' && config.multizone.zone.name !== '' ? config.multizone.zone.name : null;
  const zoneValue = (value: string): string => (recordedZone !== null && zone !== null && value === recordedZone ? zone : value);

  function template(type: string): Item {
    const [label, name] = TEMPLATES[type] ?? TEMPLATES.MeshGateway;
    const list = recording.find(label);
    const found = list?.status === 200 ? (list.body as { items: Item[] }).items.find((item) => item.name === name) : undefined;
    // A kind this version refused to create (MeshHTTPRoute targeting a gateway before 2.6) takes
    // the metadata of another mesh-scoped kind of the same version.
    return found ?? recording.item('mesh gateways', 'edge');
  }

  function proxyTemplate(kind: ProxyKind, overview: boolean): Item {
    return recording.item(overview ? 'dataplanes with insights' : 'dataplanes', PROXY_TEMPLATES[kind]);
  }

  /** Kuma's labels of the template (the recorder set none), for another mesh and zone, then the test's. */
  function labelsFor(templateLabels: unknown, meta: ResourceMeta): Record<string, string> | undefined {
    if (!isItem(templateLabels) && meta.labels === undefined) return undefined;
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(isItem(templateLabels) ? templateLabels : {})) {
      if (typeof value !== 'string') continue;
      out[key] = key === 'kuma.io/mesh' && meta.mesh !== undefined ? meta.mesh : key === 'kuma.io/zone' ? zoneValue(value) : value;
    }
    Object.assign(out, meta.labels ?? {});
    return sortedMap(out);
  }

  /** `kri_<short>_<mesh>_<zone>_<namespace>_<name>_<section>`, the template's with ours filled in. */
  function kriFor(templateKri: string, meta: ResourceMeta, labels: Record<string, string> | undefined): string {
    const parts = templateKri.split('_');
    if (parts.length !== 7) return templateKri;
    const [kri, short, mesh, kriZone, namespace, , section] = parts;
    return [
      kri,
      short,
      mesh === '' ? '' : (meta.mesh ?? ''),
      labels?.['kuma.io/zone'] ?? zoneValue(kriZone),
      labels?.['k8s.kuma.io/namespace'] ?? namespace,
      meta.name,
      section,
    ].join('_');
  }

  function metadata(templateItem: Item, meta: ResourceMeta): Item {
    const out: Item = {};
    const labels = labelsFor(templateItem.labels, meta);
    for (const key of Object.keys(templateItem)) {
      if (!META_KEYS.has(key)) continue;
      switch (key) {
        case 'type':
          out.type = meta.type;
          break;
        case 'mesh':
          if (meta.mesh !== undefined) out.mesh = meta.mesh;
          break;
        case 'name':
          out.name = meta.name;
          break;
        case 'creationTime':
        case 'modificationTime':
          out[key] = meta[key] ?? templateItem[key];
          // A template without labels still has them after its times when the test gives some.
          if (key === 'modificationTime' && !('labels' in templateItem) && labels !== undefined) out.labels = labels;
          break;
        case 'labels':
          if (labels !== undefined) out.labels = labels;
          break;
        case 'kri':
          out.kri = kriFor(String(templateItem.kri), meta, labels);
          break;
      }
    }
    return out;
  }

  /** The tags of a recorded tag map that Kuma added, for our zone. */
  function addedTags(recordedTags: unknown): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(isItem(recordedTags) ? recordedTags : {})) {
      if (!PUT_TAGS.has(key) && typeof value === 'string') out[key] = key === 'kuma.io/zone' ? zoneValue(value) : value;
    }
    return out;
  }

  function networking(kind: ProxyKind, input: Parameters<VersionShapes['networking']>[1]): Item {
    const recorded = ((proxyTemplate(kind, false).networking ?? {}) as Item);
    const out: Item = { address: input.address };
    if (input.gateway !== undefined) {
      const gateway: Item = { tags: sortedMap({ ...addedTags((recorded.gateway as Item | undefined)?.tags), ...input.gateway.tags }) };
      // DELEGATED is the enum's default: protobuf JSON leaves it out, as the recorded kong-1 shows.
      if (input.gateway.type === 'BUILTIN') gateway.type = 'BUILTIN';
      out.gateway = gateway;
    }
    if (input.inbound !== undefined) {
      const recordedInbound = Array.isArray(recorded.inbound) && isItem(recorded.inbound[0]) ? recorded.inbound[0] : {};
      const extra = addedTags(recordedInbound.tags);
      out.inbound = input.inbound.map((entry) =>
        isItem(entry) && isItem(entry.tags) ? { ...entry, tags: sortedMap({ ...extra, ...(entry.tags as Record<string, string>) }) } : entry,
      );
    }
    return out;
  }

  const errorLayout = recording.call('missing gateway').body as Item;

  return {
    recording,
    recordedZone,
    resource: (meta, spec) => ({ ...metadata(template(meta.type), meta), ...spec }),
    networking,
    dataplane(kind, meta, net, { overview }) {
      const head = metadata(proxyTemplate(kind, overview), meta);
      return overview ? { ...head, dataplane: { networking: net } } : { ...head, networking: net };
    },
    error(status, title, detail) {
      const out: Item = {};
      for (const key of Object.keys(errorLayout)) {
        if (key === 'type') out.type = errorLayout.type;
        else if (key === 'status') out.status = typeof errorLayout.status === 'string' ? String(status) : status;
        else if (key === 'title') out.title = title;
        else if (key === 'detail' || key === 'details') out[key] = detail;
      }
      return out;
    },
  };
}
