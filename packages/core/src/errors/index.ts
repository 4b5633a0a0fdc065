export {
  defineCodeTable,
  mergeCodeTables,
  type CodeDefinition,
  type CodeSpec,
  type CodeTable,
  type DiagnosticLevel,
  type MergedCodes,
  type OrreryPackage,
} from './code-table.js';
export { CODE_TABLES, ERROR_CODES, isErrorCode, type ErrorCode } from './registry.js';
export {
  createDiagnostic,
  formatDiagnostic,
  toGraphQLError,
  type Diagnostic,
  type DiagnosticOptions,
  type SourceLocation,
} from './diagnostic.js';
export { renderErrorCodesMarkdown } from './render-docs.js';
