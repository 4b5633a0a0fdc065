import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('INTERFACE_OBJECT_USAGE_ERROR', () => {
  it('is reported', () => {
    expectCode('INTERFACE_OBJECT_USAGE_ERROR', [
      {
        name: 'a',
        sdl: fed2(`type Query { i: I } type I @key(fields: "id") @interfaceObject { id: ID! }`, [
          '@key',
          '@interfaceObject',
        ]),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('INTERFACE_OBJECT_USAGE_ERROR', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { i: I } interface I @key(fields: "id") { id: ID! } type T implements I @key(fields: "id") { id: ID! }`,
          ['@key'],
        ),
      },
      {
        name: 'b',
        sdl: fed2(`type I @key(fields: "id") @interfaceObject { id: ID! x: Int }`, [
          '@key',
          '@interfaceObject',
        ]),
      },
    ]);
  });
});
