/**
 * What the usage plugin keeps per compiled operation: its signature, its static coordinates and
 * id, computed once, and the few variants that variable values add. Per request the cost is
 * nothing for operations whose variables cannot add coordinates (scalars only), and a walk of
 * the enum / input object variables plus a map lookup for the others.
 *
 * @module
 */
import { usageOperationId, type UsageOperation } from '@orrery/registry-client';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { PreparedOperation } from './aggregator.js';
import { analyzeOperation, variableCoordinates, type ValueVariable } from './coordinates.js';
import { usageSignature } from './signature.js';

/** Variants (distinct coordinate sets from variable values) cached per operation. */
export const MAX_VARIANTS = 64;

export interface CompiledUsage {
  /** The operation with its static coordinates only (what requests without values add). */
  readonly base: PreparedOperation;
  readonly valueVariables: readonly ValueVariable[];
  readonly staticCoordinates: ReadonlySet<string>;
  /** By the sorted coordinates the values added, joined with `,`. */
  readonly variants: Map<string, PreparedOperation>;
}

/** Computes signature, coordinates and id of one compiled operation (once). */
export function compileUsage(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): CompiledUsage {
  const name = operation.name?.value ?? null;
  const signature = usageSignature(document, name ?? undefined);
  const analysis = analyzeOperation(schema, document, operation);
  const base = prepared(name, operation.operation, signature, [...analysis.coordinates]);
  return {
    base,
    valueVariables: analysis.valueVariables,
    staticCoordinates: analysis.coordinates,
    variants: new Map(),
  };
}

/** The operation as this request's (coerced) variable values make it. */
export function usageForRequest(
  usage: CompiledUsage,
  variables: Readonly<Record<string, unknown>>,
): PreparedOperation {
  if (usage.valueVariables.length === 0) return usage.base;
  const found = new Set<string>();
  variableCoordinates(usage.valueVariables, variables, found);
  let extra: string[] | undefined;
  for (const coordinate of found) {
    if (!usage.staticCoordinates.has(coordinate)) (extra ??= []).push(coordinate);
  }
  if (!extra) return usage.base;
  const key = extra.sort().join(',');
  let variant = usage.variants.get(key);
  if (!variant) {
    const { name, type, signature, coordinates } = usage.base.operation;
    variant = prepared(name, type, signature, [...coordinates, ...extra]);
    // Past the bound a variant is still correct, only computed again next time.
    if (usage.variants.size < MAX_VARIANTS) usage.variants.set(key, variant);
  }
  return variant;
}

function prepared(
  name: string | null,
  type: UsageOperation['type'],
  signature: string,
  coordinates: string[],
): PreparedOperation {
  const operation: UsageOperation = { name, type, signature, coordinates: coordinates.sort() };
  return { id: usageOperationId(operation), operation };
}
