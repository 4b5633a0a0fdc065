/**
 * Test helpers: compose subgraphs with `@apollo/composition`, plan with Orrery, and plan the same
 * operation with `@apollo/query-planner` 2.14 (the oracle; run, never copied) to compare.
 */
import { composeServices } from '@apollo/composition';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { prettyFormatQueryPlan, QueryPlanner } from '@apollo/query-planner';
import { parse } from 'graphql';
import { expect } from 'vitest';
import {
  createQueryPlanner,
  planStats,
  printQueryPlan,
  type PlanStats,
  type QueryPlan,
  type QueryPlanner as OrreryPlanner,
} from '../src/index.js';

export const FED = (imports: string): string =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.8", import: [${imports
    .split(/\s+/)
    .filter(Boolean)
    .map((i) => `"${i}"`)
    .join(', ')}])\n`;

export interface Subgraph {
  readonly name: string;
  readonly sdl: string;
}

export function compose(subgraphs: readonly Subgraph[]): string {
  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: `http://${s.name}`, typeDefs: parse(s.sdl) })),
  );
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.supergraphSdl;
}

export interface Fixture {
  readonly supergraph: string;
  readonly planner: OrreryPlanner;
  /** Orrery's plan (throws with the diagnostics when planning fails). */
  plan(query: string, options?: { operationName?: string; overrideLabels?: string[] }): QueryPlan;
  /** Apollo's plan for the same operation, printed, and its stats. */
  apollo(
    query: string,
    options?: { operationName?: string; overrideLabels?: string[] },
  ): { text: string; stats: PlanStats; plan: unknown };
  /**
   * Plans with both and asserts Orrery makes no more fetches and is no deeper than Apollo;
   * returns Orrery's plan.
   */
  check(query: string, options?: { operationName?: string; overrideLabels?: string[] }): QueryPlan;
  /**
   * Asserts Orrery's plan is Apollo's plan: same printed form and the same subgraph operation
   * texts (names, variables, minification); returns it.
   */
  same(query: string, options?: { operationName?: string; overrideLabels?: string[] }): QueryPlan;
}

export function fixture(subgraphs: readonly Subgraph[]): Fixture {
  const supergraph = compose(subgraphs);
  const planner = createQueryPlanner(supergraph);
  const apolloSupergraph = Supergraph.build(supergraph, { supportedFeatures: null });
  const apolloPlanner = new QueryPlanner(apolloSupergraph);
  const api = apolloSupergraph.apiSchema();
  const plan: Fixture['plan'] = (query, options = {}) => {
    const result = planner.plan(query, options);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.plan;
  };
  const apollo: Fixture['apollo'] = (query, options = {}) => {
    const op = operationFromDocument(
      api,
      parse(query),
      options.operationName === undefined ? {} : { operationName: options.operationName },
    );
    const labels = options.overrideLabels;
    const result = apolloPlanner.buildQueryPlan(
      op,
      labels ? { overrideConditions: new Map(labels.map((l) => [l, true])) } : undefined,
    );
    return {
      text: prettyFormatQueryPlan(result),
      stats: planStats(result as unknown as QueryPlan),
      plan: result,
    };
  };
  return {
    supergraph,
    planner,
    plan,
    apollo,
    check(query, options = {}) {
      const ours = plan(query, options);
      const theirs = apollo(query, options);
      const stats = planStats(ours);
      expect(stats.fetches, `fetches vs Apollo:\n${theirs.text}`).toBeLessThanOrEqual(
        theirs.stats.fetches,
      );
      expect(stats.sequentialDepth, `depth vs Apollo:\n${theirs.text}`).toBeLessThanOrEqual(
        theirs.stats.sequentialDepth,
      );
      return ours;
    },
    same(query, options = {}) {
      const ours = plan(query, options);
      const theirs = apollo(query, options);
      const printed = printQueryPlan(ours);
      expect(printed).toBe(theirs.text);
      expect(operations(ours)).toEqual(operations(theirs.plan));
      return ours;
    },
  };
}

/** The subgraph operation texts of a plan, in plan order (Apollo's plan objects work too). */
export function operations(plan: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n['kind'] === 'Fetch') out.push(String(n['operation']));
    for (const key of ['node', 'nodes', 'primary', 'rest', 'ifClause', 'elseClause', 'deferred']) {
      const child = n[key];
      if (Array.isArray(child)) child.forEach(walk);
      else walk(child);
    }
  };
  walk(plan);
  return out;
}
