/**
 * From two API schemas to an operations task: the diff (as a publish records it), softened for
 * deprecated removals, matched against the traffic of the given variants.
 *
 * @module
 */
import type { OperationsTask, SchemaChange } from '@orrery/registry-client';
import { GraphQLSchema } from 'graphql';
import type { ServiceContext } from '../context.js';
import { diffApiSchemas } from '../launch.js';
import type { AppliedConfig } from './config.js';
import { matcherCoordinates, schemaFacts } from './coordinates.js';
import { changeMatchers, soften, weighChanges } from './impact.js';
import { readTraffic, type Traffic } from './traffic.js';

/**
 * The change list from the served API schema to the proposed one. With nothing served, every
 * element of the proposal is an addition (the diff from an empty schema).
 */
export function proposedChanges(
  servedApiSchemaSdl: string | undefined,
  proposedApiSchemaSdl: string,
): SchemaChange[] {
  return diffApiSchemas(servedApiSchemaSdl ?? new GraphQLSchema({}), proposedApiSchemaSdl);
}

export interface OperationsOutcome {
  readonly task: OperationsTask;
  readonly traffic: Traffic;
}

/**
 * Diffs, reads the traffic and weighs. `readAll` reads every operation of the window (plan
 * regressions need the most used ones, whatever they touch); otherwise only the operations
 * touching a changed coordinate are read.
 */
export async function checkOperations(
  context: ServiceContext,
  input: {
    readonly graph: string;
    readonly trafficVariants: readonly string[];
    readonly config: AppliedConfig;
    readonly now: Date;
    readonly servedApiSchemaSdl: string | undefined;
    readonly proposedApiSchemaSdl: string;
    readonly readAll: boolean;
  },
): Promise<OperationsOutcome> {
  const changes = proposedChanges(input.servedApiSchemaSdl, input.proposedApiSchemaSdl).map(soften);
  const matchers = changeMatchers(changes, schemaFacts(input.servedApiSchemaSdl));
  const risky = matchers.filter((_, index) => changes[index]!.severity !== 'safe');
  // A change usage cannot reveal is weighed against the whole window: read everything.
  const coordinates =
    input.readAll || risky.some((list) => list === undefined)
      ? undefined
      : matcherCoordinates(risky as NonNullable<(typeof risky)[number]>[]);
  const traffic = await readTraffic(
    context,
    input.graph,
    input.trafficVariants,
    input.config,
    input.now,
    coordinates,
  );
  return { task: weighChanges(changes, matchers, traffic, input.config), traffic };
}
