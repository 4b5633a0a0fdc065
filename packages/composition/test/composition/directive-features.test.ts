import { describe, it } from 'vitest';
import { expectSameSupergraph, fed2 } from './harness.js';

const audit = (version: string, imports: string) =>
  `extend schema @link(url: "https://orrery.example/audit/v${version}", import: [${imports}])\n`;

describe('@composeDirective', () => {
  it('keeps a composed directive: highest minor link, definition, applications from every subgraph', () => {
    const a = fed2(
      `${audit('1.0', '"@sensitive", "@flag"')}extend schema @composeDirective(name: "@sensitive") @composeDirective(name: "@flag")
directive @sensitive(reason: String) on FIELD_DEFINITION | OBJECT
"""described"""
directive @flag repeatable on FIELD_DEFINITION
type Query { patient: Patient @flag @sensitive(reason: "a") }
type Patient @key(fields: "id") @sensitive(reason: "p") { id: ID! name: String @flag @shareable }`,
      ['@key', '@composeDirective', '@shareable'],
      '2.1',
    );
    const b = fed2(
      `${audit('1.3', '"@sensitive", "@flag"')}extend schema @composeDirective(name: "@sensitive")
directive @sensitive(reason: String) on FIELD_DEFINITION | OBJECT
directive @flag repeatable on FIELD_DEFINITION
type Patient @key(fields: "id") @sensitive(reason: "other") { id: ID! name: String @flag @shareable codes: [String] @sensitive }`,
      ['@key', '@composeDirective', '@shareable'],
      '2.1',
    );
    expectSameSupergraph([
      { name: 'a', sdl: a },
      { name: 'b', sdl: b },
    ]);
  });

  it('keeps a directive imported under another name', () => {
    const sdl = fed2(
      `${audit('1.0', '{name: "@sensitive", as: "@pii"}')}extend schema @composeDirective(name: "@pii")
directive @pii on FIELD_DEFINITION
type Query { name: String @pii }`,
      ['@composeDirective'],
      '2.1',
    );
    expectSameSupergraph([{ name: 'a', sdl }]);
  });
});

describe('demand control, authorization, cache tags', () => {
  it('merges @cost (max) and @listSize (per-argument strategies) and keeps Apollo order', () => {
    const imports = [
      '@key',
      '@cost',
      '@listSize',
      '@shareable',
      '@tag',
      '@authenticated',
      '@policy',
      '@requiresScopes',
    ];
    const a = fed2(
      `type Query {
  items(first: Int @cost(weight: 2)): [Item] @tag(name: "a") @listSize(slicingArguments: ["first"]) @cost(weight: 3) @policy(policies: [["p"]]) @authenticated @deprecated(reason: "old") @shareable
  one: Item @cost(weight: 1)
}
type Item @key(fields: "id") @cost(weight: 5) @requiresScopes(scopes: [["s"]]) { id: ID! }
enum Level @cost(weight: 1) { LOW HIGH }
scalar Money @cost(weight: 4)`,
      imports,
      '2.9',
    );
    const b = fed2(
      `type Query {
  items(first: Int @cost(weight: 5)): [Item] @listSize(slicingArguments: ["first"], assumedSize: 10, requireOneSlicingArgument: false) @cost(weight: 1) @shareable
  level: Level
  money: Money
}
type Item @key(fields: "id") @cost(weight: 1) { id: ID! }
enum Level { LOW HIGH }
scalar Money`,
      imports,
      '2.9',
    );
    expectSameSupergraph([
      { name: 'a', sdl: a },
      { name: 'b', sdl: b },
    ]);
  });

  it('links cost with @cost__listSize when only @cost is used (linked on its own: implicit upgrade)', () => {
    const sdl = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  @link(url: "https://specs.apollo.dev/cost/v0.1", import: ["@cost"])
type Query { heavy: Int @cost(weight: 40) }`;
    expectSameSupergraph([{ name: 'a', sdl }]);
  });

  it('carries @cacheTag through @join__directive, one per subgraph application', () => {
    const a = fed2(
      `type Query { article(id: ID!): Article @cacheTag(format: "article-{$args.id}") @shareable }
type Article @key(fields: "id") @cacheTag(format: "a-{$key.id}") { id: ID! }`,
      ['@key', '@cacheTag', '@shareable'],
      '2.12',
    );
    const b = fed2(
      `type Query { article(id: ID!): Article @cacheTag(format: "b-{$args.id}") @shareable }
type Article @key(fields: "id") @cacheTag(format: "b-{$key.id}") { id: ID! n: Int }`,
      ['@key', '@cacheTag', '@shareable'],
      '2.12',
    );
    expectSameSupergraph([
      { name: 'a', sdl: a },
      { name: 'b', sdl: b },
    ]);
  });
});

describe('@context and @fromContext', () => {
  it('prefixes context names with the subgraph and moves contextual arguments to contextArguments', () => {
    const a = fed2(
      `type Query { tenant: Tenant }
type Tenant @key(fields: "id") @context(name: "ctx") { id: ID! lang: String! @shareable folders: [Folder!]! }
type Folder @key(fields: "id") {
  id: ID!
  name(lang: String @fromContext(field: "$ctx { lang }"), upper: Boolean): String
}`,
      ['@key', '@context', '@fromContext', '@shareable'],
      '2.8',
    );
    const b = fed2(
      `type Tenant @key(fields: "id") { id: ID! lang: String! @shareable }`,
      ['@key', '@shareable'],
      '2.8',
    );
    expectSameSupergraph([
      { name: 'a', sdl: a },
      { name: 'b', sdl: b },
    ]);
  });
});
