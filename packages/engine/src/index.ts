export type { AnalyzeOptions, FileAnalysis, FileInput, SecretAccess, WorkspaceAnalysis } from './analysis/types.js';
export type { AttachedRoute, BoundDataplane, CertificateUse, FinalTag, MergedGateway, MergedListener, MergedPort, TagLayer } from './merge/types.js';
export type { CertificateFacts, KeyType, PemBundleFacts, PemProblem, PemProblemCode } from './kuma/certificate-types.js';
export type { CertificateRef, CertificateSource, DataplaneModel, GatewayModel, GatewayRouteModel, ListenerModel, Located, PolicyRouteModel, ResourceDoc, SecretModel, Selector, Tag } from './resources/types.js';
export type { Diagnostic, Fix, RelatedInformation, ResourceRef, Severity, TextEdit } from './base/diagnostic.js';
export type { ListenerProtocol, TlsMode } from './kuma/enums.js';
export type { Location, Position, Range, Span } from './base/types.js';
export type { ParsedDocument, ParsedFile, YMap, YNode, YPair, YScalar, YSeq } from './syntax/tree.js';
export type { ResourceForm, ResourceKind } from './kuma/kinds.js';
export { computeLineStarts, offsetToPosition, positionToOffset, spanContains, spanToRange } from './base/span.js';
export { createParseCache, DEFAULT_PARSE_LIMITS, documentAround, parseFile, splitDocuments } from './syntax/parse.js';
export type { ParseCache, ParseLimits } from './syntax/parse.js';
export { recogniseResources } from './resources/recognise.js';
export {
  asMap,
  asScalar,
  asSeq,
  boolOf,
  entriesOf,
  enumOf,
  fieldOf,
  itemsOf,
  nodeAt,
  numberOf,
  pairOf,
  stringOf,
  textOf,
  uintOf,
} from './resources/yaml-access.js';
export { certificateBlocks, decodeBase64, hostnameCovered, readPemBundle } from './kuma/certificates.js';
export { analyzeFiles, createWorkspace } from './analysis/workspace.js';
export type { Workspace, WorkspaceModels, WorkspaceResult } from './analysis/workspace.js';
export { compareHostnames, hostnameContains, hostnamesMatch, mergePorts } from './merge/ports.js';
export { bestSelector, gatewayIndex, rankOf, selectAmong, selectGateway, tagRecord, tagsMatch } from './merge/selection.js';
export { finalTags, guaranteedBySelector } from './merge/final-tags.js';
export { attachRoutes } from './merge/routes.js';
export { certificateSummary, inspectJson, inspectText, sortGateways } from './report/inspect.js';
export type { InspectCertificate, InspectGateway, InspectJson } from './report/inspect.js';
export { dataplaneModel, gatewayModel, gatewayRouteModel, listenersOf, policyRouteModel, PROTOCOLS, secretModel, selectorsOf, TLS_MODES } from './resources/models.js';
export { childFields, documentType, fieldAtPath, fieldByKey, specType } from './kuma/fields/documents.js';
export { isProtoKind } from './kuma/kinds.js';
export type { EnumType, EnumValue, FieldSpec, FieldType, ObjectType, OneofGroup } from './kuma/fields/field-type.js';
export { checkEnumCase, checkScalarTypes, checkUnknownFields } from './warnings/unknown-fields.js';
export { jsonSchema } from './report/json-schema.js';
export type { JsonSchema, SchemaKind } from './report/json-schema.js';
export { admissionDiagnostics, formatKumaError, gatewayWarnings } from './admission/validate.js';
export { ADMISSION_RULES, WARNING_RULES } from './admission/registry.js';
export type { AdmissionRule, Report, Violation, WarningRule } from './admission/registry.js';
export { fieldPath, goQuote, indexPath, keyPath } from './base/path.js';
export { describeAt, describeTextAt, fileOf, gatewaysAt, specPathOf } from './ide/describe.js';
export type { CertificateContext, GatewayContext, ListenerContext, OffsetDescription, PathKey, SelectorContext, TagContext, TagPlace, TextContext } from './ide/describe.js';
export { fieldDocumentation, hoverAt, typeText } from './ide/hover.js';
export type { HoverResult } from './ide/hover.js';
export { completeAt, yamlScalar } from './ide/completion.js';
export type { CompletionEntry, CompletionKind } from './ide/completion.js';
export { documentSymbols } from './ide/symbols.js';
export type { SymbolEntry, SymbolEntryKind } from './ide/symbols.js';
export { codeInfo, DIAGNOSTIC_CODES } from './base/codes.js';
export type { CodeOrigin, DiagnosticCode, DiagnosticCodeInfo } from './base/codes.js';
export { diagnosticsMarkdown } from './report/diagnostics-doc.js';
