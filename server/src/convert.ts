import { codeInfo, positionToOffsetInLine, spanToRange } from '@meshgw/engine';
import type { CompletionEntry, Diagnostic, Fix, HoverResult, InlayHintEntry, LineStarts, Location as EngineLocation, Span, SymbolEntry } from '@meshgw/engine';
import {
  CodeAction,
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  SymbolKind,
  type CompletionItem,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
  type Hover,
  type InlayHint,
  type Location,
  type Position,
  type Range,
  type SymbolInformation,
  type TextEdit,
} from 'vscode-languageserver/node';

/**
 * The only place where engine values become LSP values. Offsets become positions through the
 * engine's `span.ts` (both count UTF-16 units), with the line starts of the analysed text.
 */

/** A file's text geometry: what is needed to turn offsets into positions and back. */
export interface TextGeometry {
  lineStarts: LineStarts;
  length: number;
  /** The text itself, for where each line's content ends before its line break. */
  text: string;
}

export function toRange(geometry: TextGeometry, span: Span): Range {
  return spanToRange(geometry.lineStarts, span, geometry.length);
}

/**
 * The offset of an LSP position. As LSP says, a character past the end of its line means the
 * end of the line: the offset before the line break, not the start of the next line.
 */
export function toOffset(geometry: TextGeometry, position: Position): number {
  return positionToOffsetInLine(geometry.text, geometry.lineStarts, position);
}

const SEVERITY: Record<Diagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface DiagnosticContext {
  geometry: TextGeometry;
  /** Base URL of `docs/diagnostics.md`; codes link to `#code` in it. Null: no links. */
  docsUrl: string | null;
  /** Geometry and client URI of another file, for related information. */
  other(file: string): { uri: string; geometry: TextGeometry } | null;
}

/**
 * An engine diagnostic as LSP shows it. Kuma's admission errors have source `kuma` and Kuma's
 * own text (`path: message`); everything else has source `meshgw`.
 */
export function toLspDiagnostic(d: Diagnostic, ctx: DiagnosticContext): LspDiagnostic {
  const out: LspDiagnostic = {
    range: toRange(ctx.geometry, d.span),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: d.admission ? 'kuma' : 'meshgw',
    message: d.admission && d.path ? `${d.path}: ${d.message}` : d.message,
  };
  if (ctx.docsUrl && codeInfo(d.code)) out.codeDescription = { href: `${ctx.docsUrl}#${d.code}` };
  const related = (d.related ?? []).flatMap((r) => {
    const other = ctx.other(r.location.file);
    return other ? [{ location: { uri: other.uri, range: toRange(other.geometry, r.location.span) }, message: r.message }] : [];
  });
  if (related.length > 0) out.relatedInformation = related;
  return out;
}

export function toHover(hover: HoverResult, geometry: TextGeometry): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: toRange(geometry, hover.span) };
}

const COMPLETION_KIND: Record<CompletionEntry['kind'], CompletionItemKind> = {
  field: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  'tag-key': CompletionItemKind.Field,
  'tag-value': CompletionItemKind.Value,
  secret: CompletionItemKind.Reference,
  mesh: CompletionItemKind.Module,
  snippet: CompletionItemKind.Snippet,
};

export interface CompletionClient {
  snippets: boolean;
  markdown: boolean;
}

/**
 * Completion items that replace their span with a text edit. Lines after the first carry their
 * own indentation, so the insert mode is `asIs`; clients without snippets get plain text.
 */
export function toCompletionItems(entries: CompletionEntry[], geometry: TextGeometry, client: CompletionClient): CompletionItem[] {
  return entries.map((e) => {
    const snippet = e.snippet && client.snippets;
    const newText = e.snippet && !client.snippets ? snippetToText(e.insertText) : e.insertText;
    const item: CompletionItem = {
      label: e.label,
      kind: COMPLETION_KIND[e.kind],
      detail: e.detail,
      sortText: e.sortText,
      textEdit: { range: toRange(geometry, e.span), newText },
      insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      insertTextMode: InsertTextMode.asIs,
    };
    if (e.filterText) item.filterText = e.filterText;
    if (e.documentation) {
      item.documentation = client.markdown ? { kind: MarkupKind.Markdown, value: e.documentation } : e.documentation;
    }
    return item;
  });
}

/** Snippet syntax as plain text: placeholders and the first choice keep their text. */
export function snippetToText(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length) {
      out += snippet[++i];
    } else if (c === '$' && /\d/.test(snippet[i + 1] ?? '')) {
      while (/\d/.test(snippet[i + 1] ?? '')) i++;
    } else if (c === '$' && snippet[i + 1] === '{') {
      let j = i + 2;
      while (/\d/.test(snippet[j] ?? '')) j++;
      if (snippet[j] === ':') {
        i = j;
      } else if (snippet[j] === '|') {
        let choice = '';
        let k = j + 1;
        for (; k < snippet.length && snippet[k] !== ',' && snippet[k] !== '|'; k++) {
          if (snippet[k] === '\\') k++;
          choice += snippet[k] ?? '';
        }
        while (k < snippet.length && !(snippet[k] === '|' && snippet[k + 1] === '}')) k += snippet[k] === '\\' ? 2 : 1;
        out += choice;
        i = k + 1;
      } else {
        i = j;
      }
    } else if (c === '}') {
      // The end of a placeholder.
    } else {
      out += c;
    }
  }
  return out;
}

const SYMBOL_KIND: Record<SymbolEntry['kind'], SymbolKind> = {
  resource: SymbolKind.Object,
  listener: SymbolKind.Field,
};

export function toDocumentSymbols(entries: SymbolEntry[], geometry: TextGeometry): DocumentSymbol[] {
  return entries.map((e) => ({
    name: e.name,
    detail: e.detail,
    kind: SYMBOL_KIND[e.kind],
    range: toRange(geometry, e.span),
    selectionRange: toRange(geometry, e.selectionSpan),
    children: toDocumentSymbols(e.children, geometry),
  }));
}

/** The flat form of the outline, for clients without hierarchical symbols. */
export function toSymbolInformation(entries: SymbolEntry[], geometry: TextGeometry, uri: string, container?: string): SymbolInformation[] {
  return entries.flatMap((e) => [
    { name: e.name, kind: SYMBOL_KIND[e.kind], location: { uri, range: toRange(geometry, e.span) }, ...(container ? { containerName: container } : {}) },
    ...toSymbolInformation(e.children, geometry, uri, e.name),
  ]);
}

export function toTextEdits(fix: Fix, geometry: TextGeometry): TextEdit[] {
  return fix.edits.map((e) => ({ range: toRange(geometry, e.span), newText: e.newText }));
}

/** The quick fixes of one diagnostic; the first is preferred when it is the only one. */
export function toCodeActions(d: Diagnostic, lsp: LspDiagnostic, uri: string, geometry: TextGeometry): CodeAction[] {
  const fixes = d.fixes ?? [];
  return fixes.map((fix) => {
    const action = CodeAction.create(fix.title, { changes: { [uri]: toTextEdits(fix, geometry) } }, CodeActionKind.QuickFix);
    action.diagnostics = [lsp];
    if (fixes.length === 1) action.isPreferred = true;
    return action;
  });
}

/**
 * Engine locations as LSP locations, each in its file's client URI and geometry (`file` finds
 * them); locations in files the workspace no longer holds are left out.
 */
export function toLocations(locations: EngineLocation[], file: (key: string) => { uri: string; geometry: TextGeometry } | null): Location[] {
  return locations.flatMap((l) => {
    const f = file(l.file);
    return f ? [{ uri: f.uri, range: toRange(f.geometry, l.span) }] : [];
  });
}

/** Inlay hints shown after their offset, set apart from the text by a space. */
export function toInlayHints(hints: InlayHintEntry[], geometry: TextGeometry): InlayHint[] {
  return hints.map((h) => ({ position: toRange(geometry, { start: h.offset, end: h.offset }).start, label: h.label, paddingLeft: true }));
}
