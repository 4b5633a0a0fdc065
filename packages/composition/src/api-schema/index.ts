import type { DocumentNode } from 'graphql';
import type { SchemaResult } from '../types.js';

/** The API schema of a supergraph. (Being built: see the composition issue.) */
export function toApiSchema(_supergraph: string | DocumentNode): SchemaResult {
  throw new Error('toApiSchema: not implemented yet');
}
