/**
 * `@orrery/composition`: subgraph schemas to an Apollo-compatible supergraph.
 *
 * Pure: no I/O, no Node built-ins. Every problem is reported as a coded `Diagnostic` (see
 * `docs/errors.md`); results are discriminated unions on `ok`.
 */

// Composition
export { composeSubgraphs } from './compose.js';
export { validateSubgraph } from './subgraph/validate-subgraph.js';

// Deriving schemas from a supergraph
export { toApiSchema } from './api-schema/index.js';
export { applyContract } from './contracts/index.js';

// Satisfiability, usable on any supergraph
export {
  checkSatisfiability,
  validateSatisfiability,
  type SatisfiabilityOptions,
  type SatisfiabilityResult,
} from './satisfiability/index.js';

// Schema changes between two API schemas (registry launch summaries, schema checks)
export {
  diffSchemas,
  SCHEMA_CHANGE_CODES,
  type SchemaChange,
  type SchemaChangeCode,
  type SchemaChangeCodeInfo,
  type SchemaChangeMeta,
  type SchemaChangeSeverity,
} from './diff/index.js';

export type {
  ComposeOptions,
  CompositionFailure,
  CompositionResult,
  CompositionSuccess,
  ContractOptions,
  ContractResult,
  SchemaResult,
  SubgraphInput,
  SubgraphValidationResult,
} from './types.js';
