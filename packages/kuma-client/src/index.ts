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
export { createKumaClient, targetsMeshGateway } from './client.js';
export type { KumaClient, KumaClientOptions, RequestOptions } from './client.js';
export { loadControlPlaneSnapshot } from './snapshot.js';
export type { ControlPlaneInfo, ControlPlaneSnapshot, MeshSnapshot, SnapshotOptions } from './snapshot.js';
export { describeConnection, nodeConnectionEnvironment, resolveConnection } from './connection.js';
export type { ConnectionEnvironment, ConnectionFlags } from './connection.js';
export { parseKumactlConfig } from './kumactl-config.js';
export type { KumactlApiServer, KumactlConfig, KumactlContext, KumactlControlPlane } from './kumactl-config.js';
export { createNodeTransport } from './transport.js';
export type { Transport, TransportFailureKind, TransportOutcome, TransportRequest } from './transport.js';
export { isOnline } from './decode.js';
export { secretCertificates } from './secrets.js';
export { offsetFromNext } from './paging.js';
export { resourceFileName, snapshotInputs } from './snapshot-inputs.js';
export type { SnapshotInputs } from './snapshot-inputs.js';
