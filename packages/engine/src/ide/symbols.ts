import { fileOf } from './describe.js';
import type { WorkspaceResult } from '../analysis/workspace.js';
import type { MergedPort } from '../merge/types.js';
import type { ResourceDoc } from '../resources/types.js';
import type { Span } from '../base/types.js';
import { portText } from '../merge/texts.js';

/** What a symbol stands for; the server maps these to its editor's symbol kinds. */
export type SymbolEntryKind = 'resource' | 'listener';

/**
 * One entry of a document outline. `span` covers the whole thing, `selectionSpan` (inside
 * `span`) is what an editor highlights: the name, or the listener's port.
 */
export interface SymbolEntry {
  name: string;
  detail: string;
  kind: SymbolEntryKind;
  span: Span;
  selectionSpan: Span;
  children: SymbolEntry[];
}

/**
 * The outline of a file: one entry per Kuma resource (`MeshGateway edge-gateway`), with a
 * child per listener of a MeshGateway (`:8080 HTTP foo.example.com`). Documents that are not
 * Kuma resources have no entry.
 */
export function documentSymbols(result: WorkspaceResult, file: string): SymbolEntry[] {
  const analysis = fileOf(result, file);
  if (!analysis) return [];
  return analysis.resources.map((doc) => resourceSymbol(result, doc));
}

function resourceSymbol(result: WorkspaceResult, doc: ResourceDoc): SymbolEntry {
  const span = doc.span;
  const name = `${doc.kind} ${doc.name ?? '(no name)'}`;
  const detail = doc.kind === 'Mesh' || doc.kind === 'GlobalSecret' ? doc.form : `mesh ${doc.mesh ?? 'default'}`;
  const entry: SymbolEntry = { name, detail, kind: 'resource', span, selectionSpan: inside(doc.nameNode?.span ?? span, span), children: [] };
  if (doc.kind === 'MeshGateway') {
    const model = result.models.gateways.find((g) => g.doc === doc);
    const merged = model ? result.merge.merged.get(model) : undefined;
    // Each listener's merged port, looked up once: the outline stays linear in the listeners.
    const portOf = new Map<number, MergedPort>();
    for (const p of merged?.ports ?? []) for (const x of p.listeners) if (!portOf.has(x)) portOf.set(x, p);
    for (const l of model?.listeners ?? []) {
      const port = portOf.get(l.index);
      const shared = port && port.listeners.length > 1 ? sharedWith(l.port, l.index, port.listeners) : '';
      entry.children.push({
        name: `:${portText(l).port} ${portText(l).protocol} ${l.hostname}`,
        detail: [`listener #${l.index}`, shared].filter(Boolean).join(' · '),
        kind: 'listener',
        span: l.span,
        selectionSpan: inside(l.portSpan ?? l.span, l.span),
        children: [],
      });
    }
  }
  return entry;
}

/** Listeners named in a listener's detail; the rest are counted, so that the outline stays linear. */
const MAX_SHARED_NAMED = 8;

/** `shares :8080 with #1, #2`: the other listeners on the port, the first few by number. */
function sharedWith(port: number, index: number, listeners: number[]): string {
  const named = listeners
    .slice(0, MAX_SHARED_NAMED + 1)
    .filter((x) => x !== index)
    .slice(0, MAX_SHARED_NAMED);
  const more = listeners.length - 1 - named.length;
  return `shares :${port} with ${named.map((x) => `#${x}`).join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/** `inner` when it lies within `outer`, else `outer`'s start (editors require containment). */
function inside(inner: Span, outer: Span): Span {
  return inner.start >= outer.start && inner.end <= outer.end ? inner : { start: outer.start, end: outer.start };
}
