import { describe, it } from 'vitest';
import { expectSameSupergraph } from './harness.js';

const link = (version: string, rest = '') =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v${version}"${rest})\n`;

describe('spec directives imported under other names keep those names in the supergraph', () => {
  it('namespaced with @link(as:) and with the default federation__ prefix', () => {
    expectSameSupergraph([
      {
        name: 'aliased',
        sdl: `${link('2.3', ', as: "fed", import: ["@key"]')}type Sensor @key(fields: "serial") { serial: String! reading: Float @fed__shareable @fed__tag(name: "public") calibratedAt: String @fed__inaccessible }`,
      },
      {
        name: 'spaced',
        sdl: `${link('2.3')}type Query { sensor(serial: String!): Sensor }
type Sensor @federation__key(fields: "serial") { serial: String! reading: Float @federation__shareable }`,
      },
    ]);
  });

  it('imported with as: (tag, inaccessible, auth, cost, listSize)', () => {
    expectSameSupergraph([
      {
        name: 'a',
        sdl: `${link('2.9', ', import: ["@key", {name: "@tag", as: "@label"}, {name: "@inaccessible", as: "@hidden"}, {name: "@authenticated", as: "@authn"}, {name: "@policy", as: "@pol"}, {name: "@requiresScopes", as: "@rs"}, {name: "@cost", as: "@price"}, {name: "@listSize", as: "@ls"}]')}type Query { items: [Item] @ls(assumedSize: 3) @label(name: "public") }
type Item @key(fields: "id") @authn { id: ID! secret: String @hidden @rs(scopes: [["s"]]) cost: Int @price(weight: 2) @pol(policies: [["p"]]) }`,
      },
    ]);
  });

  it('a subgraph importing a name it never applies does not rename it', () => {
    expectSameSupergraph([
      {
        name: 'a',
        sdl: `${link('2.3', ', import: [{name: "@tag", as: "@t1"}]')}type Query { x: Int }`,
      },
      {
        name: 'b',
        sdl: `${link('2.3', ', import: ["@tag"]')}type Query { y: Int @tag(name: "u") }`,
      },
    ]);
  });
});
