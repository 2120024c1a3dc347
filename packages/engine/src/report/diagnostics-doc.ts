import { DIAGNOSTIC_CODES } from '../base/codes.js';
import { ADMISSION_RULES } from '../admission/registry.js';
import { WARNING_RULES } from '../warnings/registry.js';
import { SUPPORTED_KUMA_VERSIONS, versionRangeText } from '../kuma/versions.js';
import type { AdmissionRule, WarningRule } from '../admission/registry.js';

/**
 * `docs/diagnostics.md`: an introduction, then one `## code` section per code, with the Kuma
 * versions its rule applies to (when not every version) and how its checks differ by version.
 */
export function diagnosticsMarkdown(): string {
  const { oldest, newest } = SUPPORTED_KUMA_VERSIONS;
  const lines = [
    '# Diagnostics',
    '',
    '<!-- Generated from packages/engine/src/base/codes.ts and the rules\' versions by `npx vitest run test/server/diagnostics-doc.test.ts -u`; edit the explanations there. -->',
    '',
    'Every diagnostic has a stable code. Those marked **Kuma admission error** are what Kuma itself',
    'prints when the resource is applied (source `kuma` in editors): Kuma refuses the resource. All',
    'others are meshgw\'s own analysis (source `meshgw`): what Kuma accepts and then drops or fails on',
    'when it generates the gateway\'s configuration, and problems of the file itself.',
    '',
    `Diagnostics follow the target Kuma version (${oldest} to ${newest}, the newest unless chosen): a code`,
    'that only some versions report says which, and a check that differs between versions says how.',
    'Fields and enum values that a version does not know are unknown there (`unknown-field`,',
    '`enum-unknown`).',
    '',
  ];
  const rules: (AdmissionRule | WarningRule)[] = [...ADMISSION_RULES, ...WARNING_RULES];
  for (const info of DIAGNOSTIC_CODES) {
    lines.push(`## ${info.code}`, '', `**${info.origin === 'kuma' ? 'Kuma admission error' : 'meshgw'}**: ${info.title}.`, '', info.explanation, '');
    lines.push(...versionLines(rules.filter((r) => r.id === info.code)));
  }
  return lines.join('\n');
}

/** The versions of a code's rules and their changes by version, as Markdown lines (none when the same in every version). */
function versionLines(rules: (AdmissionRule | WarningRule)[]): string[] {
  const out: string[] = [];
  const ranges = rules.filter((r) => r.versions).map((r) => versionRangeText(r.versions));
  if (ranges.length > 0) out.push(`Kuma versions: ${[...new Set(ranges)].join('; ')}.`, '');
  const changes = rules.flatMap((r) => r.changes ?? []);
  for (const change of changes) {
    const when = versionRangeText(change.versions);
    out.push(`- ${when.charAt(0).toUpperCase()}${when.slice(1)}, Kuma ${change.what}.`);
  }
  if (changes.length > 0) out.push('');
  return out;
}
