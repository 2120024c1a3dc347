import { analyzeFiles, completeAt, definitionAt, documentSymbols, hoverAt, inlayHints, parseKumaVersion, referencesAt } from '@meshgw/engine/testing';
import type { CompletionEntry, HoverResult, Location, SymbolEntry } from '@meshgw/engine/testing';

/** The instant every editor-feature test analyses at. */
export const NOW = new Date('2026-06-01T00:00:00Z');

/**
 * A workspace from inline YAML with one cursor mark `$0` in the first file, in the manner of
 * rust-analyzer's `check(r#"...$0..."#)`: other files are given as they are.
 */
export function withCursor(
  marked: string,
  others: Record<string, string> = {},
  kumaVersion?: string,
): { text: string; offset: number; analyze: () => ReturnType<typeof analyzeFiles> } {
  const offset = marked.indexOf('$0');
  if (offset < 0 || marked.indexOf('$0', offset + 2) >= 0) throw new Error('mark the cursor exactly once with $0');
  const text = marked.slice(0, offset) + marked.slice(offset + 2);
  const files = [{ file: 'test.yaml', text }, ...Object.entries(others).map(([file, t]) => ({ file, text: t }))];
  const version = kumaVersion === undefined ? undefined : (parseKumaVersion(kumaVersion) ?? undefined);
  return { text, offset, analyze: () => analyzeFiles(files, { now: NOW, kumaVersion: version }) };
}

export function hover(marked: string, others?: Record<string, string>, kumaVersion?: string): HoverResult | null {
  const c = withCursor(marked, others, kumaVersion);
  return hoverAt(c.analyze(), 'test.yaml', c.offset);
}

export function complete(marked: string, others?: Record<string, string>, kumaVersion?: string): CompletionEntry[] {
  const c = withCursor(marked, others, kumaVersion);
  return completeAt(c.analyze(), 'test.yaml', c.offset, c.text);
}

export function symbols(text: string): SymbolEntry[] {
  return documentSymbols(analyzeFiles([{ file: 'test.yaml', text }], { now: NOW }), 'test.yaml');
}

/** A location as `file: first line of what it spans`, trimmed, so that tests read as the YAML. */
function shown(texts: Record<string, string>, l: Location): string {
  const first = (texts[l.file] ?? '').slice(l.span.start, l.span.end).split('\n')[0];
  return `${l.file}: ${first.trim()}`;
}

/** The definitions at the cursor of the first file, shown as `file: text`. */
export function definitions(marked: string, others: Record<string, string> = {}): string[] {
  const c = withCursor(marked, others);
  return definitionAt(c.analyze(), 'test.yaml', c.offset).map((l) => shown({ 'test.yaml': c.text, ...others }, l));
}

/** The references at the cursor of the first file, shown as `file: text`. */
export function references(marked: string, others: Record<string, string> = {}, includeDeclaration = false): string[] {
  const c = withCursor(marked, others);
  return referencesAt(c.analyze(), 'test.yaml', c.offset, { includeDeclaration }).map((l) => shown({ 'test.yaml': c.text, ...others }, l));
}

/**
 * The inlay hints of `test.yaml` at `now`, each as the line it sits on with the label put in at
 * its offset: `    - port: 80 ‹80/HTTP · 1 host›`.
 */
export function hints(text: string, others: Record<string, string> = {}, now: Date = NOW): string[] {
  const files = [{ file: 'test.yaml', text }, ...Object.entries(others).map(([file, t]) => ({ file, text: t }))];
  return inlayHints(analyzeFiles(files, { now }), 'test.yaml').map((h) => {
    const start = text.lastIndexOf('\n', h.offset - 1) + 1;
    const end = text.indexOf('\n', h.offset);
    return `${text.slice(start, h.offset)} ‹${h.label}›${text.slice(h.offset, end < 0 ? text.length : end)}`;
  });
}
