import type { CheckJson } from './check-json.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

/**
 * SARIF 2.1.0 for code scanning: one run, one rule per diagnostic code, 1-based regions.
 * `helpBase` is an absolute URI of docs/diagnostics.md (SARIF requires `informationUri` and
 * `helpUri` to be absolute); each rule's `helpUri` is it with the code as fragment.
 */
export function sarif(report: CheckJson, options: { version: string; helpBase: string }): object {
  const rules = new Map<string, { id: string; helpUri: string }>();
  const results = [];
  for (const f of report.files) {
    for (const d of f.diagnostics) {
      if (!rules.has(d.code)) rules.set(d.code, { id: d.code, helpUri: `${options.helpBase}#${d.code}` });
      results.push({
        ruleId: d.code,
        level: LEVEL[d.severity],
        message: { text: d.admission && d.path ? `${d.path}: ${d.message}` : d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: f.file.split('\\').join('/') },
              region: {
                startLine: d.range.start.line + 1,
                startColumn: d.range.start.character + 1,
                endLine: d.range.end.line + 1,
                endColumn: d.range.end.character + 1,
              },
            },
          },
        ],
        properties: { admission: d.admission, kumaPath: d.path },
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'meshgw', version: options.version, informationUri: options.helpBase, rules: [...rules.values()] } }, results }],
  };
}
