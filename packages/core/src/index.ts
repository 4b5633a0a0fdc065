/**
 * `@orrery/core`: what composition, query planning and the runtime packages share.
 *
 * Pure: no I/O and no Node built-ins, so it runs in browsers and at the edge too.
 */

// Error-code registry and diagnostics
export {
  CODE_TABLES,
  ERROR_CODES,
  createDiagnostic,
  defineCodeTable,
  formatDiagnostic,
  isErrorCode,
  mergeCodeTables,
  renderErrorCodesMarkdown,
  toGraphQLError,
} from './errors/index.js';
export type {
  CodeDefinition,
  CodeSpec,
  CodeTable,
  Diagnostic,
  DiagnosticLevel,
  DiagnosticOptions,
  ErrorCode,
  MergedCodes,
  OrreryPackage,
  SourceLocation,
} from './errors/index.js';
