import { spanToRange, type Diagnostic, type ParsedFile, type Range } from '@meshgw/engine';

/** The `--format json` output of `meshgw check`: one object, version 1, 0-based positions. */
export interface CheckJson {
  version: 1;
  /** The Kuma version whose rules applied, as given (`2.7`, `2.14.2`); `2.14` by default. */
  kumaVersion: string;
  files: { file: string; diagnostics: CheckJsonDiagnostic[] }[];
  /** `resources`: how many Kuma resources were checked (0: nothing was, see exit status 4). */
  summary: { errors: number; warnings: number; infos: number; resources: number };
}

export interface CheckJsonDiagnostic {
  code: string;
  severity: Diagnostic['severity'];
  admission: boolean;
  path: string | null;
  message: string;
  resource: { type: string; mesh: string | null; name: string | null } | null;
  range: Range;
}

export interface CheckedFile {
  file: string;
  parsed: ParsedFile;
  diagnostics: Diagnostic[];
  /** How many Kuma resources the file holds. */
  resources: number;
}

export function checkJson(files: CheckedFile[], kumaVersion: string): CheckJson {
  const summary = { errors: 0, warnings: 0, infos: 0, resources: 0 };
  const out: CheckJson = { version: 1, kumaVersion, files: [], summary };
  for (const f of files) {
    summary.resources += f.resources;
    out.files.push({
      file: f.file,
      diagnostics: f.diagnostics.map((d) => {
        if (d.severity === 'error') summary.errors++;
        else if (d.severity === 'warning') summary.warnings++;
        else summary.infos++;
        return checkJsonDiagnostic(d, spanToRange(f.parsed.lineStarts, d.span, f.parsed.text.length));
      }),
    });
  }
  return out;
}

/** One diagnostic as `check --format json` (and `diff --format json`) prints it. */
export function checkJsonDiagnostic(d: Diagnostic, range: Range): CheckJsonDiagnostic {
  return {
    code: d.code,
    severity: d.severity,
    admission: d.admission,
    path: d.path,
    message: d.message,
    resource: d.resource ? { type: d.resource.type, mesh: d.resource.mesh, name: d.resource.name } : null,
    range,
  };
}
