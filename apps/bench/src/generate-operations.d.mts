import type { GraphQLSchema } from 'graphql';

/** Options of {@link generateOperations}. */
export interface GenerateOperationsOptions {
  seed?: number;
  count?: number;
  depth?: number;
  breadth?: number;
}

/** Deterministic operations `Op0..` over `schema` (see generate-operations.mjs). */
export function generateOperations(
  schema: GraphQLSchema,
  options?: GenerateOperationsOptions,
): string[];
