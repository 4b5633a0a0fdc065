/**
 * Shared setup for the `plan-defer-*.test.ts` files: one two-subgraph supergraph planned with
 * defer on by Orrery and by Apollo's planner (the oracle), and `plan()` that compares the two.
 */
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { prettyFormatQueryPlan, QueryPlanner } from '@apollo/query-planner';
import { parse } from 'graphql';
import { expect } from 'vitest';
import { createQueryPlanner, planStats, printQueryPlan, type QueryPlan } from '../src/index.js';
import { compose, FED, operations } from './harness.js';

const H = FED('@key @shareable');

export const supergraph = compose([
  {
    name: 'a',
    sdl: `${H} type Query { t: T ts: [T] i: I is: [I] u: Un me: T v: V }
      type Subscription { s: T }
      interface I { id: ID! name: String }
      type T implements I @key(fields: "id") { id: ID! name: String u: U }
      type T2 implements I @key(fields: "id") { id: ID! name: String }
      union Un = T | T2
      type V { n: Int t: T }
      type U @key(fields: "id") { id: ID! }`,
  },
  {
    name: 'b',
    sdl: `${H} type Query { b: U }
      type T @key(fields: "id") { id: ID! other: Int }
      type T2 @key(fields: "id") { id: ID! other: Int }
      type U @key(fields: "id") { id: ID! deep: String }`,
  },
]);
export const orrery = createQueryPlanner(supergraph, {
  incrementalDelivery: { enableDefer: true },
});
const apolloSupergraph = Supergraph.build(supergraph, { supportedFeatures: null });
const apollo = new QueryPlanner(apolloSupergraph, { incrementalDelivery: { enableDefer: true } });

/** Orrery's plan with defer on, checked against Apollo's (same text, or no worse when `same` is off). */
export function plan(query: string, same = true): QueryPlan {
  const result = orrery.plan(query);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const theirs = apollo.buildQueryPlan(
    operationFromDocument(apolloSupergraph.apiSchema(), parse(query)),
  );
  if (same) {
    expect(printQueryPlan(result.plan)).toBe(prettyFormatQueryPlan(theirs));
    expect(operations(result.plan)).toEqual(operations(theirs));
    expect(JSON.parse(JSON.stringify(result.plan))).toEqual(
      JSON.parse(
        JSON.stringify(theirs, (k, v: unknown) => (k === 'operationDocumentNode' ? undefined : v)),
      ),
    );
  } else {
    const ours = planStats(result.plan);
    const stats = planStats(theirs as unknown as QueryPlan);
    expect(ours.fetches).toBeLessThanOrEqual(stats.fetches);
    expect(ours.sequentialDepth).toBeLessThanOrEqual(stats.sequentialDepth);
  }
  return result.plan;
}
