import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('OVERRIDE_LABEL_INVALID', () => {
  it('is reported', () => {
    expectCode('OVERRIDE_LABEL_INVALID', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } type T @key(fields: "id") { id: ID! x: Int }`, ['@key']),
      },
      {
        name: 'b',
        sdl: fed2(
          `type T @key(fields: "id") { id: ID! x: Int @override(from: "a", label: "1bad label") }`,
          ['@key', '@override'],
          '2.7',
        ),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('OVERRIDE_LABEL_INVALID', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } type T @key(fields: "id") { id: ID! x: Int }`, ['@key']),
      },
      {
        name: 'b',
        sdl: fed2(
          `type T @key(fields: "id") { id: ID! x: Int @override(from: "a", label: "percent(25)") }`,
          ['@key', '@override'],
          '2.7',
        ),
      },
    ]);
  });
});
