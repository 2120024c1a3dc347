import { analyzeFiles, completeAt, documentSymbols, hoverAt, parseKumaVersion } from '@meshgw/engine/testing';
import type { CompletionEntry, HoverResult, SymbolEntry } from '@meshgw/engine/testing';

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
