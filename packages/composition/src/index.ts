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
