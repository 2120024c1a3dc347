import { fileOf } from './describe.js';
import type { WorkspaceResult } from './workspace.js';
import type { ResourceDoc, Span } from './types.js';

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
    const i = result.models.gateways.findIndex((g) => g.doc === doc);
    const model = result.models.gateways[i];
    const merged = result.gateways[i];
    for (const l of model?.listeners ?? []) {
      const port = merged?.ports.find((p) => p.listeners.includes(l.index));
      const shared = port && port.listeners.length > 1 ? `shares :${l.port} with ${port.listeners.filter((x) => x !== l.index).map((x) => `#${x}`).join(', ')}` : '';
      entry.children.push({
        name: `:${l.port} ${l.protocol} ${l.hostname}`,
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

/** `inner` when it lies within `outer`, else `outer`'s start (editors require containment). */
function inside(inner: Span, outer: Span): Span {
  return inner.start >= outer.start && inner.end <= outer.end ? inner : { start: outer.start, end: outer.start };
}
