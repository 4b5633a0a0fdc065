import type { Diagnostic } from '@orrery/core';
import type { DocumentNode, GraphQLSchema } from 'graphql';

/**
 * One subgraph to compose: its name (unique, not `_`), the URL the gateway routes to, and its
 * schema as SDL text or an already parsed document.
 */
export interface SubgraphInput {
  readonly name: string;
  readonly url: string;
  readonly sdl?: string;
  readonly document?: DocumentNode;
  /**
   * Where the SDL came from (a file name), used in diagnostics' locations. Defaults to the
   * subgraph name.
   */
  readonly source?: string;
}

/** Options of {@link composeSubgraphs}. */
export interface ComposeOptions {
  /**
   * Run the satisfiability check (every API query can be resolved through the subgraphs).
   * Default: true. Turning it off makes composition faster and lets unsatisfiable graphs through.
   */
  readonly runSatisfiability?: boolean;
  /**
   * Stop collecting errors after this many (a guard against pathological inputs producing
   * millions of diagnostics). Default: 100.
   */
  readonly maxErrors?: number;
}

/** Composition succeeded: the supergraph, its API schema, and any hints. */
export interface CompositionSuccess {
  readonly ok: true;
  /** The supergraph SDL (link v1.0, join v0.5), as `@apollo/composition` prints it. */
  readonly supergraphSdl: string;
  /** The schema clients see: the supergraph without federation metadata or inaccessible elements. Built on first access. */
  readonly apiSchema: GraphQLSchema;
  readonly hints: readonly Diagnostic[];
}

/** Composition failed: the errors (each with code, subgraphs and locations), and any hints. */
export interface CompositionFailure {
  readonly ok: false;
  readonly errors: readonly Diagnostic[];
  readonly hints: readonly Diagnostic[];
}

/** The result of {@link composeSubgraphs}. */
export type CompositionResult = CompositionSuccess | CompositionFailure;

/** The result of validating one subgraph on its own. */
export type SubgraphValidationResult =
  | { readonly ok: true; readonly hints: readonly Diagnostic[] }
  | {
      readonly ok: false;
      readonly errors: readonly Diagnostic[];
      readonly hints: readonly Diagnostic[];
    };

/** The result of deriving an API schema or a contract from a supergraph. */
export type SchemaResult =
  | { readonly ok: true; readonly schema: GraphQLSchema; readonly sdl: string }
  | { readonly ok: false; readonly errors: readonly Diagnostic[] };

/** The result of deriving a contract supergraph. */
export type ContractResult =
  | {
      readonly ok: true;
      /** The contract's supergraph SDL: what a contract variant's gateway loads. */
      readonly supergraphSdl: string;
      /** The contract's API schema. */
      readonly apiSchema: GraphQLSchema;
    }
  | { readonly ok: false; readonly errors: readonly Diagnostic[] };

/** Options of `applyContract`: which `@tag`s select what the contract exposes. */
export interface ContractOptions {
  /** When non-empty, only elements tagged with one of these (and what they need) are kept. */
  readonly includeTags?: readonly string[];
  /** Elements tagged with one of these are hidden (exclusion wins over inclusion). */
  readonly excludeTags?: readonly string[];
  /** Also hide types that no longer can be reached from a root. Default: false. */
  readonly hideUnreachableTypes?: boolean;
}
