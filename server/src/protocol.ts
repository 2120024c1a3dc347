import { NotificationType, RequestType, type Position, type TextDocumentIdentifier } from 'vscode-languageserver-protocol';

/**
 * meshgw's own LSP messages, declared once for the server and its clients. This file imports only
 * the protocol package, so a client can bundle it without the server.
 */

export interface MergedGatewayParams {
  textDocument: TextDocumentIdentifier;
  position: Position;
}

export interface MergedGatewayResult {
  /** The gateways shown, in the order of `text`. */
  gateways: { mesh: string; name: string }[];
  /** What `meshgw inspect` prints for them: plain text, lines separated by `\n`. */
  text: string;
}

/**
 * `meshgw/mergedGateway`: the merged view of the gateway under the cursor (or the one a dataplane
 * or route under the cursor belongs to; else every gateway of the document). Null when there is
 * none.
 */
export const MergedGatewayRequest = new RequestType<MergedGatewayParams, MergedGatewayResult | null, void>('meshgw/mergedGateway');

/** What the server knows of the control plane it analyses against (`meshgw.controlPlane`). */
export interface ControlPlaneStatus {
  /**
   * `off`: no control plane set. `connecting`: set, no answer yet. `connected`: the last refresh
   * succeeded. `failed`: the last refresh failed; `fetchedAt` tells whether older data is in use.
   */
  state: 'off' | 'connecting' | 'connected' | 'failed';
  /** The kumactl context, else the URL's host; null when off. */
  name: string | null;
  /** The Kuma version the control plane runs (`2.13.1`), from its last answer; null before one. */
  kumaVersion: string | null;
  /** How many meshes the last snapshot holds; null before one. */
  meshes: number | null;
  /** When the snapshot in use was taken (ISO 8601); null when there is none. */
  fetchedAt: string | null;
  /** Seconds between refreshes. */
  refreshSeconds: number;
  /** Why the last refresh failed (a sentence); null when it did not. */
  error: string | null;
}

/**
 * `meshgw/controlPlaneStatus`, server to client: sent when the control plane's state changes
 * (a refresh starts to matter, succeeds or fails, the setting changes). A client shows it, e.g.
 * as a status bar item; `fetchedAt` lets it count the age itself.
 */
export const ControlPlaneStatusNotification = new NotificationType<ControlPlaneStatus>('meshgw/controlPlaneStatus');

export { CONTROL_PLANE_DIFF_COMMAND, REFRESH_CONTROL_PLANE_COMMAND } from './command-names.js';

export interface ControlPlaneDiffResult {
  uri: string;
  /** The gateways of the file that differ from the control plane's, as `meshgw diff` prints them. */
  text: string;
}

/**
 * The scheme of a control plane's resource shown as a read-only document
 * (`meshgw-live:/meshes/default/secrets/edge-cert.json`), which go to definition and references
 * may answer when the client said it can open them: `initializationOptions.liveDocuments: true`.
 */
export const LIVE_DOCUMENT_SCHEME = 'meshgw-live';

export interface LiveDocumentParams {
  /** A `meshgw-live:` URI the server answered with. */
  uri: string;
}

/** `meshgw/liveDocument`: the text of a control plane's resource as last read (JSON); null when it is gone. */
export const LiveDocumentRequest = new RequestType<LiveDocumentParams, { text: string } | null, void>('meshgw/liveDocument');
