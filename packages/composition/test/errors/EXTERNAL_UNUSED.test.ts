import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('EXTERNAL_UNUSED', () => {
  it('is reported', () => {
    expectCode('EXTERNAL_UNUSED', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { t: T } type T @key(fields: "id") { id: ID! name: String @shareable }`,
          ['@key', '@shareable'],
        ),
      },
      {
        name: 'b',
        sdl: fed2(`type T @key(fields: "id") { id: ID! name: String @external }`, [
          '@key',
          '@external',
        ]),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('EXTERNAL_UNUSED', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } type T @key(fields: "id") { id: ID! name: String }`, [
          '@key',
        ]),
      },
    ]);
  });
});
