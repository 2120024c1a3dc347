import { DIAGNOSTIC_CODES } from '../base/codes.js';

/** `docs/diagnostics.md`: an introduction, then one `## code` section per code. */
export function diagnosticsMarkdown(): string {
  const lines = [
    '# Diagnostics',
    '',
    '<!-- Generated from packages/engine/src/base/codes.ts by `npx vitest run test/server/diagnostics-doc.test.ts -u`; edit the explanations there. -->',
    '',
    'Every diagnostic has a stable code. Those marked **Kuma admission error** are what Kuma itself',
    'prints when the resource is applied (source `kuma` in editors): Kuma refuses the resource. All',
    'others are meshgw\'s own analysis (source `meshgw`): what Kuma accepts and then drops or fails on',
    'when it generates the gateway\'s configuration, and problems of the file itself.',
    '',
  ];
  for (const info of DIAGNOSTIC_CODES) {
    lines.push(`## ${info.code}`, '', `**${info.origin === 'kuma' ? 'Kuma admission error' : 'meshgw'}**: ${info.title}.`, '', info.explanation, '');
  }
  return lines.join('\n');
}
