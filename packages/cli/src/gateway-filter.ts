import type { MergedGateway } from '@meshgw/engine';
import { stringFlag, UsageError, type ParsedArgs } from './args.js';

/** The gateway filters of the command line; a gateway passes when it matches every one given. */
export interface GatewayFilter {
  mesh?: string;
  gateway?: string;
}

export function gatewayFilter(args: ParsedArgs): GatewayFilter {
  const filter: GatewayFilter = {};
  for (const name of ['mesh', 'gateway'] as const) {
    const value = stringFlag(args, name);
    if (value === undefined) continue;
    if (value === '') throw new UsageError(`--${name} needs a name`);
    filter[name] = value;
  }
  return filter;
}

export function filterGateways(gateways: MergedGateway[], filter: GatewayFilter): MergedGateway[] {
  return gateways.filter((g) => (filter.mesh === undefined || g.mesh === filter.mesh) && (filter.gateway === undefined || g.name === filter.gateway));
}
