import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('KEY_DIRECTIVE_IN_FIELDS_ARG', () => {
  it('is reported', () => {
    expectCode('KEY_DIRECTIVE_IN_FIELDS_ARG', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } type T @key(fields: "id @include(if: true)") { id: ID! }`, [
          '@key',
        ]),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('KEY_DIRECTIVE_IN_FIELDS_ARG', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } type T @key(fields: "id") { id: ID! }`, ['@key']),
      },
    ]);
  });
});
