export type {
  CallOptions,
  ClientError,
  ClientErrorKind,
  ConnectionSettings,
  ConnectionSource,
  ControlPlaneConfig,
  ControlPlaneIndex,
  DataplaneRef,
  GatewayDataplane,
  RawResource,
  ResourceTypeInfo,
  Result,
  SecretCertificates,
  SecretsState,
  TlsSettings,
} from './types.js';
export { createKumaClient } from './client.js';
export type { KumaClient, KumaClientOptions } from './client.js';
export type { RequestOptions } from './http/request.js';
export { targetsMeshGateway } from './resources/gateways.js';
export { loadControlPlaneSnapshot } from './snapshot/snapshot.js';
export type { ControlPlaneInfo, ControlPlaneSnapshot, MeshSnapshot, PartialSnapshot, SnapshotOptions } from './snapshot/snapshot.js';
export { describeConnection, nodeConnectionEnvironment, resolveConnection } from './connection/connection.js';
export type { ConnectionEnvironment, ConnectionFlags } from './connection/connection.js';
export { parseKumactlConfig } from './connection/kumactl-config.js';
export type { KumactlApiServer, KumactlConfig, KumactlContext, KumactlControlPlane } from './connection/kumactl-config.js';
export { createNodeTransport } from './http/transport.js';
export type { Transport, TransportFailureKind, TransportOutcome, TransportRequest } from './http/transport.js';
export { isOnline } from './decode.js';
export { secretCertificates } from './resources/secrets.js';
export { offsetFromNext } from './http/paging.js';
export { resourceFileName, snapshotInputs } from './snapshot/snapshot-inputs.js';
export type { SnapshotInputs } from './snapshot/snapshot-inputs.js';
