import type { Line } from '../views/styled.js';
import { DocumentView } from './DocumentView.js';

export interface GatewayDetailProps {
  lines: Line[];
  scroll: number;
  height: number;
}

/** A gateway's merged ports, listeners, final tags, certificates, dataplanes and diagnostics. */
export function GatewayDetail(props: GatewayDetailProps) {
  return <DocumentView {...props} />;
}
