import type { DocumentNode } from 'graphql';
import type { ContractOptions, ContractResult } from '../types.js';

/** A contract of a supergraph, selected by tags. (Being built: see the composition issue.) */
export function applyContract(
  _supergraph: string | DocumentNode,
  _options: ContractOptions,
): ContractResult {
  throw new Error('applyContract: not implemented yet');
}
