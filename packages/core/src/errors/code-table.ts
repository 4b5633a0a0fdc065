/**
 * The shapes of the error-code registry.
 *
 * Every stable code Orrery can report (composition errors, hints, runtime `ERR_*` codes) is
 * defined exactly once, in a table under `codes/`. Tables are merged by {@link mergeCodeTables},
 * which refuses a code defined twice, and `docs/errors.md` is generated from the merged registry.
 */

/** The packages that can raise a code. */
export type OrreryPackage =
  'core' | 'composition' | 'query-planner' | 'gateway' | 'registry' | 'registry-client' | 'cli';

/** How serious a diagnostic is: errors fail the operation, the other levels are hints. */
export type DiagnosticLevel = 'error' | 'warn' | 'info' | 'debug';

/** One entry of the registry. */
export interface CodeSpec {
  /** One or two sentences: what went wrong and, where it helps, how to fix it. */
  readonly description: string;
  /** Which packages raise it. */
  readonly raisedBy: readonly OrreryPackage[];
  /** `error` for errors; hints carry their level (`warn`, `info`, `debug`). */
  readonly level: DiagnosticLevel;
  /**
   * For an error code that is also reported as a hint (Apollo does so for a few codes, with the
   * same string), the hint's level.
   */
  readonly hintLevel?: Exclude<DiagnosticLevel, 'error'>;
  /** True when the same code string is used by Apollo Federation, so users can look it up there. */
  readonly apolloCompatible?: boolean;
  /**
   * Set when no input makes the package raise the code today, with the reason (for example a
   * code Apollo defines but never raises). The code stays in the registry so that tools matching
   * on Apollo's codes know it; the per-code test check skips it.
   */
  readonly notRaised?: string;
}

/** A table of codes for one area (a heading in `docs/errors.md`). */
export interface CodeTable<Codes extends Record<string, CodeSpec> = Record<string, CodeSpec>> {
  /** The heading in the generated docs, e.g. "Composition: merging". */
  readonly title: string;
  /** A sentence introducing the group in the docs. */
  readonly summary: string;
  readonly codes: Codes;
}

/** Declares a table; a helper only so that the code names stay literal types. */
export function defineCodeTable<const Codes extends Record<string, CodeSpec>>(
  table: CodeTable<Codes>,
): CodeTable<Codes> {
  return table;
}

/** A code spec with its name attached, as found in the merged registry. */
export interface CodeDefinition extends CodeSpec {
  readonly code: string;
  /** The title of the table that defines it. */
  readonly group: string;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (
  x: infer I,
) => void
  ? I
  : never;

/** The merged codes of several tables, keyed by code. */
export type MergedCodes<Tables extends readonly CodeTable[]> = UnionToIntersection<
  Tables[number]['codes']
>;

const CODE_SHAPE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

/**
 * Merges tables into one registry keyed by code. Throws (a programmer error, caught by the
 * registry's own test) when a code is defined twice or is not SCREAMING_SNAKE.
 */
export function mergeCodeTables<const Tables extends readonly CodeTable[]>(
  tables: Tables,
): { readonly [K in keyof MergedCodes<Tables>]: CodeDefinition } {
  const merged: Record<string, CodeDefinition> = {};
  for (const table of tables) {
    for (const [code, spec] of Object.entries(table.codes)) {
      if (!CODE_SHAPE.test(code)) {
        throw new Error(`error code "${code}" (in "${table.title}") is not SCREAMING_SNAKE_CASE`);
      }
      const existing = merged[code];
      if (existing) {
        throw new Error(
          `error code "${code}" is defined twice: in "${existing.group}" and in "${table.title}"`,
        );
      }
      merged[code] = Object.freeze({ ...spec, code, group: table.title });
    }
  }
  return Object.freeze(merged) as { readonly [K in keyof MergedCodes<Tables>]: CodeDefinition };
}
