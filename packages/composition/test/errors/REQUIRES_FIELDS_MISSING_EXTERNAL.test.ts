import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('REQUIRES_FIELDS_MISSING_EXTERNAL', () => {
  it('is reported', () => {
    expectCode('REQUIRES_FIELDS_MISSING_EXTERNAL', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { t: T } type T @key(fields: "id") { id: ID! w: Int s: Int @requires(fields: "w") }`,
          ['@key', '@requires'],
        ),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('REQUIRES_FIELDS_MISSING_EXTERNAL', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } type T @key(fields: "id") { id: ID! w: Int @shareable }`, [
          '@key',
          '@shareable',
        ]),
      },
      {
        name: 'b',
        sdl: fed2(
          `type T @key(fields: "id") { id: ID! w: Int @external s: Int @requires(fields: "w") }`,
          ['@key', '@requires', '@external'],
        ),
      },
    ]);
  });
});
