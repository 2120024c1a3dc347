import type { Fix } from '../base/diagnostic.js';
import type { ResourceDoc } from '../resources/types.js';
import type { ResourceKind } from '../kuma/kinds.js';
import type { Span } from '../base/types.js';
import type { DiagnosticCode } from '../base/codes.js';
import type { KumaVersion, VersionRange, VersionRanges } from '../kuma/versions.js';

/** One finding of a rule, located at the node it is about. */
export interface Violation {
  /**
   * The path as Kuma prints it, without the resource's `spec.` prefix (validate.ts adds it in
   * Kubernetes form), e.g. `conf.listeners[0].tags["kuma.io/service"]`.
   */
  path: string;
  /** For admission rules, Kuma's message word for word. */
  message: string;
  /**
   * The key or value that is wrong. For a missing field: the key of its parent (or the first key
   * of the list item or document that lacks it); never the whole document.
   */
  span: Span;
  /** True for paths outside the spec (`name`, `mesh`, `data.value`): they never get a prefix. */
  meta?: boolean;
  /**
   * The index of the list item being checked (a listener, an HTTP rule, a `to` entry). Rules of
   * one `group` check the same list; their violations are merged item by item.
   */
  item?: number;
  /** Quick fixes that make the resource acceptable (edits of its file). */
  fixes?: Fix[];
}

export type Report = (violation: Violation) => void;

/**
 * Part of a rule that only some Kuma versions check, or check differently. The rule tests
 * `versions` against its target, and docs/diagnostics.md prints `what`, so the fact is written
 * once.
 */
export interface VersionedCheck {
  versions: VersionRanges;
  /** What Kuma does in those versions, completing "In those versions Kuma …": `also refuses …`. */
  what: string;
}

/**
 * One admission check of Kuma, as a plug-in listed in `rules/index.ts`. `check` reads the
 * document and reports every violation Kuma would print, in Kuma's order; it never throws and
 * reads values of the wrong YAML type as Kuma reads a field it could not parse: as absent.
 */
export interface AdmissionRule {
  /** A stable kebab-case diagnostic code. */
  id: DiagnosticCode;
  kinds: readonly ResourceKind[];
  /**
   * Consecutive rules in the list with the same group have their violations ordered by `item`
   * first, so that checks Kuma runs per list item keep Kuma's order across rule files.
   */
  group?: string;
  /**
   * The Kuma versions whose admission runs this check; absent: every version. The checks are
   * read from Kuma v2.14.3's source; where an older version differs, the rule says so here.
   */
  versions?: VersionRange;
  /** The parts of the check that differ between versions, for docs/diagnostics.md. */
  changes?: readonly VersionedCheck[];
  /**
   * `schema`: a check of Kuma's OpenAPI schema stage, which runs before every other stage; when
   * it finds anything, Kuma prints only that. Absent: the validator stage.
   */
  stage?: 'schema';
  /** `target` is the Kuma version being checked against, for checks whose messages or limits changed. */
  check(doc: ResourceDoc, report: Report, target: KumaVersion): void;
}

/**
 * A check for what Kuma accepts but then drops or fails on at configuration time. Paths are
 * Kuma-style paths of the node, for reference; messages are our own.
 */
export interface WarningRule {
  id: DiagnosticCode;
  kinds: readonly ResourceKind[];
  /** The Kuma versions that drop or fail on what this rule reports; absent: every version. */
  versions?: VersionRange;
  /** The parts of the check that differ between versions, for docs/diagnostics.md. */
  changes?: readonly VersionedCheck[];
  check(doc: ResourceDoc, report: Report, target: KumaVersion): void;
}
