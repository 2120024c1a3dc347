import type { PathKey } from './describe.js';
import { describeTextAt } from './text-context.js';
import type { TextContext } from './text-context.js';
import { typeText } from './field-docs.js';
import { fieldDocumentation } from './field-docs.js';
import type { WorkspaceResult } from '../analysis/workspace.js';
import type { ResourceKind } from '../kuma/kinds.js';
import type { Span } from '../base/types.js';
import { childFields, fieldAtPath } from '../kuma/fields/documents.js';
import type { FieldSpec } from '../kuma/fields/field-type.js';
import { isDataplaneOnlyTag } from '../kuma/reserved-tags.js';
import { RESOURCE_KINDS, isKubernetesCustomKind } from '../kuma/kinds.js';
import { documentSnippets, listenerSnippets } from './snippets.js';
import { choiceText, placeholderText, yamlScalar } from './snippet-text.js';
import { secretNames } from './workspace-names.js';
import type { CompletionEntry, CompletionKind } from './completion-types.js';
import { fieldKnown, writableValues } from '../kuma/fields/field-type.js';
import type { KumaVersion } from '../kuma/versions.js';

/** Tag keys that come from the Dataplane only: Kuma rejects them in gateway and listener tags. */

/** Kuma's tag syntax: only tags that would pass admission are offered. */
const TAG_KEY = /^[a-zA-Z0-9.\-_:/]+$/;
const TAG_VALUE = /^[a-zA-Z0-9.\-_:/]+$/;
/** Dataplane tag values may not contain `/`. */
const DATAPLANE_TAG_VALUE = /^[a-zA-Z0-9.\-_:]+$/;

type TagPlace = 'dataplane' | 'gateway' | 'listener' | 'gateway-selector' | 'route-selector' | 'route-target';

/**
 * Completions at `offset` (UTF-16 units) of `text`, the current content of `file`: keys with
 * their documentation at every level, enum values, tag keys and values used in the workspace,
 * secret and mesh names, and snippets. The cursor's place is read from the text and its
 * indentation, so this works while the YAML is half typed; `result` supplies what the
 * workspace knows (tags, secrets, meshes).
 */
export function completeAt(result: WorkspaceResult, file: string, offset: number, text: string): CompletionEntry[] {
  const ctx = describeTextAt(text, offset);
  if (!ctx) return [];
  if (ctx.empty) return documentSnippets(result, ctx);
  const own = { file, offset };
  return ctx.position === 'value' ? valueEntries(result, ctx, own) : keyEntries(result, ctx, own);
}

interface Own {
  file: string;
  offset: number;
}

function specPathOf(kind: ResourceKind, form: TextContext['form'], path: PathKey[]): PathKey[] | null {
  const underSpec = form === 'kubernetes' || kind === 'MeshHTTPRoute' || kind === 'MeshTCPRoute';
  if (!underSpec) return path;
  return path[0] === 'spec' ? path.slice(1) : null;
}

function matches(path: PathKey[] | null, pattern: (string | 'N')[]): boolean {
  if (!path || path.length !== pattern.length) return false;
  return pattern.every((p, i) => (p === 'N' ? typeof path[i] === 'number' : path[i] === p));
}

/** Which tag map a map path is, if any. */
function tagPlace(kind: ResourceKind, spec: PathKey[] | null): TagPlace | null {
  switch (kind) {
    case 'MeshGateway':
      if (matches(spec, ['tags'])) return 'gateway';
      if (matches(spec, ['conf', 'listeners', 'N', 'tags'])) return 'listener';
      if (matches(spec, ['selectors', 'N', 'match'])) return 'gateway-selector';
      return null;
    case 'MeshGatewayRoute':
      return matches(spec, ['selectors', 'N', 'match']) ? 'route-selector' : null;
    case 'Dataplane':
      return matches(spec, ['networking', 'gateway', 'tags']) ? 'dataplane' : null;
    case 'MeshHTTPRoute':
    case 'MeshTCPRoute':
      return matches(spec, ['targetRef', 'tags']) ? 'route-target' : null;
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Keys

function keyEntries(result: WorkspaceResult, ctx: TextContext, own: Own): CompletionEntry[] {
  const kind = ctx.kind;
  if (!kind) return [];
  const container = ctx.path;
  const spec = specPathOf(kind, ctx.form, container);
  const containerField = container.length > 0 ? fieldAtPath(kind, ctx.form, container) : null;
  if (container.length > 0 && !containerField) return [];
  if (containerField && containerField.type.kind === 'map') {
    const place = tagPlace(kind, spec);
    return place ? tagKeyEntries(result, ctx, own, place) : [];
  }
  if (containerField && containerField.type.kind === 'list') {
    if (kind === 'MeshGateway' && matches(spec, ['conf', 'listeners'])) return listenerSnippets(result, ctx, { dash: true });
    return [];
  }
  const written = new Set(ctx.siblings);
  const target = result.options.kumaVersion;
  const fields = childFields(kind, ctx.form, container).filter((f) => fieldKnown(f, target));
  const out = fields
    .filter((f) => !written.has(f.name) && !(f.protoName && written.has(f.protoName)))
    .map((f, i): CompletionEntry => ({
      label: f.name,
      kind: 'field',
      detail: `${typeText(f.type)}${f.required ? ' · required' : ''}`,
      documentation: fieldDocumentation(f, target),
      ...keyInsert(f, ctx, result),
      span: ctx.span,
      sortText: `${f.required ? '0' : '1'}${f.deprecated ? '9' : '0'}${String(i).padStart(3, '0')}`,
    }));
  if (kind === 'MeshGateway' && matches(spec, ['conf', 'listeners', 'N']) && ctx.afterDash && ctx.siblings.length === 0 && !ctx.hasColon) {
    out.push(...listenerSnippets(result, ctx, { dash: false }));
  }
  return out;
}

function keyInsert(f: FieldSpec, ctx: TextContext, result: WorkspaceResult): { insertText: string; snippet: boolean } {
  if (ctx.hasColon) return { insertText: f.name, snippet: false };
  const child = ' '.repeat(ctx.column + 2);
  const t = f.type;
  switch (t.kind) {
    case 'object':
    case 'map':
      return { insertText: `${f.name}:\n${child}$0`, snippet: true };
    case 'list':
      return { insertText: `${f.name}:\n${child}- $0`, snippet: true };
    case 'enum': {
      const values = validValues(f, result.options.kumaVersion);
      if (values.length === 1) return { insertText: `${f.name}: ${values[0]}`, snippet: false };
      return { insertText: `${f.name}: \${1|${values.map(choiceText).join(',')}|}`, snippet: true };
    }
    case 'bool':
      return { insertText: `${f.name}: \${1|true,false|}`, snippet: true };
    default: {
      const spec = ctx.kind ? specPathOf(ctx.kind, ctx.form, [...ctx.path, f.name]) : null;
      if (ctx.kind === 'MeshGateway' && matches(spec, ['conf', 'listeners', 'N', 'tls', 'certificates', 'N', 'secret'])) {
        const names = secretNames(result, ctx.mesh ?? 'default');
        if (names.length > 0) return { insertText: `${f.name}: \${1|${names.map((n) => choiceText(yamlScalar(n))).join(',')}|}`, snippet: true };
      }
      return { insertText: `${f.name}: `, snippet: false };
    }
  }
}

function validValues(f: FieldSpec, target: KumaVersion): string[] {
  if (f.type.kind !== 'enum') return [];
  return writableValues(f.type, target).map((v) => v.name);
}

// ---------------------------------------------------------------------------------------------
// Values

function valueEntries(result: WorkspaceResult, ctx: TextContext, own: Own): CompletionEntry[] {
  const path = ctx.path;
  const kind = ctx.kind;
  const pad = ctx.needsSpace ? ' ' : '';
  const value = (label: string, entryKind: CompletionKind, detail: string, documentation: string | null, sort: number): CompletionEntry => ({
    label,
    kind: entryKind,
    detail,
    documentation,
    insertText: pad + yamlScalar(label),
    snippet: false,
    span: ctx.span,
    sortText: String(sort).padStart(4, '0'),
  });
  if (!kind) {
    if (matches(path, ['type'])) return RESOURCE_KINDS.map((k, i) => value(k, 'value', 'resource type', null, i));
    if (matches(path, ['kind']) && ctx.form === 'kubernetes') return RESOURCE_KINDS.filter(isKubernetesCustomKind).map((k, i) => value(k, 'value', 'resource kind', null, i));
    if (matches(path, ['apiVersion'])) return [value('kuma.io/v1alpha1', 'value', 'Kuma API group', null, 0)];
    return [];
  }
  const spec = specPathOf(kind, ctx.form, path);
  const place = spec && spec.length > 0 ? tagPlace(kind, spec.slice(0, -1)) : null;
  if (place && ctx.key !== null) return tagValueEntries(result, ctx, own, place, ctx.key, pad);
  if (kind === 'MeshGateway' && matches(spec, ['conf', 'listeners', 'N', 'tls', 'certificates', 'N', 'secret'])) {
    return secretEntries(result, ctx, pad);
  }
  if (matches(path, ['mesh']) || matches(path, ['metadata', 'labels', 'kuma.io/mesh'])) return meshEntries(result, ctx, pad);
  const field = fieldAtPath(kind, ctx.form, path);
  if (!field) return [];
  if (field.type.kind === 'enum') {
    return writableValues(field.type, result.options.kumaVersion).map((v, i) => value(v.name, 'value', field.name, v.doc, i));
  }
  if (field.type.kind === 'bool') return [value('true', 'value', field.name, null, 0), value('false', 'value', field.name, null, 1)];
  return [];
}

// ---------------------------------------------------------------------------------------------
// Tags

interface TagUse {
  values: Map<string, Set<string>>;
  layers: Set<'dataplane' | 'gateway' | 'listener'>;
}

/** Tags written in dataplane gateway tags, gateway tags and listener tags, with where. */
function workspaceTags(result: WorkspaceResult, own: Own): Map<string, TagUse> {
  const out = new Map<string, TagUse>();
  const add = (layer: 'dataplane' | 'gateway' | 'listener', file: string, t: { key: string; value: string; keySpan: Span; valueSpan: Span }, where: string) => {
    if (file === own.file && ((own.offset >= t.keySpan.start && own.offset <= t.keySpan.end) || (own.offset >= t.valueSpan.start && own.offset <= t.valueSpan.end))) return;
    if (!TAG_KEY.test(t.key)) return;
    let use = out.get(t.key);
    if (!use) {
      use = { values: new Map(), layers: new Set() };
      out.set(t.key, use);
    }
    use.layers.add(layer);
    if (TAG_VALUE.test(t.value)) {
      const set = use.values.get(t.value) ?? new Set<string>();
      set.add(where);
      use.values.set(t.value, set);
    }
  };
  for (const dp of result.models.dataplanes) for (const t of dp.gatewayTags) add('dataplane', dp.doc.file, t, `Dataplane \`${dp.name}\``);
  for (const g of result.models.gateways) {
    for (const t of g.tags) add('gateway', g.doc.file, t, `MeshGateway \`${g.name}\``);
    for (const l of g.listeners) for (const t of l.tags) add('listener', g.doc.file, t, `listener #${l.index} of \`${g.name}\``);
  }
  return out;
}

function tagKeyEntries(result: WorkspaceResult, ctx: TextContext, own: Own, place: TagPlace): CompletionEntry[] {
  const tags = workspaceTags(result, own);
  const written = new Set(ctx.siblings);
  const entries: CompletionEntry[] = [];
  const keys = [...tags.keys()].sort();
  keys.forEach((key, i) => {
    if (written.has(key)) return;
    if ((place === 'gateway' || place === 'listener') && isDataplaneOnlyTag(key)) return;
    const use = tags.get(key) as TagUse;
    const values = [...use.values.keys()].filter((v) => place !== 'dataplane' || DATAPLANE_TAG_VALUE.test(v)).sort();
    // A gateway selector matches Dataplanes: their tags come first.
    const preferred = place === 'gateway-selector' ? use.layers.has('dataplane') : true;
    let insertText: string;
    let snippet = false;
    const keyText = yamlScalar(key);
    if (ctx.hasColon) {
      insertText = keyText;
    } else if (values.length === 0) {
      insertText = `${keyText}: `;
    } else if (values.length === 1) {
      insertText = `${keyText}: \${1:${placeholderText(yamlScalar(values[0]))}}`;
      snippet = true;
    } else {
      insertText = `${keyText}: \${1|${values.map((v) => choiceText(yamlScalar(v))).join(',')}|}`;
      snippet = true;
    }
    entries.push({
      label: key,
      kind: 'tag-key',
      detail: `tag · ${[...use.layers].join(', ')}`,
      documentation: values.length > 0 ? `Values used in the workspace:\n\n${values.map((v) => `- \`${v}\` (${[...(use.values.get(v) ?? [])].join(', ')})`).join('\n')}` : null,
      insertText,
      snippet,
      span: ctx.span,
      sortText: `${preferred ? '0' : '1'}${String(i).padStart(4, '0')}`,
    });
  });
  return entries;
}

function tagValueEntries(result: WorkspaceResult, ctx: TextContext, own: Own, place: TagPlace, key: string, pad: string): CompletionEntry[] {
  const use = workspaceTags(result, own).get(key);
  const values = use ? [...use.values.keys()].filter((v) => place !== 'dataplane' || DATAPLANE_TAG_VALUE.test(v)).sort() : [];
  const out: CompletionEntry[] = values.map((v, i) => ({
    label: v,
    kind: 'tag-value',
    detail: `${key} · ${[...(use?.values.get(v) ?? [])].length} use(s)`,
    documentation: `Used by ${[...(use?.values.get(v) ?? [])].join(', ')}.`,
    insertText: pad + yamlScalar(v),
    snippet: false,
    span: ctx.span,
    sortText: `0${String(i).padStart(4, '0')}`,
  }));
  if (place === 'gateway-selector' || place === 'route-selector' || place === 'route-target') {
    out.push({
      label: '*',
      kind: 'tag-value',
      detail: `${key} · any value`,
      documentation: 'Matches any value, as long as the tag is present.',
      insertText: `${pad}'*'`,
      snippet: false,
      span: ctx.span,
      sortText: '1',
    });
  }
  return out;
}

function secretEntries(result: WorkspaceResult, ctx: TextContext, pad: string): CompletionEntry[] {
  const mesh = ctx.mesh ?? 'default';
  const secrets = result.models.secrets.filter((s) => s.kind === 'Secret' && (s.mesh ?? 'default') === mesh).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return secrets.map((s, i) => {
    const leaf = s.data !== null ? result.readBundle(s.data).certificates[0] : undefined;
    const detail = leaf
      ? `${leaf.commonName ?? leaf.subject} · ${leaf.keyType}${leaf.keyBits ? ` ${leaf.keyBits}` : ''} · ${leaf.expired ? 'expired' : `${leaf.daysLeft} days left`}`
      : `Secret of mesh ${mesh}`;
    const documentation = leaf
      ? [`Secret \`${s.name}\` of mesh \`${mesh}\``, '', `- Subject: ${leaf.subject}`, `- SANs: ${leaf.sans.join(', ') || '—'}`, `- Not after: ${leaf.notAfter}`].join('\n')
      : `Secret \`${s.name}\` of mesh \`${mesh}\`.`;
    return {
      label: s.name,
      kind: 'secret' as const,
      detail,
      documentation,
      insertText: pad + yamlScalar(s.name),
      snippet: false,
      span: ctx.span,
      sortText: String(i).padStart(4, '0'),
    };
  });
}

function meshEntries(result: WorkspaceResult, ctx: TextContext, pad: string): CompletionEntry[] {
  const defined = new Set<string>();
  const used = new Map<string, number>();
  for (const f of result.files) {
    for (const r of f.resources) {
      if (r.kind === 'Mesh' && r.name) defined.add(r.name);
      else if (r.mesh) used.set(r.mesh, (used.get(r.mesh) ?? 0) + 1);
    }
  }
  const names = new Set<string>(['default', ...defined, ...used.keys()]);
  return [...names].sort().map((name, i) => ({
    label: name,
    kind: 'mesh' as const,
    detail: defined.has(name) ? 'Mesh in the workspace' : used.has(name) ? `mesh of ${used.get(name)} resource(s)` : 'the default mesh',
    documentation: null,
    insertText: pad + yamlScalar(name),
    snippet: false,
    span: ctx.span,
    sortText: `${defined.has(name) ? '0' : '1'}${String(i).padStart(4, '0')}`,
  }));
}

