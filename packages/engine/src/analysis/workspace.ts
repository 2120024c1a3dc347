import { readPemBundle } from '../kuma/certificates.js';
import { sameItems } from '../base/same-items.js';
import { secretKey, type CertificateContext } from '../merge/certificate-use.js';
import { documentDiagnostics } from './document-diagnostics.js';
import { mergeGateways, type MergeResult } from '../merge/merge.js';
import { dataplaneModel, gatewayModel, gatewayRouteModel, policyRouteModel, secretModel } from '../resources/models.js';
import { parseFile } from '../syntax/parse.js';
import { ParseCache } from '../syntax/parse-cache.js';
import { createParseCache } from '../syntax/parse-cache.js';
import { recogniseResources } from '../resources/recognise.js';
import { workspaceDiagnostics } from './workspace-diagnostics.js';
import type { AnalyzeOptions, FileAnalysis, FileInput, WorkspaceAnalysis, WorkspaceModels } from './types.js';
import type { SecretAccess } from '../merge/types.js';
import type { DataplaneModel, GatewayModel, GatewayRouteModel, PolicyRouteModel, ResourceDoc, SecretModel } from '../resources/types.js';
import type { Diagnostic } from '../base/diagnostic.js';
import type { PemBundleFacts } from '../kuma/certificate-types.js';
import type { Span } from '../base/types.js';
import { analysisDay } from './day.js';
import { refusalText, resourceStatus, takesEffect } from './resource-status.js';
import type { RefusedResources } from '../merge/merge.js';
import type { Location } from '../base/types.js';
import { unknownKindDiagnostics } from '../resources/unknown-kind.js';
import { secretAccessOf } from './secret-access.js';
import { DEFAULT_KUMA_VERSION, formatKumaVersion } from '../kuma/versions.js';
import type { KumaVersion } from '../kuma/versions.js';
import { overlayFiles, type Replacement } from './overlay.js';
import { withZoneTag, type ZoneTagMemo } from './zone-tag.js';
import { addTlsSkeletonFixes } from './tls-skeleton-fixes.js';
import { noLiveDataplane } from './no-live-dataplane.js';

/** The models of every recognised resource in the workspace. */
/** A workspace analysis with the models and merge state behind it, for editor features. */
export interface WorkspaceResult extends WorkspaceAnalysis {
  models: WorkspaceModels;
  merge: MergeResult;
  /** Reads a PEM bundle at this analysis' `now` (cached). */
  readBundle: (text: string) => PemBundleFacts;
  options: Required<Pick<AnalyzeOptions, 'certificateWarningDays' | 'reportUnknownFields' | 'kumaVersion'>> & AnalyzeOptions;
  now: Date;
  /** Control-plane resources (files named `cp:…`) that a file resource replaces; see overlay.ts. */
  replaced: Replacement[];
}

interface FileEntry {
  text: string;
  cache: ParseCache;
  /**
   * Single-document diagnostics by the document's tree (the same object while its text is
   * unchanged), with the offset they were made at.
   */
  documents: Map<object, { start: number; diagnostics: Diagnostic[] }>;
  analysis: FileAnalysis | null;
  analysedWith: string;
}

/**
 * A set of files analysed together, so that secrets, dataplanes and routes in one file resolve
 * for gateways in another. Each file's parse and single-document checks are cached by its text;
 * `analyze` re-parses only files whose text changed (and within them only changed documents),
 * then redoes the cheap cross-file part. The workspace holds no clock: `now` is an argument.
 */
export interface Workspace {
  setFile(file: string, text: string): void;
  removeFile(file: string): boolean;
  hasFile(file: string): boolean;
  files(): string[];
  analyze(options: AnalyzeOptions & { now: Date }): WorkspaceResult;
}

export function createWorkspace(): Workspace {
  const entries = new Map<string, FileEntry>();
  const bundles = createBundleCache();
  // Models are reused for every document whose parsed tree is reused (unchanged files, and the
  // unchanged documents of an edited file, whose spans the parse cache moves in place); the
  // model then points at the document's new ResourceDoc.
  const models = new WeakMap<object, AnyModel | null>();
  const modelOf: ModelOf = (doc, make) => {
    if (models.has(doc.root)) {
      const cached = models.get(doc.root) as ReturnType<typeof make>;
      if (cached && cached.doc !== doc) cached.doc = doc;
      return cached;
    }
    const m = make(doc);
    models.set(doc.root, m);
    return m;
  };
  const merges: MergeCache = new Map();
  const zoned: ZoneTagMemo = new WeakMap();
  return {
    setFile(file, text) {
      const entry = entries.get(file);
      if (entry) {
        if (entry.text !== text) {
          entry.text = text;
          entry.analysis = null;
        }
      } else {
        entries.set(file, { text, cache: createParseCache(), documents: new Map(), analysis: null, analysedWith: '' });
      }
    },
    removeFile(file) {
      return entries.delete(file);
    },
    hasFile(file) {
      return entries.has(file);
    },
    files() {
      return [...entries.keys()];
    },
    analyze(options) {
      const opts = { certificateWarningDays: 30, reportUnknownFields: true, ...options, kumaVersion: options.kumaVersion ?? DEFAULT_KUMA_VERSION };
      const optionKey = `${opts.reportUnknownFields}|${opts.maxFileSize ?? ''}|${formatKumaVersion(opts.kumaVersion)}`;
      const readBundle = bundles.reader(opts.now);
      const files: FileAnalysis[] = [];
      for (const [file, entry] of entries) {
        if (!entry.analysis || entry.analysedWith !== optionKey) analyzeFile(file, entry, opts, optionKey);
        files.push(entry.analysis as FileAnalysis);
      }
      return analyzeModels(files, opts, readBundle, modelOf, merges, zoned);
    },
  };
}

/**
 * Reads PEM bundles at an analysis' `now`, each text once per day: expiry is counted in whole
 * days, so facts stay right for the whole day they were read on.
 */
function createBundleCache(): { reader(now: Date): (text: string) => PemBundleFacts } {
  const cache = new Map<string, PemBundleFacts>();
  let cachedDay = NaN;
  return {
    reader(now) {
      const day = analysisDay(now);
      if (day !== cachedDay) {
        cache.clear();
        cachedDay = day;
      }
      return (text) => {
        let facts = cache.get(text);
        if (!facts) {
          facts = readPemBundle(text, now);
          cache.set(text, facts);
        }
        return facts;
      };
    },
  };
}

/**
 * Parses one file and runs the single-document checks, reusing those of documents whose text
 * is unchanged; stores the analysis on the entry.
 */
function analyzeFile(file: string, entry: FileEntry, opts: { reportUnknownFields: boolean; maxFileSize?: number; kumaVersion: KumaVersion }, optionKey: string): void {
  const parsed = parseFile(file, entry.text, {
    cache: entry.cache,
    limits: opts.maxFileSize !== undefined ? { maxFileSize: opts.maxFileSize } : {},
  });
  const resources = recogniseResources(parsed);
  const diagnostics = parsed.diagnostics.concat(unknownKindDiagnostics(parsed));
  const broken = parsed.diagnostics.length === 0 ? parsed.diagnostics : parsed.diagnostics.filter((d) => d.severity === 'error');
  const documents = new Map<object, { start: number; diagnostics: Diagnostic[] }>();
  for (const doc of resources) {
    // A document YAML cannot read is not what Kuma would see: its syntax errors say
    // enough, and checks of a half-read tree would only add noise.
    if (broken.some((d) => d.span.start >= doc.span.start && d.span.start <= doc.span.end)) continue;
    // The parse cache hands back the same tree for a document whose text is unchanged.
    const key = doc.root;
    let cached = entry.analysedWith === optionKey ? entry.documents.get(key) : undefined;
    if (!cached) {
      // Kept as a copy: the parse cache moves its trees' spans in place on later edits.
      const fresh = documentDiagnostics(doc, { reportUnknownFields: opts.reportUnknownFields, kumaVersion: opts.kumaVersion });
      cached = { start: doc.span.start, diagnostics: fresh.length === 0 ? fresh : structuredClone(fresh) };
    }
    documents.set(key, cached);
    if (cached.diagnostics.length > 0) diagnostics.push(...shiftDiagnostics(cached.diagnostics, doc.span.start - cached.start));
  }
  entry.documents = documents;
  entry.analysis = { file, parsed, resources, diagnostics };
  entry.analysedWith = optionKey;
}

/** Analyses a fixed set of files at once. */
export function analyzeFiles(inputs: FileInput[], options: AnalyzeOptions & { now: Date }): WorkspaceResult {
  const ws = createWorkspace();
  for (const f of inputs) ws.setFile(f.file, f.text);
  return ws.analyze(options);
}

type AnyModel = GatewayModel | DataplaneModel | GatewayRouteModel | PolicyRouteModel | SecretModel;

/** Builds a resource's model, or returns the one built for the same document before. */
type ModelOf = <M extends AnyModel>(doc: ResourceDoc, make: (doc: ResourceDoc) => M | null) => M | null;

/** The typed view of every resource document (refused and duplicate ones included). */
function buildModels(all: ResourceDoc[], modelOf: ModelOf): WorkspaceModels {
  const models: WorkspaceModels = { gateways: [], dataplanes: [], routes: [], policies: [], secrets: [] };
  for (const doc of all) {
    switch (doc.kind) {
      case 'MeshGateway': {
        const m = modelOf(doc, gatewayModel);
        if (m) models.gateways.push(m);
        break;
      }
      case 'Dataplane': {
        const m = modelOf(doc, dataplaneModel);
        if (m) models.dataplanes.push(m);
        break;
      }
      case 'MeshGatewayRoute': {
        const m = modelOf(doc, gatewayRouteModel);
        if (m) models.routes.push(m);
        break;
      }
      case 'MeshHTTPRoute':
      case 'MeshTCPRoute': {
        const m = modelOf(doc, policyRouteModel);
        if (m) models.policies.push(m);
        break;
      }
      case 'Secret':
      case 'GlobalSecret': {
        const m = modelOf(doc, secretModel);
        if (m) models.secrets.push(m);
        break;
      }
      default:
        break;
    }
  }
  return models;
}

function analyzeModels(
  allFiles: FileAnalysis[],
  opts: WorkspaceResult['options'] & { now: Date },
  readBundle: (text: string) => PemBundleFacts,
  modelOf: ModelOf,
  merges: MergeCache,
  zoned: ZoneTagMemo,
): WorkspaceResult {
  const { files, replaced } = overlayFiles(allFiles);
  const models = buildModels(files.flatMap((f) => f.resources), modelOf);
  models.dataplanes = withZoneTag(models.dataplanes, opts.controlPlaneZone, zoned);
  const status = resourceStatus(files);
  const takes = (m: { doc: ResourceDoc }) => takesEffect(status, m.doc);
  const refusedOf = <M extends { doc: ResourceDoc }>(list: M[]) => list.filter((m) => status.refused.has(m.doc));
  const effective: WorkspaceModels = {
    gateways: models.gateways.filter((g) => (status.copies.get(g.doc)?.kept ?? g.doc) === g.doc),
    dataplanes: models.dataplanes.filter(takes),
    routes: models.routes.filter(takes),
    policies: models.policies.filter(takes),
    secrets: models.secrets.filter(takes),
  };
  const refused: RefusedResources = {
    gateways: new Map(
      refusedOf(effective.gateways).map((g) => [g, (status.refused.get(g.doc) ?? []).map((d) => ({ path: d.path, message: d.message }))]),
    ),
    dataplanes: refusedOf(models.dataplanes),
    routes: refusedOf(models.routes),
    policies: refusedOf(models.policies),
    error: (doc) => refusalText(status, doc),
  };
  const certificates: CertificateContext = {
    secrets: new Map(effective.secrets.filter((s) => s.kind === 'Secret').map((s) => [secretKey(s.mesh ?? 'default', s.name), s])),
    globalSecrets: new Map(effective.secrets.filter((s) => s.kind === 'GlobalSecret').map((s) => [s.name, s])),
    read: readBundle,
    secretAccess: accessFor(opts.secretAccess),
    refusedSecrets: new Map(refusedOf(models.secrets).filter((s) => s.kind === 'Secret').map((s) => [secretKey(s.mesh ?? 'default', s.name), refusalText(status, s.doc)])),
  };
  const duplicates = (g: GatewayModel) =>
    (status.copies.get(g.doc)?.all ?? []).filter((d) => d !== g.doc).map((d) => ({ file: d.file, span: d.nameNode?.span ?? d.span }));
  const merge = mergeByMesh(effective, { refused, duplicates, certificates }, opts, merges);
  const diagnosticsByFile = new Map<string, Diagnostic[]>();
  for (const f of files) diagnosticsByFile.set(f.file, [...f.diagnostics]);
  const add = (d: Diagnostic) => {
    const list = diagnosticsByFile.get(d.file);
    if (list) list.push(d);
    else diagnosticsByFile.set(d.file, [d]);
  };
  for (const g of merge.gateways) g.diagnostics.forEach(add);
  status.diagnostics.forEach(add);
  for (const d of workspaceDiagnostics(effective, merge, { now: opts.now, warningDays: opts.certificateWarningDays, readBundle, secretAccess: accessFor(opts.secretAccess) })) add(d);
  noLiveDataplane(effective.gateways, merge, opts.dataplaneStatus !== undefined).forEach(add);
  addTlsSkeletonFixes(diagnosticsByFile, models.gateways, models.secrets, (file) => files.find((f) => f.file === file)?.parsed.text ?? null);
  for (const list of diagnosticsByFile.values()) list.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { files, gateways: merge.gateways, diagnosticsByFile, models, merge, readBundle, options: opts, now: opts.now, replaced };
}

function accessFor(option: AnalyzeOptions['secretAccess']): (mesh: string) => SecretAccess {
  return (mesh) => secretAccessOf(option, mesh);
}

/**
 * Diagnostics of a document whose text is unchanged but which moved by `delta` in its file
 * (an edit above it): the same findings, every span of the file moved.
 */
function shiftDiagnostics(diagnostics: Diagnostic[], delta: number): Diagnostic[] {
  if (delta === 0) return diagnostics;
  const move = (span: Span): Span => ({ start: span.start + delta, end: span.end + delta });
  return diagnostics.map((d) => ({
    ...d,
    span: move(d.span),
    ...(d.fixes ? { fixes: d.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, span: move(e.span) })) })) } : {}),
    ...(d.related
      ? { related: d.related.map((r) => (r.location.file === d.file ? { ...r, location: { ...r.location, span: move(r.location.span) } } : r)) }
      : {}),
  }));
}

/** One mesh's models, and the resources of it that Kuma refuses. */
interface MeshModels extends WorkspaceModels {
  refusedDataplanes: DataplaneModel[];
  refusedRoutes: GatewayRouteModel[];
  refusedPolicies: PolicyRouteModel[];
}

/** The last merge of each mesh, with what it was computed from. */
type MergeCache = Map<string, { inputs: unknown[]; key: string; result: MergeResult }>;

/**
 * Merges mesh by mesh (nothing of one mesh affects another's gateways), reusing a mesh's last
 * merge when its resources are the same model objects as then and nothing else it reads (the
 * day, secret access, dataplane states) changed: an edit to one document re-merges one mesh.
 * The result lists gateways in the order of `models.gateways`.
 */
function mergeByMesh(
  models: WorkspaceModels,
  shared: { refused: RefusedResources; duplicates: (g: GatewayModel) => Location[]; certificates: CertificateContext },
  opts: WorkspaceResult['options'] & { now: Date },
  cache: MergeCache,
): MergeResult {
  const { refused, duplicates, certificates } = shared;
  const meshes = new Map<string, MeshModels>();
  const of = (mesh: string) => {
    let m = meshes.get(mesh);
    if (!m) {
      m = { gateways: [], dataplanes: [], routes: [], policies: [], secrets: [], refusedDataplanes: [], refusedRoutes: [], refusedPolicies: [] };
      meshes.set(mesh, m);
    }
    return m;
  };
  for (const g of models.gateways) of(g.mesh).gateways.push(g);
  for (const d of models.dataplanes) of(d.mesh).dataplanes.push(d);
  for (const r of models.routes) of(r.mesh).routes.push(r);
  for (const p of models.policies) of(p.mesh).policies.push(p);
  for (const d of refused.dataplanes) of(d.mesh).refusedDataplanes.push(d);
  for (const r of refused.routes) of(r.mesh).refusedRoutes.push(r);
  for (const p of refused.policies) of(p.mesh).refusedPolicies.push(p);
  const globals: SecretModel[] = [];
  for (const s of models.secrets) {
    if (s.kind === 'GlobalSecret') globals.push(s);
    else of(s.mesh ?? 'default').secrets.push(s);
  }
  const status = opts.dataplaneStatus ?? {};
  const day = analysisDay(opts.now);
  const out: MergeResult = { gateways: [], merged: new Map(), attachments: new Map(), bindings: new Map() };
  const merged = out.merged;
  for (const key of [...cache.keys()]) if (!meshes.has(key)) cache.delete(key);
  for (const [mesh, m] of meshes) {
    const inputs: unknown[] = [
      ...m.gateways, null, ...m.dataplanes, null, ...m.routes, null, ...m.policies, null, ...m.secrets, null, ...globals, null,
      ...m.refusedDataplanes, null, ...m.refusedRoutes, null, ...m.refusedPolicies,
    ];
    const states = m.dataplanes.map((d) => JSON.stringify(status[`${d.mesh}/${d.name}`] ?? null)).join(',');
    const gatewayState = m.gateways.map((g) => `${refused.gateways.has(g) ? 'r' : 'a'}${duplicates(g).length}`).join(',');
    const version = formatKumaVersion(opts.kumaVersion);
    const key = `${version}|${day}|${certificates.secretAccess(mesh)}|${states}|${gatewayState}|${[...certificates.refusedSecrets.keys()].join(',')}`;
    const previous = cache.get(mesh);
    let result: MergeResult;
    if (previous && previous.key === key && sameItems(previous.inputs, inputs)) {
      result = previous.result;
    } else {
      result = mergeGateways({
        gateways: m.gateways,
        dataplanes: m.dataplanes,
        routes: m.routes,
        policies: m.policies,
        refused: { gateways: refused.gateways, dataplanes: m.refusedDataplanes, routes: m.refusedRoutes, policies: m.refusedPolicies, error: refused.error },
        duplicates,
        certificates,
        dataplaneStatus: status,
        kumaVersion: opts.kumaVersion,
      });
      cache.set(mesh, { inputs, key, result });
    }
    for (const [g, mg] of result.merged) merged.set(g, mg);
    for (const [g, a] of result.attachments) out.attachments.set(g, a);
    for (const [d, g] of result.bindings) out.bindings.set(d, g);
  }
  for (const g of models.gateways) {
    const m = merged.get(g);
    if (m) out.gateways.push(m);
  }
  return out;
}
