import { describe, expect, it } from 'vitest';
import { queryPlanSerializer } from '../src/index.js';
import { FED, fixture, operations } from './harness.js';

expect.addSnapshotSerializer(queryPlanSerializer);

const H = FED('@key @shareable @external @requires');

// `v` is `String` in the supergraph, but one subgraph types it `String!` on A and `String` on B:
// merged under `is`, the two selections would break the subgraph's field-merging rule.
const shapes = fixture([
  {
    name: 's1',
    sdl: `${H} type Query { is: [I] } interface I { id: ID! }
      type A implements I @key(fields: "id") { id: ID! v: String! @shareable }
      type B implements I @key(fields: "id") { id: ID! v: String @shareable }`,
  },
  {
    name: 's2',
    sdl: `${H} type A @key(fields: "id") { id: ID! v: String @shareable w: W }
      type B @key(fields: "id") { id: ID! v: String! @shareable w: W }
      type W { a: Int! }`,
  },
  {
    name: 's3',
    sdl: `${H} type A @key(fields: "id") { id: ID! v: String @shareable }
      type B @key(fields: "id") { id: ID! v: String @shareable }`,
  },
]);

describe('alias conflicts between merged selections', () => {
  it('aliases a field whose subgraph type differs under another type condition', () => {
    const plan = shapes.same('{ is { ... on A { v } ... on B { v } } }');
    expect(plan).toMatchInlineSnapshot(`
      QueryPlan {
        Fetch(service: "s1") {
          {
            is {
              __typename
              ... on A {
                v
              }
              ... on B {
                v__alias_0: v
              }
            }
          }
        },
      }
    `);
    expect(plan.node?.kind === 'Fetch' && plan.node.outputRewrites).toEqual([
      { kind: 'KeyRenamer', path: ['is', '... on B', 'v__alias_0'], renameKeyTo: 'v' },
    ]);
  });

  it('renames inside entity fetches relative to the entity', () => {
    const entities = fixture([
      {
        name: 's1',
        sdl: `${H} type Query { is: [I] } interface I { id: ID! }
          type A implements I @key(fields: "id") { id: ID! }
          type B implements I @key(fields: "id") { id: ID! }`,
      },
      {
        name: 's2',
        sdl: `${H} type A @key(fields: "id") { id: ID! v: String! @shareable w: W }
          type B @key(fields: "id") { id: ID! v: String @shareable w: W }
          type W { a: Int! }`,
      },
      {
        name: 's3',
        sdl: `${H} type A @key(fields: "id") { id: ID! v: String @shareable }
          type B @key(fields: "id") { id: ID! v: String @shareable }`,
      },
    ]);
    // Apollo's text differs only in order (it puts the shareable `v` after `w` on A as well).
    const plan = entities.check('{ is { ... on A { v w { a } } ... on B { v w { a } } } }');
    expect(plan).toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "s1") {
            {
              is {
                __typename
                ... on A {
                  __typename
                  id
                }
                ... on B {
                  __typename
                  id
                }
              }
            }
          },
          Flatten(path: "is.@") {
            Fetch(service: "s2") {
              {
                ... on A {
                  __typename
                  id
                }
                ... on B {
                  __typename
                  id
                }
              } =>
              {
                ... on A {
                  v
                  w {
                    a
                  }
                }
                ... on B {
                  v__alias_0: v
                  w {
                    a
                  }
                }
              }
            },
          },
        },
      }
    `);
    const entityFetch = plan.node?.kind === 'Sequence' ? plan.node.nodes[1] : undefined;
    expect(entityFetch?.kind === 'Flatten' && entityFetch.node).toMatchObject({
      outputRewrites: [{ kind: 'KeyRenamer', path: ['... on B', 'v__alias_0'], renameKeyTo: 'v' }],
    });
  });

  const keyed = fixture([
    {
      name: 'a',
      sdl: `${H} type Query { t: T ts: [T!]! } type T @key(fields: "id") { id: ID! name: String }`,
    },
    { name: 'b', sdl: `${H} type T @key(fields: "id") { id: ID! other: String }` },
  ]);

  it('hides a key the client aliased away, and the entity fetch reads it from there', () => {
    // One merged object cannot hold both `id`s. Apollo leaves the client's `id: name` out of
    // every fetch (its gateway then answers the key id for it); we alias the key instead.
    const query = '{ t { id: name other } }';
    expect(operations(keyed.apollo(query).plan)[0]).toBe('{t{__typename id}}');
    const plan = keyed.check(query);
    expect(plan).toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "a") {
            {
              t {
                __typename
                id__alias_0: id
                id: name
              }
            }
          },
          Flatten(path: "t") {
            Fetch(service: "b") {
              {
                ... on T {
                  __typename
                  id
                }
              } =>
              {
                ... on T {
                  other
                }
              }
            },
          },
        },
      }
    `);
    const [first, second] = plan.node?.kind === 'Sequence' ? plan.node.nodes : [];
    expect(first?.kind === 'Fetch' && first.operation).toBe(
      '{t{__typename id__alias_0:id id:name}}',
    );
    expect(second?.kind === 'Flatten' && second.node).toMatchObject({
      requires: [
        {
          kind: 'InlineFragment',
          typeCondition: 'T',
          selections: [
            { kind: 'Field', name: '__typename' },
            { kind: 'Field', name: 'id', alias: 'id__alias_0' },
          ],
        },
      ],
      inputRewrites: [{ kind: 'KeyRenamer', path: ['... on T', 'id__alias_0'], renameKeyTo: 'id' }],
    });
  });
});
