import { analyzeFiles } from '@meshgw/engine';
import { describe, expect, it } from 'vitest';

// Kuma v2.14.3 decodes MeshGateway with golang/protobuf's jsonpb (util/proto.FromJSON): for each
// field it reads the proto name (connection_limit), then lets the JSON name (connectionLimit)
// replace it, and a JSON null leaves the field unset. So a written camelCase name wins even when
// it is null.
const gateway = (resources: string) => `type: MeshGateway
mesh: default
name: edge
selectors:
  - match:
      kuma.io/service: edge
conf:
  listeners:
    - port: 80
      protocol: HTTP
      hostname: a.example.com
      resources: ${resources}
    - port: 80
      protocol: HTTP
      hostname: b.example.com
`;

function portLimit(resources: string): { limit: number; dropped: number } {
  const result = analyzeFiles([{ file: 'gw.yaml', text: gateway(resources) }], { now: new Date('2026-06-01T00:00:00Z') });
  const diagnostics = result.diagnosticsByFile.get('gw.yaml') ?? [];
  return { limit: result.gateways[0].ports[0].connectionLimit, dropped: diagnostics.filter((d) => d.code === 'connection-limit-dropped').length };
}

describe('the one decoder', () => {
  it('a null camelCase field hides its snake_case twin, for the merge and the rules alike', () => {
    expect(portLimit('{connectionLimit: null, connection_limit: 5}')).toEqual({ limit: 0, dropped: 0 });
  });

  it('reads the snake_case name when the camelCase one is not written', () => {
    expect(portLimit('{connection_limit: 5}').limit).toBe(5);
  });

  it('prefers the camelCase name when both hold a value', () => {
    expect(portLimit('{connectionLimit: 3, connection_limit: 5}').limit).toBe(3);
  });
});
