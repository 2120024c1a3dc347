/** The VS Code language id of the documents the server is attached to. */
export const LANGUAGE_ID = 'yaml';

/** URI schemes served: files on disk and new unsaved buffers. */
export const SCHEMES: readonly string[] = ['file', 'untitled'];

/**
 * The client's document selector: every YAML document in a served scheme. The server decides
 * per document whether it holds Kuma resources and stays silent on the others, so attaching to
 * all YAML adds no noise.
 */
export function documentSelector(): { scheme: string; language: string }[] {
  return SCHEMES.map((scheme) => ({ scheme, language: LANGUAGE_ID }));
}

/** What the selector needs to know of a document; structurally a `vscode.TextDocument`. */
export interface SelectableDocument {
  languageId: string;
  uri: { scheme: string };
}

/** True when `documentSelector()` matches the document. */
export function isServed(document: SelectableDocument): boolean {
  return document.languageId === LANGUAGE_ID && SCHEMES.includes(document.uri.scheme);
}
