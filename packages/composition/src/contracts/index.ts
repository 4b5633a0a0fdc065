/**
 * Contracts: a supergraph filtered by `@tag`s, for a variant that serves a subset of the API
 * (partners, staged releases: a GA contract excluding `alpha` and `beta`, ...).
 *
 * @module
 */
import { print, type DocumentNode } from 'graphql';
import { apiSchemaOf } from '../api-schema/index.js';
import { createInaccessibleContext } from '../api-schema/inaccessible-context.js';
import { readSupergraph } from '../api-schema/read-supergraph.js';
import type { ContractOptions, ContractResult } from '../types.js';
import { markInaccessible } from './mark-inaccessible.js';
import { computeHiddenCoordinates } from './tag-filter.js';

/**
 * Derives a contract from a supergraph: every element the tag filter removes gets
 * `@inaccessible` in the returned supergraph (so any gateway can serve it unchanged), and the
 * contract's API schema is derived from that. The rules are in `src/contracts/README.md`;
 * exclusion wins over inclusion. When the filter leaves an invalid API schema (a visible field
 * returning an excluded type, an excluded required argument, nothing left in `Query`), the
 * result carries the `@inaccessible` rule errors (`REFERENCED_INACCESSIBLE`, ...).
 *
 * @example
 * // The GA variant of a graph released in stages.
 * const ga = applyContract(supergraphSdl, { excludeTags: ['alpha', 'beta'] });
 * if (ga.ok) deploy(ga.supergraphSdl);
 */
export function applyContract(
  supergraph: string | DocumentNode,
  options: ContractOptions,
): ContractResult {
  const model = readSupergraph(supergraph);
  if ('errors' in model) return { ok: false, errors: model.errors };
  const hidden = computeHiddenCoordinates(createInaccessibleContext(model), {
    include: new Set(options.includeTags ?? []),
    exclude: new Set(options.excludeTags ?? []),
    hideUnreachableTypes: options.hideUnreachableTypes ?? false,
  });
  const contractDocument = markInaccessible(model, hidden);
  const contract = readSupergraph(contractDocument);
  if ('errors' in contract) return { ok: false, errors: contract.errors };
  const api = apiSchemaOf(contract);
  if (!api.ok) return { ok: false, errors: api.errors };
  return { ok: true, supergraphSdl: print(contractDocument), apiSchema: api.schema };
}
