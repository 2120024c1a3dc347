import { analyzeFiles, type Diagnostic, type Fix } from '@meshgw/engine';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

// The quick fixes of Kuma's refusals and of what it drops: each case is a gateway as written,
// the diagnostic and fix chosen, and the document the fix must leave. The fixed document must
// then carry no finding of that code (Kuma accepts it, as far as that rule goes).

const NOW = new Date('2026-06-01T00:00:00Z');

const SECRETS = `---
type: Secret
mesh: default
name: shop-tls
data: c2VjcmV0
---
type: Secret
mesh: default
name: api-tls
data: c2VjcmV0
---
type: Secret
mesh: other
name: elsewhere-tls
data: c2VjcmV0
`;

interface Case {
  name: string;
  code: string;
  gateway: string;
  title: string;
  fixed: string;
  /** Titles of every fix of the diagnostic, when there is more than one. */
  titles?: string[];
  /** Analyse with the Secrets above in a second file. */
  secrets?: boolean;
}

const head = `type: MeshGateway
mesh: default
name: edge
selectors:
  - match:
      kuma.io/service: edge
`;

const CASES: Case[] = [
  {
    name: 'a forbidden gateway tag, first of two',
    code: 'gateway-tags',
    gateway: `${head}tags:\n  kuma.io/service: edge\n  team: shop\nconf:\n  listeners:\n    - port: 8080\n      protocol: HTTP\n`,
    title: 'Remove the tag "kuma.io/service"',
    fixed: `${head}tags:\n  team: shop\nconf:\n  listeners:\n    - port: 8080\n      protocol: HTTP\n`,
  },
  {
    name: 'a forbidden gateway tag, last of two',
    code: 'gateway-tags',
    gateway: `${head}tags:\n  team: shop\n  kuma.io/zone: eu\nconf:\n  listeners:\n    - port: 8080\n      protocol: HTTP\n`,
    title: 'Remove the tag "kuma.io/zone"',
    fixed: `${head}tags:\n  team: shop\nconf:\n  listeners:\n    - port: 8080\n      protocol: HTTP\n`,
  },
  {
    name: 'the only gateway tag takes its key along',
    code: 'gateway-tags',
    gateway: `${head}tags:\n  kuma.io/protocol: http\nconf:\n  listeners:\n    - port: 8080\n      protocol: HTTP\n`,
    title: 'Remove the tag "kuma.io/protocol"',
    fixed: `${head}conf:\n  listeners:\n    - port: 8080\n      protocol: HTTP\n`,
  },
  {
    name: 'a forbidden listener tag in a flow map',
    code: 'gateway-listener-tags',
    gateway: `${head}conf:\n  listeners:\n    - port: 8080\n      protocol: HTTP\n      tags: {kuma.io/service: web, version: v2}\n`,
    title: 'Remove the tag "kuma.io/service"',
    fixed: `${head}conf:\n  listeners:\n    - port: 8080\n      protocol: HTTP\n      tags: {version: v2}\n`,
  },
  {
    name: 'the only listener tag, last field of the listener',
    code: 'gateway-listener-tags',
    gateway: `${head}conf:\n  listeners:\n    - port: 8080\n      protocol: HTTP\n      tags:\n        kuma.io/service: web\n    - port: 8081\n      protocol: HTTP\n`,
    title: 'Remove the tag "kuma.io/service"',
    fixed: `${head}conf:\n  listeners:\n    - port: 8080\n      protocol: HTTP\n    - port: 8081\n      protocol: HTTP\n`,
  },
  {
    name: 'PASSTHROUGH on HTTPS',
    code: 'gateway-listener-tls',
    gateway: `${head}conf:\n  listeners:\n    - port: 443\n      protocol: HTTPS\n      tls:\n        mode: PASSTHROUGH\n        certificates:\n          - secret: shop-tls\n`,
    title: 'Replace PASSTHROUGH by TERMINATE',
    fixed: `${head}conf:\n  listeners:\n    - port: 443\n      protocol: HTTPS\n      tls:\n        mode: TERMINATE\n        certificates:\n          - secret: shop-tls\n`,
  },
  {
    name: 'HTTPS without tls: one fix per Secret of the mesh',
    code: 'gateway-listener-tls',
    secrets: true,
    gateway: `${head}conf:\n  listeners:\n    - port: 443\n      protocol: HTTPS\n      hostname: shop.example.com\n`,
    titles: ['Add tls: TERMINATE with the certificate of Secret "api-tls"', 'Add tls: TERMINATE with the certificate of Secret "shop-tls"'],
    title: 'Add tls: TERMINATE with the certificate of Secret "shop-tls"',
    fixed: `${head}conf:\n  listeners:\n    - port: 443\n      protocol: HTTPS\n      hostname: shop.example.com\n      tls:\n        mode: TERMINATE\n        certificates:\n          - secret: shop-tls\n`,
  },
  {
    name: 'HTTPS with an empty tls key, no Secret in the mesh',
    code: 'gateway-listener-tls',
    gateway: `${head}conf:\n  listeners:\n    - port: 443\n      protocol: HTTPS\n      tls:\n      hostname: shop.example.com\n`,
    titles: ['Add tls: TERMINATE (then name the Secret of the certificate)'],
    title: 'Add tls: TERMINATE (then name the Secret of the certificate)',
    fixed: `${head}conf:\n  listeners:\n    - port: 443\n      protocol: HTTPS\n      tls:\n        mode: TERMINATE\n        certificates:\n          - secret: CERTIFICATE-SECRET\n      hostname: shop.example.com\n`,
  },
  {
    name: 'HTTPS without tls in a flow listener',
    code: 'gateway-listener-tls',
    secrets: true,
    gateway: `${head}conf:\n  listeners:\n    - {port: 443, protocol: HTTPS}\n`,
    title: 'Add tls: TERMINATE with the certificate of Secret "api-tls"',
    fixed: `${head}conf:\n  listeners:\n    - {port: 443, protocol: HTTPS, tls: {mode: TERMINATE, certificates: [{secret: api-tls}]}}\n`,
  },
  {
    name: 'a connection limit Kuma drops, with its resources key',
    code: 'connection-limit-dropped',
    gateway: `${head}conf:\n  listeners:\n    - port: 8080\n      protocol: HTTP\n      hostname: a.example.com\n    - port: 8080\n      protocol: HTTP\n      hostname: b.example.com\n      resources:\n        connectionLimit: 100\n`,
    title: 'Remove the connection limit Kuma drops',
    fixed: `${head}conf:\n  listeners:\n    - port: 8080\n      protocol: HTTP\n      hostname: a.example.com\n    - port: 8080\n      protocol: HTTP\n      hostname: b.example.com\n`,
  },
];

function findings(text: string, secrets: boolean): Diagnostic[] {
  const files = [{ file: 'gw.yaml', text }, ...(secrets ? [{ file: 'secrets.yaml', text: SECRETS }] : [])];
  return analyzeFiles(files, { now: NOW }).diagnosticsByFile.get('gw.yaml') ?? [];
}

/** Applies a fix's edits (from the last to the first, so that offsets hold). */
function apply(text: string, fix: Fix): string {
  return [...fix.edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}

describe('quick fixes', () => {
  it.each(CASES)('$name', (c) => {
    const found = findings(c.gateway, c.secrets ?? false).filter((d) => d.code === c.code);
    expect(found).toHaveLength(1);
    const fixes = found[0].fixes ?? [];
    if (c.titles) expect(fixes.map((f) => f.title)).toEqual(c.titles);
    const fix = fixes.find((f) => f.title === c.title);
    expect(fix, fixes.map((f) => f.title).join(', ')).toBeDefined();
    const fixed = apply(c.gateway, fix!);
    expect(fixed).toBe(c.fixed);
    expect(parse(fixed)).toEqual(parse(c.fixed));
    expect(findings(fixed, c.secrets ?? false).filter((d) => d.code === c.code)).toEqual([]);
  });
});
