import { afterEach, describe, expect, it } from 'vitest';
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

function gatewayWith(
  mocks: Record<string, SubgraphMock>,
  options: { subgraphTimeoutMs?: number } = {},
) {
  const { agent, received } = mockSubgraphs(mocks);
  gateway = createGateway({ supergraph: SUPERGRAPH, dispatcher: agent, ...options });
  return { gateway, received };
}

describe('plan execution', () => {
  it('runs root and entity fetches and shapes aliases, fragments, __typename', async () => {
    const { gateway } = gatewayWith({ [USERS_URL]: usersSubgraph, [REVIEWS_URL]: reviewsSubgraph });
    const result = await gateway.execute({
      query: `query Q { __typename people: users { ...U kind: __typename reviews { ... on Review { stars: rating } } } }
        fragment U on User { name id }`,
    });
    expect(result).toEqual({
      data: {
        __typename: 'Query',
        people: [
          { name: 'Ada', id: 'u1', kind: 'User', reviews: [{ stars: 5 }] },
          { name: 'Alan', id: 'u2', kind: 'User', reviews: [{ stars: 3 }, { stars: 2 }] },
          { name: 'Grace', id: 'u3', kind: 'User', reviews: [] },
        ],
      },
    });
  });

  it('evaluates @skip/@include from variables, with defaults', async () => {
    const { gateway, received } = gatewayWith({
      [USERS_URL]: usersSubgraph,
      [REVIEWS_URL]: reviewsSubgraph,
    });
    const query = `query Q($withReviews: Boolean = false, $noName: Boolean!) {
      users { id name @skip(if: $noName) reviews @include(if: $withReviews) { id } } }`;
    const without = await gateway.execute({ query, variables: { noName: true } });
    expect(without).toEqual({ data: { users: [{ id: 'u1' }, { id: 'u2' }, { id: 'u3' }] } });
    expect(received[REVIEWS_URL]).toHaveLength(0);
    const withReviews = await gateway.execute({
      query,
      variables: { noName: false, withReviews: true },
    });
    expect(withReviews.data?.['users']).toEqual([
      { id: 'u1', name: 'Ada', reviews: [{ id: 'r1' }] },
      { id: 'u2', name: 'Alan', reviews: [{ id: 'r2' }, { id: 'r3' }] },
      { id: 'u3', name: 'Grace', reviews: [] },
    ]);
  });

  it('deduplicates representations and maps every copy back', async () => {
    const { gateway, received } = gatewayWith({
      [USERS_URL]: () => ({
        json: {
          data: {
            users: ['u1', 'u2', 'u1', 'u1'].map((id) => ({ __typename: 'User', id, name: id })),
          },
        },
      }),
      [REVIEWS_URL]: reviewsSubgraph,
    });
    const result = await gateway.execute({ query: '{ users { id reviews { id } } }' });
    expect(received[REVIEWS_URL]).toHaveLength(1);
    expect(received[REVIEWS_URL]![0]!.variables!.representations).toEqual([
      { __typename: 'User', id: 'u1' },
      { __typename: 'User', id: 'u2' },
    ]);
    expect(result.data?.['users']).toEqual([
      { id: 'u1', reviews: [{ id: 'r1' }] },
      { id: 'u2', reviews: [{ id: 'r2' }, { id: 'r3' }] },
      { id: 'u1', reviews: [{ id: 'r1' }] },
      { id: 'u1', reviews: [{ id: 'r1' }] },
    ]);
  });

  it('forwards variables the fetch uses and nothing else', async () => {
    const { gateway, received } = gatewayWith({
      [USERS_URL]: () => ({
        json: { data: { user: { __typename: 'User', id: 'u2', name: 'Alan' } } },
      }),
      [REVIEWS_URL]: reviewsSubgraph,
    });
    const result = await gateway.execute({
      query: 'query Q($id: ID!) { user(id: $id) { name } }',
      variables: { id: 'u2', undeclared: 3 },
    });
    expect(result).toEqual({ data: { user: { name: 'Alan' } } });
    expect(received[USERS_URL]![0]!.variables).toEqual({ id: 'u2' });
  });

  it('rewrites _entities error paths to client paths, with serviceName and a default code', async () => {
    const { gateway } = gatewayWith({
      [USERS_URL]: usersSubgraph,
      [REVIEWS_URL]: {
        run: async (request) => {
          const answer = await runSubgraph('reviews', request);
          (answer.data!['_entities'] as unknown[])[1] = { __typename: 'User', reviews: null };
          return {
            ...answer,
            errors: [
              { message: 'reviews store down', path: ['_entities', 1, 'reviews'] },
              { message: 'tagged', path: ['_entities', 0], extensions: { code: 'MINE' } },
              { message: 'no path at all' },
            ],
          };
        },
      },
    });
    const result = await gateway.execute({ query: '{ users { name reviews { id } } }' });
    expect(result.data?.['users']).toEqual([
      { name: 'Ada', reviews: [{ id: 'r1' }] },
      { name: 'Alan', reviews: null },
      { name: 'Grace', reviews: [] },
    ]);
    expect(result.errors).toEqual([
      {
        message: 'reviews store down',
        path: ['users', 1, 'reviews'],
        extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'reviews' },
      },
      {
        message: 'tagged',
        path: ['users', 0],
        extensions: { code: 'MINE', serviceName: 'reviews' },
      },
      {
        message: 'no path at all',
        extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'reviews' },
      },
    ]);
  });
});

describe('null propagation', () => {
  it('a null in a non-null list item makes the nearest nullable parent null, error kept', async () => {
    const { gateway } = gatewayWith({
      [USERS_URL]: usersSubgraph,
      [REVIEWS_URL]: (request) => {
        const reps = request.variables?.representations ?? [];
        return {
          json: {
            data: {
              _entities: reps.map((r) => ({
                __typename: 'User',
                // u2's second review has a null body: Review.body is String!, reviews is [Review!].
                reviews:
                  r['id'] === 'u2'
                    ? [
                        { id: 'r2', body: 'Fine' },
                        { id: 'r3', body: null },
                      ]
                    : [],
              })),
            },
          },
        };
      },
    });
    const result = await gateway.execute({ query: '{ users { id reviews { id body } } }' });
    expect(result.data?.['users']).toEqual([
      { id: 'u1', reviews: [] },
      { id: 'u2', reviews: null },
      { id: 'u3', reviews: [] },
    ]);
    expect(result.errors).toEqual([
      {
        message: 'Cannot return null for non-nullable field Review.body.',
        path: ['users', 1, 'reviews', 1, 'body'],
        extensions: { code: 'ERR_GATEWAY_NON_NULL_VIOLATION' },
      },
    ]);
  });

  it('keeps an object whose data another subgraph owns when an extender answers null for it', async () => {
    const { gateway } = gatewayWith({
      [USERS_URL]: usersSubgraph,
      [REVIEWS_URL]: (request) => {
        const reps = request.variables?.representations ?? [];
        return {
          json: {
            data: {
              _entities: reps.map((r) =>
                r['id'] === 'u2' ? null : { __typename: 'User', reviews: [] },
              ),
            },
          },
        };
      },
    });
    const result = await gateway.execute({ query: '{ users { id reviews { id } } }' });
    // users owns User.name: a null from reviews means "no reviews data", not "no such user".
    expect(result).toEqual({
      data: {
        users: [
          { id: 'u1', reviews: [] },
          { id: 'u2', reviews: null },
          { id: 'u3', reviews: [] },
        ],
      },
    });
  });

  it('bubbles to data: null when a non-null root field is null', async () => {
    const { gateway } = gatewayWith({
      [USERS_URL]: () => ({
        json: { data: { users: [{ __typename: 'User', id: 'u1', name: null }] } },
      }),
      [REVIEWS_URL]: reviewsSubgraph,
    });
    const result = await gateway.execute({ query: '{ users { name } }' });
    expect(result).toEqual({
      data: null,
      errors: [
        {
          message: 'Cannot return null for non-nullable field User.name.',
          path: ['users', 0, 'name'],
          extensions: { code: 'ERR_GATEWAY_NON_NULL_VIOLATION' },
        },
      ],
    });
  });

  it('does not add a completion error where a subgraph error already explains the null', async () => {
    const { gateway } = gatewayWith({
      [USERS_URL]: () => ({
        json: {
          data: { me: null },
          errors: [{ message: 'boom', path: ['me'] }],
        },
      }),
      [REVIEWS_URL]: reviewsSubgraph,
    });
    const result = await gateway.execute({ query: '{ me { name } }' });
    expect(result).toEqual({
      data: { me: null },
      errors: [
        {
          message: 'boom',
          path: ['me'],
          extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'users' },
        },
      ],
    });
  });

  it('nulls enum values the API schema does not have (@inaccessible), with an error', async () => {
    const { gateway } = gatewayWith({
      [USERS_URL]: () => ({
        json: { data: { me: { __typename: 'User', id: 'u1', role: 'HIDDEN' } } },
      }),
      [REVIEWS_URL]: reviewsSubgraph,
    });
    const result = await gateway.execute({ query: '{ me { role } }' });
    expect(result.data).toEqual({ me: { role: null } });
    expect(result.errors?.[0]).toMatchObject({
      path: ['me', 'role'],
      extensions: { code: 'ERR_GATEWAY_INVALID_VALUE' },
    });
  });
});

describe('partial failures', () => {
  it('a subgraph that is down nulls only the fields it owns', async () => {
    const { gateway } = gatewayWith({
      [USERS_URL]: usersSubgraph,
      [REVIEWS_URL]: { error: new Error('connect ECONNREFUSED') },
    });
    const result = await gateway.execute({ query: '{ users { name reviews { id } } }' });
    expect(result.data?.['users']).toEqual([
      { name: 'Ada', reviews: null },
      { name: 'Alan', reviews: null },
      { name: 'Grace', reviews: null },
    ]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({
      path: ['users', 0],
      extensions: { code: 'ERR_GATEWAY_SUBGRAPH_REQUEST_FAILED', serviceName: 'reviews' },
    });
    expect(result.errors?.[0]?.message).toContain('ECONNREFUSED');
  });

  it('a root subgraph that is down gives an error per field it owns', async () => {
    const { gateway } = gatewayWith({
      [USERS_URL]: { error: new Error('socket hang up') },
      [REVIEWS_URL]: reviewsSubgraph,
    });
    const result = await gateway.execute({ query: '{ me { name } }' });
    expect(result.data).toEqual({ me: null });
    expect(result.errors).toEqual([
      {
        message: 'HTTP fetch failed from "users": socket hang up',
        path: ['me'],
        extensions: { code: 'ERR_GATEWAY_SUBGRAPH_REQUEST_FAILED', serviceName: 'users' },
      },
    ]);
  });

  it('a slow subgraph times out on its own timeout', async () => {
    const { gateway } = gatewayWith(
      {
        [USERS_URL]: usersSubgraph,
        [REVIEWS_URL]: { delayMs: 500, run: (request) => runSubgraph('reviews', request) },
      },
      { subgraphTimeoutMs: 50 },
    );
    const started = Date.now();
    const result = await gateway.execute({ query: '{ users { name reviews { id } } }' });
    expect(Date.now() - started).toBeLessThan(400);
    expect(result.data?.['users']).toHaveLength(3);
    expect(result.errors?.[0]).toMatchObject({
      message: 'Subgraph "reviews" did not answer within 50 ms',
      extensions: { code: 'ERR_GATEWAY_SUBGRAPH_TIMEOUT', serviceName: 'reviews' },
    });
  });

  it.each([
    [
      'a body that is not JSON',
      { text: '<html>oops</html>' },
      'ERR_GATEWAY_SUBGRAPH_INVALID_RESPONSE',
    ],
    [
      'JSON that is not a GraphQL response',
      { json: [1, 2] },
      'ERR_GATEWAY_SUBGRAPH_INVALID_RESPONSE',
    ],
    [
      'a 502 without a GraphQL body',
      { text: 'bad gateway', status: 502 },
      'ERR_GATEWAY_SUBGRAPH_REQUEST_FAILED',
    ],
    [
      'the wrong number of entities',
      { json: { data: { _entities: [] } } },
      'ERR_GATEWAY_SUBGRAPH_INVALID_RESPONSE',
    ],
  ] as const)('garbage from a subgraph (%s) is an error on its fields', async (_, answer, code) => {
    const { gateway } = gatewayWith({ [USERS_URL]: usersSubgraph, [REVIEWS_URL]: () => answer });
    const result = await gateway.execute({ query: '{ users { name reviews { id } } }' });
    expect(result.data?.['users']).toEqual([
      { name: 'Ada', reviews: null },
      { name: 'Alan', reviews: null },
      { name: 'Grace', reviews: null },
    ]);
    expect(result.errors).toEqual([
      expect.objectContaining({
        path: ['users', 0],
        extensions: expect.objectContaining({ code, serviceName: 'reviews' }),
      }),
    ]);
  });

  it('accepts GraphQL errors sent with a 4xx status (graphql-response+json)', async () => {
    const { gateway } = gatewayWith({
      [USERS_URL]: () => ({
        json: { errors: [{ message: 'invalid', extensions: { code: 'X' } }] },
        status: 400,
      }),
      [REVIEWS_URL]: reviewsSubgraph,
    });
    const result = await gateway.execute({ query: '{ me { name } }' });
    expect(result).toEqual({
      data: { me: null },
      errors: [{ message: 'invalid', extensions: { code: 'X', serviceName: 'users' } }],
    });
  });
});
