import { GraphQLError } from 'graphql';
import type { DiagnosticLevel } from './code-table.js';
import { ERROR_CODES, type ErrorCode } from './registry.js';

/** A position in a source: 1-based line and column, and the file name when there is one. */
export interface SourceLocation {
  /** A file name (when the SDL was read from a file) or another label for the source. */
  readonly source?: string;
  readonly line: number;
  readonly column: number;
}

/**
 * A problem or hint, as plain JSON-serialisable data: what every Orrery package reports to its
 * caller, and what the registry stores and the CLI prints.
 */
export interface Diagnostic {
  readonly code: ErrorCode;
  readonly level: DiagnosticLevel;
  readonly message: string;
  /** The subgraphs involved, in the order they matter to the message (may be empty). */
  readonly subgraphs: readonly string[];
  /** Where in the sources the problem is (may be empty). */
  readonly locations: readonly SourceLocation[];
}

export interface DiagnosticOptions {
  readonly subgraphs?: readonly string[];
  readonly locations?: readonly SourceLocation[];
  /**
   * Reported as a hint: the level is the code's `hintLevel` when it has one (a code Apollo uses
   * both as an error and as a hint), else its level.
   */
  readonly asHint?: boolean;
}

/** Builds a diagnostic for a registered code; its level comes from the registry. */
export function createDiagnostic(
  code: ErrorCode,
  message: string,
  options: DiagnosticOptions = {},
): Diagnostic {
  return {
    code,
    level: (options.asHint ? ERROR_CODES[code].hintLevel : undefined) ?? ERROR_CODES[code].level,
    message,
    subgraphs: options.subgraphs ?? [],
    locations: options.locations ?? [],
  };
}

/**
 * Formats a diagnostic on one line, as the CLI prints it:
 * `CODE [subgraph] message (file:line:col)`.
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const subgraphs = diagnostic.subgraphs.length ? ` [${diagnostic.subgraphs.join(', ')}]` : '';
  const where = diagnostic.locations
    .map((l) => `${l.source ?? '<input>'}:${l.line}:${l.column}`)
    .join(', ');
  return `${diagnostic.code}${subgraphs} ${diagnostic.message}${where ? ` (${where})` : ''}`;
}

/**
 * The same diagnostic as a `GraphQLError` with `extensions.code`, for tools that expect the
 * graphql-js shape (as `@apollo/composition` returns it).
 */
export function toGraphQLError(diagnostic: Diagnostic): GraphQLError {
  return new GraphQLError(diagnostic.message, {
    extensions: {
      code: diagnostic.code,
      level: diagnostic.level,
      subgraphs: diagnostic.subgraphs,
      locations: diagnostic.locations,
    },
  });
}
