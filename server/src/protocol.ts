import { RequestType, type Position, type TextDocumentIdentifier } from 'vscode-languageserver-protocol';

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
