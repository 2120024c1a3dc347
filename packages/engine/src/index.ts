export type {
  AnalyzeOptions,
  AttachedRoute,
  BoundDataplane,
  CertificateFacts,
  CertificateRef,
  CertificateSource,
  CertificateUse,
  DataplaneModel,
  Diagnostic,
  FileAnalysis,
  FileInput,
  FinalTag,
  Fix,
  GatewayModel,
  GatewayRouteModel,
  KeyType,
  ListenerModel,
  ListenerProtocol,
  Located,
  Location,
  MergedGateway,
  MergedListener,
  MergedPort,
  ParsedDocument,
  ParsedFile,
  PemBundleFacts,
  PemProblem,
  PemProblemCode,
  PolicyRouteModel,
  Position,
  Range,
  RelatedInformation,
  ResourceDoc,
  ResourceForm,
  ResourceKind,
  ResourceRef,
  SecretAccess,
  SecretModel,
  Selector,
  Severity,
  Span,
  Tag,
  TagLayer,
  TextEdit,
  TlsMode,
  WorkspaceAnalysis,
  YMap,
  YNode,
  YPair,
  YScalar,
  YSeq,
} from './types.js';
export { computeLineStarts, offsetToPosition, positionToOffset, spanContains, spanToRange } from './span.js';
export { createParseCache, DEFAULT_PARSE_LIMITS, documentAround, parseFile, splitDocuments } from './parse.js';
export type { ParseCache, ParseLimits } from './parse.js';
export { recogniseResources } from './resources.js';
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
} from './yaml-access.js';
export { certificateBlocks, decodeBase64, hostnameCovered, readPemBundle } from './certificates.js';
export { analyzeFiles, createWorkspace } from './workspace.js';
export type { Workspace, WorkspaceModels, WorkspaceResult } from './workspace.js';
export { compareHostnames, hostnameContains, hostnamesMatch, mergePorts } from './listeners.js';
export { bestSelector, gatewayIndex, rankOf, selectAmong, selectGateway, tagRecord, tagsMatch } from './selection.js';
export { finalTags, guaranteedBySelector } from './tags.js';
export { attachRoutes } from './routes.js';
export { certificateSummary, inspectJson, inspectText, sortGateways } from './inspect-report.js';
export type { InspectCertificate, InspectGateway, InspectJson } from './inspect-report.js';
export { dataplaneModel, gatewayModel, gatewayRouteModel, listenersOf, policyRouteModel, PROTOCOLS, secretModel, selectorsOf, TLS_MODES } from './model.js';
export { childFields, documentType, fieldAtPath, fieldByKey, isProtoKind, specType } from './fields.js';
export type { EnumType, EnumValue, FieldSpec, FieldType, ObjectType, OneofGroup } from './fields.js';
export { checkEnumCase, checkScalarTypes, checkUnknownFields } from './unknown-fields.js';
export { jsonSchema } from './json-schema.js';
export type { JsonSchema, SchemaKind } from './json-schema.js';
export { admissionDiagnostics, formatKumaError, gatewayWarnings } from './validate.js';
export { ADMISSION_RULES, WARNING_RULES } from './rules/index.js';
export type { AdmissionRule, Report, Violation, WarningRule } from './rules/index.js';
export { fieldPath, goQuote, indexPath, keyPath } from './rules/path.js';
export { describeAt, describeTextAt, fileOf, gatewaysAt, specPathOf } from './describe.js';
export type { CertificateContext, GatewayContext, ListenerContext, OffsetDescription, PathKey, SelectorContext, TagContext, TagPlace, TextContext } from './describe.js';
export { fieldDocumentation, hoverAt, typeText } from './hover.js';
export type { HoverResult } from './hover.js';
export { completeAt, yamlScalar } from './completion.js';
export type { CompletionEntry, CompletionKind } from './completion.js';
export { documentSymbols } from './symbols.js';
export type { SymbolEntry, SymbolEntryKind } from './symbols.js';
export { codeInfo, DIAGNOSTIC_CODES, diagnosticsMarkdown } from './codes.js';
export type { CodeOrigin, DiagnosticCodeInfo } from './codes.js';
