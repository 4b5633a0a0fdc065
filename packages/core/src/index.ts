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

// Supergraph reader
export {
  extractSubgraphs,
  namedTypeOf,
  namedTypeOfPrinted,
  parseFieldSet,
  parseSpecUrl,
  printExtractedSubgraph,
  printType,
  readLinkedFeatures,
  readSupergraph,
} from './supergraph/index.js';
export type {
  ContextArgument,
  ExtractedField,
  ExtractedSubgraph,
  ExtractedType,
  FieldInSubgraph,
  FieldSet,
  KeyDefinition,
  ReadSupergraphResult,
  SupergraphArgument,
  SupergraphFeature,
  SupergraphField,
  SupergraphModel,
  SupergraphRoots,
  SupergraphSubgraph,
  SupergraphType,
  SupergraphTypeKind,
  TypeInSubgraph,
} from './supergraph/index.js';

// Federated query graph
export {
  buildQueryGraph,
  printQueryGraphDot,
  printQueryGraphMermaid,
} from './query-graph/index.js';
export type {
  DowncastEdge,
  DumpOptions,
  FieldEdge,
  KeyEdge,
  OverrideCondition,
  QueryGraph,
  QueryGraphEdge,
  QueryGraphVertex,
} from './query-graph/index.js';

// Spec definitions a supergraph links (link, join, tag, inaccessible, ...)
export * from './specs/index.js';

// graphql-js helpers shared by the packages
export { namedTypeKind, type NamedTypeKind } from './graphql/type-kind.js';
