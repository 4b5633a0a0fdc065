import { describe, expect, it } from 'vitest';
import { planStats, type FetchNode, type PlanNode, type QueryPlan } from '../../src/index.js';

/** `planStats` on hand-built plans, one node kind at a time. */

const fetch = (serviceName: string, id?: string): FetchNode => ({
  kind: 'Fetch',
  serviceName,
  operation: '{ __typename }',
  operationKind: 'query',
  ...(id === undefined ? {} : { id }),
});
const plan = (node?: QueryPlan['node']): QueryPlan =>
  node ? { kind: 'QueryPlan', node } : { kind: 'QueryPlan' };
const seq = (...nodes: PlanNode[]): PlanNode => ({ kind: 'Sequence', nodes });
const par = (...nodes: PlanNode[]): PlanNode => ({ kind: 'Parallel', nodes });
const flat = (node: PlanNode): PlanNode => ({ kind: 'Flatten', path: ['a', '@'], node });

describe('planStats', () => {
  it('reports nothing for a plan without fetches', () => {
    expect(planStats(plan())).toEqual({ fetches: 0, sequentialDepth: 0, fetchesBySubgraph: {} });
  });

  it('adds up a Sequence and takes the longest branch of a Parallel', () => {
    const stats = planStats(
      plan(seq(fetch('b'), par(flat(fetch('a')), seq(flat(fetch('c')), flat(fetch('a')))))),
    );
    expect(stats).toEqual({
      fetches: 4,
      sequentialDepth: 3,
      fetchesBySubgraph: { a: 2, b: 1, c: 1 },
    });
    expect(Object.keys(stats.fetchesBySubgraph)).toEqual(['a', 'b', 'c']);
  });

  it('counts both branches of a Condition but only the deeper one for depth', () => {
    expect(
      planStats(
        plan({
          kind: 'Condition',
          condition: 'v',
          ifClause: seq(fetch('a'), flat(fetch('b'))),
          elseClause: fetch('a'),
        }),
      ),
    ).toMatchObject({ fetches: 3, sequentialDepth: 2 });
  });

  it('starts a deferred chunk after the fetch it depends on', () => {
    const node: PlanNode = {
      kind: 'Defer',
      primary: { node: seq(fetch('a', '0'), flat(fetch('b', '1'))) },
      deferred: [
        { depends: [{ id: '0' }], queryPath: [], node: flat(fetch('c')) },
        { depends: [{ id: '1' }], queryPath: [], node: seq(flat(fetch('c')), flat(fetch('d'))) },
        { depends: [], queryPath: [], node: fetch('e') },
      ],
    };
    // Chunk two waits for fetch 1 (depth 2), then runs two more: 4.
    expect(planStats(plan(node))).toMatchObject({ fetches: 6, sequentialDepth: 4 });
  });

  it('counts a subscription primary before its rest', () => {
    expect(
      planStats(
        plan({
          kind: 'Subscription',
          primary: fetch('s'),
          rest: par(flat(fetch('a')), fetch('b')),
        }),
      ),
    ).toEqual({ fetches: 3, sequentialDepth: 2, fetchesBySubgraph: { a: 1, b: 1, s: 1 } });
  });
});
