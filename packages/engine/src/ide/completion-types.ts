import type { Span } from '../base/types.js';

/** What a completion inserts: a field name, a value, a tag, a secret or mesh name, a snippet. */
export type CompletionKind = 'field' | 'value' | 'tag-key' | 'tag-value' | 'secret' | 'mesh' | 'snippet';

/**
 * One completion. `insertText` replaces `span` (UTF-16 offsets); lines after the first carry
 * their full indentation. With `snippet`, `insertText` uses snippet syntax (`$1`, `${1:text}`,
 * `${1|a,b|}`, `$0`); without, it is plain text.
 */
export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail: string;
  /** Markdown, or null. */
  documentation: string | null;
  insertText: string;
  snippet: boolean;
  span: Span;
  /** Orders the entries when compared as strings. */
  sortText: string;
  /** The text a client filters on, when it is not the label. */
  filterText?: string;
}
