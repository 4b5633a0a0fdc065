/**
 * Graphs and variants: list, read, create (copy `from` another variant, or a contract of a
 * source variant) and delete.
 *
 * @module
 */
import type { ContractConfig, CreateVariantRequest } from '@orrery/registry-client';
import {
  defined,
  optionalBoolean,
  optionalObject,
  optionalString,
  optionalStringArray,
  requiredString,
  type JsonObject,
} from '../body.js';
import { HttpError } from '../errors.js';
import type { AddRoute, RouteDeps } from '../types.js';
import { API, GRAPH, VARIANT } from './paths.js';
import { checkName } from './names.js';

export function variantRoutes(add: AddRoute, { service }: RouteDeps): void {
  add('GET', `${API}/graphs`, async (ctx) => ({
    status: 200,
    json: { graphs: await service.listGraphs(ctx.actor) },
  }));

  add('GET', `${GRAPH}/variants`, async (ctx) => ({
    status: 200,
    json: {
      variants: await service.listVariants(ctx.actor, checkName(ctx.params, 'graph')),
    },
  }));

  add('GET', VARIANT, async (ctx) => ({
    status: 200,
    json: await service.getVariant(ctx.actor, ctx.ref()),
  }));

  add('PUT', VARIANT, async (ctx) => {
    const ref = ctx.ref();
    const request = readCreateVariant(await ctx.json());
    return { status: 201, json: await service.createVariant(ctx.actor, ref, request) };
  });

  add('DELETE', VARIANT, async (ctx) => {
    await service.deleteVariant(ctx.actor, ctx.ref());
    return { status: 204 };
  });
}

function readCreateVariant(body: JsonObject): CreateVariantRequest {
  const from = optionalString(body, 'from');
  const contract = optionalObject(body, 'contract');
  if (from !== undefined && contract !== undefined) {
    throw new HttpError('BAD_REQUEST', '"from" and "contract" cannot be given together.');
  }
  return defined<CreateVariantRequest>({
    from,
    contract: contract === undefined ? undefined : readContract(contract),
  });
}

function readContract(body: JsonObject): ContractConfig {
  return {
    source: requiredString(body, 'source'),
    includeTags: optionalStringArray(body, 'includeTags') ?? [],
    excludeTags: optionalStringArray(body, 'excludeTags') ?? [],
    hideUnreachableTypes: optionalBoolean(body, 'hideUnreachableTypes') ?? false,
  };
}
