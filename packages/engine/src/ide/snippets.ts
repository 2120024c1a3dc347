import type { CompletionEntry } from './completion-types.js';
import { choiceText, placeholderText, yamlScalar } from './snippet-text.js';
import type { TextContext } from './text-context.js';
import { firstMesh, secretNames } from './workspace-names.js';
import type { WorkspaceResult } from '../analysis/workspace.js';

/** A snippet entry; its documentation shows the text with the placeholders filled in. */
function snippetEntry(label: string, detail: string, text: string, ctx: TextContext, sortText: string): CompletionEntry {
  const preview = text.replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
  return { label, kind: 'snippet', detail, documentation: `\`\`\`yaml\n${preview}\n\`\`\``, insertText: text, snippet: true, span: ctx.span, sortText };
}

/** Whole documents, offered in an empty document; `mesh` is the placeholder's default. */
const DOCUMENT_SNIPPETS: { label: string; detail: string; lines: (mesh: string) => string[] }[] = [
  {
    label: 'MeshGateway',
    detail: 'a MeshGateway with one HTTP listener (Universal)',
    lines: (mesh) => [
      'type: MeshGateway',
      `mesh: \${1:${mesh}}`,
      'name: ${2:edge-gateway}',
      'selectors:',
      '  - match:',
      '      kuma.io/service: ${3:edge-gateway}',
      'conf:',
      '  listeners:',
      '    - port: ${4:8080}',
      '      protocol: ${5|HTTP,HTTPS,TCP,TLS|}',
      '      hostname: ${6:example.com}',
      '      tags:',
      '        port: ${7:http-8080}',
      '$0',
    ],
  },
  {
    label: 'MeshGateway (Kubernetes)',
    detail: 'a MeshGateway with one HTTP listener (Kubernetes)',
    lines: (mesh) => [
      'apiVersion: kuma.io/v1alpha1',
      'kind: MeshGateway',
      `mesh: \${1:${mesh}}`,
      'metadata:',
      '  name: ${2:edge-gateway}',
      'spec:',
      '  selectors:',
      '    - match:',
      '        kuma.io/service: ${3:edge-gateway_kuma-demo_svc}',
      '  conf:',
      '    listeners:',
      '      - port: ${4:80}',
      '        protocol: ${5|HTTP,HTTPS,TCP,TLS|}',
      '        hostname: ${6:example.com}',
      '        tags:',
      '          port: ${7:http-80}',
      '$0',
    ],
  },
  {
    label: 'MeshGatewayRoute',
    detail: 'a MeshGatewayRoute with one HTTP rule (Universal)',
    lines: (mesh) => [
      'type: MeshGatewayRoute',
      `mesh: \${1:${mesh}}`,
      'name: ${2:edge-gateway-route}',
      'selectors:',
      '  - match:',
      '      kuma.io/service: ${3:edge-gateway}',
      'conf:',
      '  http:',
      '    rules:',
      '      - matches:',
      '          - path:',
      '              match: PREFIX',
      '              value: ${4:/}',
      '        backends:',
      '          - destination:',
      '              kuma.io/service: ${5:backend}',
      '            weight: 1',
      '$0',
    ],
  },
];

export function documentSnippets(result: WorkspaceResult, ctx: TextContext): CompletionEntry[] {
  const mesh = placeholderText(firstMesh(result));
  return DOCUMENT_SNIPPETS.map((s, i) => snippetEntry(s.label, s.detail, s.lines(mesh).join('\n'), ctx, String(i)));
}

/**
 * The listener snippets. With `dash`, the cursor is at the column of the list's `- ` markers;
 * without, it is after a fresh `- `, where the first key goes.
 */
export function listenerSnippets(result: WorkspaceResult, ctx: TextContext, options: { dash: boolean }): CompletionEntry[] {
  const first = options.dash ? '- ' : '';
  const ind = ' '.repeat(options.dash ? ctx.column + 2 : ctx.column);
  const names = secretNames(result, ctx.mesh ?? 'default');
  const secret = names.length > 0 ? `\${3|${names.map((n) => choiceText(yamlScalar(n))).join(',')}|}` : '${3:example-com-tls}';
  const build = (lines: string[]) => lines.map((l, i) => (i === 0 ? `${first}${l}` : `${ind}${l}`)).join('\n');
  return [
    snippetEntry(
      'listener',
      'a new HTTP listener',
      build(['port: ${1:8080}', 'protocol: ${2|HTTP,TCP|}', 'hostname: ${3:example.com}', 'tags:', '  ${4:port}: ${5:http-8080}$0']),
      ctx,
      '~0',
    ),
    snippetEntry(
      'HTTPS listener',
      'a new HTTPS listener with tls',
      build([
        'port: ${1:8443}',
        'protocol: HTTPS',
        'hostname: ${2:example.com}',
        'tls:',
        '  mode: TERMINATE',
        '  certificates:',
        `    - secret: ${secret}`,
        'tags:',
        '  ${4:port}: ${5:https-8443}$0',
      ]),
      ctx,
      '~1',
    ),
  ];
}
