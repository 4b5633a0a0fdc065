import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { parseSdl, readSdl } from '../../src/schema/parse-sdl.js';
import { composeWithApollo } from '../quality/apollo-oracle.js';
import { CORPUS } from '../quality/corpus/index.js';

/**
 * Read by the fast path (not handed to graphql-js), into graphql-js's document: the same nodes,
 * keys and values (undefined ones too).
 */
function expectSameAsGraphql(sdl: string): void {
  const ours = readSdl(sdl);
  expect(ours, 'read by the fast path').toBeDefined();
  expect(ours).toStrictEqual(parse(sdl, { noLocation: true }));
}

/** The error graphql-js's parse throws, or 'parsed'. */
function graphqlOutcome(sdl: string): string {
  try {
    parse(sdl, { noLocation: true });
    return 'parsed';
  } catch (error) {
    return (error as Error).message;
  }
}

const RICH = `\ufeff# A comment, with commas,,,
"""
  The schema.

    Indented line kept relative.
"""
schema @link(url: "https://specs.apollo.dev/link/v1.0") { query: Query, mutation: Mutation }
extend schema @tag(name: "x")
"Plain description with unicode: \u00e9\u4e2d"
directive @cost(weight: Int! = 1, list: [String!] = ["a", "b"], obj: In = { a: 1, b: [true, false, null], c: ENUM_V }) repeatable on FIELD_DEFINITION | OBJECT
directive @flag on | QUERY | FIELD
scalar Date @specifiedBy(url: "https://example.com")
type Query implements & Node & Other @join__type(graph: A, key: "id", resolvable: false) {
  "field doc" t(a: Int = -12, b: Float = 3.5e-2, c: Float = -0.0, d: String = "", e: [[ID!]]! = []): T! @deprecated(reason: "old")
  list: [T]
  """block"""
  block: String
}
interface Node { id: ID! }
interface Other implements Node { id: ID! }
union U = | A | B
union V @x
enum E { A @inaccessible, B "doc" C }
input In { a: Int = 0, b: [Boolean] = [true] }
extend type Query @k { more: Int }
extend interface Node implements Other
extend union U = C
extend enum E { D }
extend input In { c: String }
extend scalar Date @x
type Mutation { m(x: In): E }
`;

describe('parseSdl', () => {
  it('gives graphql-js’s document for a rich type-system document', () => {
    expect(graphqlOutcome(RICH)).toBe('parsed');
    expectSameAsGraphql(RICH);
  });

  it.each(CORPUS.map((g) => [g.name, g] as const))(
    'gives graphql-js’s document for the %s supergraph',
    (_name, graph) => {
      expectSameAsGraphql(composeWithApollo(graph.subgraphs));
    },
  );

  it('dedents block strings as graphql-js does', () => {
    for (const text of [
      '"""\n\n    a\n      b\n\n  """ scalar X',
      '""" first line\n   second\r\n   third\r  """ scalar X',
      '"""""" scalar X',
      '"""   \n\t\n""" scalar X',
    ]) {
      expectSameAsGraphql(text);
    }
  });

  it('leaves escapes, executable definitions and errors to graphql-js (same document or error)', () => {
    for (const text of [
      '"escaped \\" quote \\u00e9" scalar X',
      '"""escaped \\""" triple""" scalar X',
      'query { a } type T { a: Int }',
      'type T { a: Int = $v }',
      'extend directive @x @y',
      'type T {}',
      'type T { a: Int = 01 }',
      'type T { a: Int = 1.x }',
      'enum E { true }',
      '"desc" extend type T @x',
      'extend type T',
      'directive @d on NOWHERE',
      'type T { a: Int',
      '',
      '"unterminated',
    ]) {
      expect(readSdl(text), text).toBeUndefined();
      const outcome = graphqlOutcome(text);
      if (outcome === 'parsed')
        expect(parseSdl(text)).toStrictEqual(parse(text, { noLocation: true }));
      else expect(() => parseSdl(text)).toThrow(outcome);
    }
  });
});
