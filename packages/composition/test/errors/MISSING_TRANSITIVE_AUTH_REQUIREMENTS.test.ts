import { describe, expect, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

const IMPORTS = [
  '@key',
  '@requires',
  '@external',
  '@authenticated',
  '@requiresScopes',
  '@policy',
  '@context',
  '@fromContext',
];

/** `T.derived` requires `T.secret`, which subgraph b protects with `secretAuth`. */
function requiresCase(derivedAuth: string, secretAuth: string) {
  return [
    {
      name: 'a',
      sdl: fed2(
        `type Query { t: T }
        type T @key(fields: "id") {
          id: ID!
          secret: String @external
          derived: String @requires(fields: "secret") ${derivedAuth}
        }`,
        IMPORTS,
        '2.9',
      ),
    },
    {
      name: 'b',
      sdl: fed2(
        `type T @key(fields: "id") { id: ID! secret: String ${secretAuth} }`,
        IMPORTS,
        '2.9',
      ),
    },
  ];
}

/** `C.f` reads `P.secret` (protected by `secretAuth`) through a context. */
function contextCase(fieldAuth: string, secretAuth: string) {
  return [
    {
      name: 'a',
      sdl: fed2(
        `type Query { p: P }
        type P @key(fields: "id") @context(name: "ctx") { id: ID! secret: String ${secretAuth} c: C }
        type C @key(fields: "id") {
          id: ID!
          f(x: String @fromContext(field: "$ctx { secret }")): Int ${fieldAuth}
        }`,
        IMPORTS,
        '2.9',
      ),
    },
  ];
}

describe('MISSING_TRANSITIVE_AUTH_REQUIREMENTS', () => {
  it('is reported when a @requires reads a field the requiring field does not protect as much', () => {
    const [d] = expectCode(
      'MISSING_TRANSITIVE_AUTH_REQUIREMENTS',
      requiresCase('', '@authenticated'),
    );
    expect(d!.message).toContain('"T.derived"');
    expect(d!.message).toContain('"T.secret"');
    expect(d!.subgraphs).toEqual(['a']);
  });

  it('is reported when the field has scopes that do not imply the required ones', () => {
    // Any of "read" or "x" may read T.derived, but only "read" may read T.secret.
    expectCode(
      'MISSING_TRANSITIVE_AUTH_REQUIREMENTS',
      requiresCase(
        '@requiresScopes(scopes: [["read"], ["x"]])',
        '@requiresScopes(scopes: [["read"]])',
      ),
    );
  });

  it('is reported for a @fromContext selection reading protected data', () => {
    const [d] = expectCode(
      'MISSING_TRANSITIVE_AUTH_REQUIREMENTS',
      contextCase('', '@policy(policies: [["p"]])'),
    );
    expect(d!.message).toContain('@fromContext');
  });

  it('is not reported when the field carries at least the requirements it reads', () => {
    expectNoCode(
      'MISSING_TRANSITIVE_AUTH_REQUIREMENTS',
      requiresCase(
        '@authenticated @requiresScopes(scopes: [["read", "write"]])',
        '@authenticated @requiresScopes(scopes: [["read"]])',
      ),
    );
    expectNoCode(
      'MISSING_TRANSITIVE_AUTH_REQUIREMENTS',
      contextCase('@policy(policies: [["p"]])', '@policy(policies: [["p"]])'),
    );
  });
});
