import { afterEach, describe, expect, it } from 'vitest';
import type { FetchNode, PlanNode, QueryPlan } from '@orrery/query-planner';
import { mergeEntityOperations } from '../src/execution/batch-operation.js';
import { preparePlan } from '../src/execution/prepare-plan.js';
import { scheduleFor } from '../src/execution/schedule.js';
import { createGateway, type Gateway } from '../src/index.js';
import {
  mockSubgraphs,
  REVIEWS_URL,
  reviewsSubgraph,
  runSubgraph,
  supergraphSdl,
  USERS_URL,
  usersSubgraph,
  type SubgraphMock,
} from './helpers.js';

const SUPERGRAPH = supergraphSdl();
let gateway: Gateway | undefined;

afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

function gatewayWith(mocks: Record<string, SubgraphMock>) {
  const { agent, received } = mockSubgraphs(mocks);
  gateway = createGateway({ supergraph: SUPERGRAPH, dispatcher: agent });
  return { gateway, received };
}

describe('entity fetches to one subgraph in one plan level share a request', () => {
  it('same selection at two paths: one list of representations, deduplicated across paths', async () => {
    const { gateway, received } = gatewayWith({
      [USERS_URL]: usersSubgraph,
      [REVIEWS_URL]: reviewsSubgraph,
    });
    const result = await gateway.execute({
      query: '{ users { id reviews { id } } me { id reviews { id } } }',
    });
    expect(result).toEqual({
      data: {
        users: [
          { id: 'u1', reviews: [{ id: 'r1' }] },
          { id: 'u2', reviews: [{ id: 'r2' }, { id: 'r3' }] },
          { id: 'u3', reviews: [] },
        ],
        me: { id: 'u1', reviews: [{ id: 'r1' }] },
      },
    });
    expect(received[REVIEWS_URL]).toHaveLength(1);
    expect(received[REVIEWS_URL]![0]!.variables!.representations).toEqual([
      { __typename: 'User', id: 'u1' },
      { __typename: 'User', id: 'u2' },
      { __typename: 'User', id: 'u3' },
    ]);
  });

  it('different selections: one operation with an aliased _entities field per selection', async () => {
    const { gateway, received } = gatewayWith({
      [USERS_URL]: usersSubgraph,
      [REVIEWS_URL]: reviewsSubgraph,
    });
    const result = await gateway.execute({
      query: '{ users { reviews { id } } me { reviews { body rating } } }',
    });
    expect(result).toEqual({
      data: {
        users: [
          { reviews: [{ id: 'r1' }] },
          { reviews: [{ id: 'r2' }, { id: 'r3' }] },
          { reviews: [] },
        ],
        me: { reviews: [{ body: 'Great', rating: 5 }] },
      },
    });
    expect(received[REVIEWS_URL]).toHaveLength(1);
    const [request] = received[REVIEWS_URL]!;
    expect(request!.query).toMatch(/_0:_entities\(representations:\$representations_0\)/);
    expect(request!.query).toMatch(/_1:_entities\(representations:\$representations_1\)/);
    expect(Object.keys(request!.variables!).sort()).toEqual([
      'representations_0',
      'representations_1',
    ]);
  });

  it('maps errors at aliased paths back to each fetch’s client paths, with serviceName', async () => {
    const { gateway } = gatewayWith({
      [USERS_URL]: usersSubgraph,
      [REVIEWS_URL]: {
        run: async (request) => {
          const answer = await runSubgraph('reviews', request);
          const data = answer.data as Record<string, unknown[]>;
          // The field of the `me` fetch: the one whose representations hold only u1.
          const field = Object.keys(data).find((key) => data[key]!.length === 1)!;
          data[field]![0] = { __typename: 'User', reviews: null };
          return { ...answer, errors: [{ message: 'down', path: [field, 0, 'reviews'] }] };
        },
      },
    });
    const result = await gateway.execute({
      query: '{ users { reviews { id } } me { reviews { body } } }',
    });
    expect(result.data?.['me']).toEqual({ reviews: null });
    expect(result.errors).toEqual([
      {
        message: 'down',
        path: ['me', 'reviews'],
        extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'reviews' },
      },
    ]);
  });

  it('a shared request that fails gives one error per fetch, at each fetch’s path', async () => {
    const { gateway, received } = gatewayWith({
      [USERS_URL]: usersSubgraph,
      [REVIEWS_URL]: () => ({ text: 'bad gateway', status: 502 }),
    });
    const result = await gateway.execute({
      query: '{ users { reviews { id } } me { reviews { body } } }',
    });
    expect(result.data).toEqual({
      users: [{ reviews: null }, { reviews: null }, { reviews: null }],
      me: { reviews: null },
    });
    expect(received[REVIEWS_URL]).toHaveLength(1);
    expect(result.errors?.map((e) => [e.path, e.extensions])).toEqual([
      [
        ['users', 0],
        { code: 'ERR_GATEWAY_SUBGRAPH_REQUEST_FAILED', serviceName: 'reviews', status: 502 },
      ],
      [
        ['me'],
        { code: 'ERR_GATEWAY_SUBGRAPH_REQUEST_FAILED', serviceName: 'reviews', status: 502 },
      ],
    ]);
  });
});

const fetch = (serviceName: string, selection: string, entity = true): FetchNode => ({
  kind: 'Fetch',
  serviceName,
  operationKind: 'query',
  operation: entity
    ? `query Q__${serviceName}($representations:[_Any!]!){_entities(representations:$representations){...on T{${selection}}}}`
    : `{${selection}}`,
  ...(entity
    ? {
        requires: [
          {
            kind: 'InlineFragment',
            typeCondition: 'T',
            selections: [
              { kind: 'Field', name: '__typename' },
              { kind: 'Field', name: 'id' },
            ],
          },
        ],
      }
    : {}),
});
const flatten = (path: string, node: PlanNode): PlanNode => ({
  kind: 'Flatten',
  path: path.split('.'),
  node,
});
const sequence = (...nodes: PlanNode[]): PlanNode => ({ kind: 'Sequence', nodes });
const parallel = (...nodes: PlanNode[]): PlanNode => ({ kind: 'Parallel', nodes });

/** Each wave as `service: selection + selection` per request. */
function waves(node: PlanNode, variables: Record<string, unknown> = {}): string[][] {
  const plan: QueryPlan = { kind: 'QueryPlan', node };
  return scheduleFor(preparePlan(plan), variables).waves.map((wave) =>
    wave.map(
      (batch) =>
        `${batch.serviceName}: ${batch.fetches.map((f) => /\{([^{}]*)\}\}*$/.exec(f.node.operation)?.[1]).join(' + ')}`,
    ),
  );
}

describe('schedule', () => {
  it('runs fetches of one level together and keeps every Sequence order', () => {
    const a = fetch('a', 'x', false);
    const b = fetch('b', 'y', false);
    expect(
      waves(
        parallel(
          sequence(a, flatten('x.@', fetch('s', 'one')), flatten('x.@', fetch('t', 'two'))),
          sequence(b, flatten('y', fetch('s', 'three'))),
        ),
      ),
    ).toEqual([['a: x', 'b: y'], ['s: one + three'], ['t: two']]);
  });

  it('moves a fetch with slack to a later level that already sends to its subgraph', () => {
    expect(
      waves(
        parallel(
          sequence(
            fetch('a', 'x', false),
            flatten('x', fetch('s', 'one')),
            flatten('x', fetch('t', 'two')),
            flatten('x', fetch('u', 'three')),
          ),
          sequence(fetch('b', 'y', false), flatten('y', fetch('u', 'four'))),
        ),
      ),
    ).toEqual([['a: x', 'b: y'], ['s: one'], ['t: two'], ['u: three + four']]);
  });

  it('never moves a fetch past one that waits on it', () => {
    expect(
      waves(
        parallel(
          sequence(
            fetch('a', 'x', false),
            flatten('x', fetch('s', 'one')),
            flatten('x', fetch('t', 'two')),
            flatten('x', fetch('s', 'three')),
          ),
          sequence(
            fetch('b', 'y', false),
            flatten('y', fetch('t', 'four')),
            flatten('y', fetch('u', 'five')),
          ),
        ),
      ),
    ).toEqual([['a: x', 'b: y'], ['s: one', 't: four'], ['t: two', 'u: five'], ['s: three']]);
  });

  it('follows Condition branches and keeps root fetches (mutations) one per request', () => {
    const plan = sequence(fetch('a', 'm1', false), fetch('a', 'm2', false), {
      kind: 'Condition',
      condition: 'more',
      ifClause: flatten('m2', fetch('s', 'one')),
    });
    expect(waves(plan)).toEqual([['a: m1'], ['a: m2']]);
    expect(waves(plan, { more: true })).toEqual([['a: m1'], ['a: m2'], ['s: one']]);
  });
});

describe('mergeEntityOperations', () => {
  const entities = (selection: string, variables = '', fragments = '') =>
    `query Q($representations:[_Any!]!${variables}){_entities(representations:$representations){${selection}}}${fragments}`;

  it('aliases each operation, shares client variables and renames fragments', () => {
    const merged = mergeEntityOperations(
      [entities('...on T{a(x:$x)}', ',$x:Int'), entities('...F', ',$x:Int', 'fragment F on T{b}')],
      'Q',
    );
    expect(merged?.aliases).toEqual(['_0', '_1']);
    expect(merged?.variables).toEqual(['representations_0', 'representations_1']);
    expect(JSON.parse(`${merged!.bodyPrefix}}`)).toEqual({
      query:
        'query Q($representations_0:[_Any!]!$x:Int$representations_1:[_Any!]!){_0:_entities(representations:$representations_0){...on T{a(x:$x)}}_1:_entities(representations:$representations_1){...F__1}}fragment F__1 on T{b}',
      operationName: 'Q',
    });
  });

  it('refuses a client variable declared with two types, and operations that are not entity fetches', () => {
    expect(
      mergeEntityOperations([entities('a', ',$x:Int'), entities('b', ',$x:String')], 'Q'),
    ).toBeUndefined();
    expect(mergeEntityOperations([entities('a'), '{ users { id } }'], 'Q')).toBeUndefined();
  });

  it('picks representation variable names no client variable uses', () => {
    const merged = mergeEntityOperations(
      [entities('a', ',$representations_1:Int'), entities('b')],
      undefined,
    );
    expect(merged?.variables).toEqual(['_representations_0', '_representations_1']);
  });
});
