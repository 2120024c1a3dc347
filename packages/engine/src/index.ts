/**
 * `@meshgw/engine`: the names the faces (CLI, language server, terminal app, extension) use.
 * API boundary: everything else is internal; tests reach it through `@meshgw/engine/testing`.
 */
export type { AnalyzeOptions, FileAnalysis, FileInput } from './analysis/types.js';
export type { SecretAccess } from './merge/types.js';
export type { Diagnostic, Fix, Severity } from './base/diagnostic.js';
export type { Location, Range, Span } from './base/types.js';
export type { ParsedFile, YNode } from './syntax/tree.js';
export type { ResourceDoc } from './resources/types.js';
export { mayHoldKumaResources } from './resources/marker.js';
export { controlPlaneTarget, DEFAULT_KUMA_VERSION, SUPPORTED_KUMA_VERSIONS, formatKumaVersion, readKumaVersion } from './kuma/versions.js';
export type { KumaVersion } from './kuma/versions.js';
export type { PemProblem } from './kuma/certificate-types.js';
export type { CertificateUse, FinalTag, MergedGateway, MergedListener, VaryingTag } from './merge/types.js';
export { computeLineStarts, positionToOffset, positionToOffsetInLine, spanToRange } from './base/span.js';
export { analysisDay } from './analysis/day.js';
export { readPinnedNow } from './base/pinned-now.js';
export { PROJECT_FILE, applySeverityOverrides, readProjectSettings, readSeverityOverride } from './analysis/project-settings.js';
export type { ProjectSettings, SeverityOverride } from './analysis/project-settings.js';
export { secretAccessOf } from './analysis/secret-access.js';
export { codeInfo } from './base/codes.js';
export { DEFAULT_PARSE_LIMITS } from './syntax/parse-limits.js';
export { certificateBlocks } from './kuma/certificates.js';
export { analyzeFiles, createWorkspace } from './analysis/workspace.js';
export { LIVE_FILE_PREFIX, isLiveFile, resourceIdentity } from './analysis/overlay.js';
export type { Replacement } from './analysis/overlay.js';
export type { Workspace, WorkspaceResult } from './analysis/workspace.js';
export { inspectJson, sortGateways } from './report/inspect.js';
export { inspectText } from './report/inspect-text.js';
export { varyingText } from './merge/texts.js';
export { portText } from './merge/texts.js';
export { gatewayStateLines } from './merge/texts.js';
export { jsonSchema } from './report/json-schema.js';
export type { SchemaKind } from './report/json-schema.js';
export { gatewaysAt } from './ide/describe.js';
export { hoverAt } from './ide/hover.js';
export type { HoverResult } from './ide/hover.js';
export { completeAt } from './ide/completion.js';
export type { CompletionEntry } from './ide/completion-types.js';
export { documentSymbols } from './ide/symbols.js';
export type { SymbolEntry } from './ide/symbols.js';
export { definitionAt, referencesAt } from './ide/navigation.js';
export { inlayHints } from './ide/inlay-hints.js';
export type { InlayHintEntry, InlayHintEntryKind } from './ide/inlay-hints.js';
