import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('MERGED_DIRECTIVE_APPLICATION_ON_EXTERNAL', () => {
  it('is reported', () => {
    expectCode('MERGED_DIRECTIVE_APPLICATION_ON_EXTERNAL', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } type T @key(fields: "id") { id: ID! x: Int }`, ['@key']),
      },
      {
        name: 'b',
        sdl: fed2(
          `type T @key(fields: "id") { id: ID! x: Int @external @tag(name: "t") y: Int @requires(fields: "x") }`,
          ['@key', '@external', '@requires', '@tag'],
        ),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('MERGED_DIRECTIVE_APPLICATION_ON_EXTERNAL', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { t: T } type T @key(fields: "id") { id: ID! x: Int @tag(name: "t") }`,
          ['@key', '@tag'],
        ),
      },
      {
        name: 'b',
        sdl: fed2(
          `type T @key(fields: "id") { id: ID! x: Int @external y: Int @requires(fields: "x") }`,
          ['@key', '@external', '@requires', '@tag'],
        ),
      },
    ]);
  });

  it('is reported for authorization and demand-control directives too', () => {
    for (const applied of ['@authenticated', '@policy(policies: [["p"]])', '@cost(weight: 2)']) {
      expectCode('MERGED_DIRECTIVE_APPLICATION_ON_EXTERNAL', [
        {
          name: 'a',
          sdl: fed2(
            `type Query { t: T } type T @key(fields: "id") { id: ID! x: Int @authenticated @policy(policies: [["p"]]) }`,
            ['@key', '@authenticated', '@policy'],
            '2.9',
          ),
        },
        {
          name: 'b',
          sdl: fed2(
            `type T @key(fields: "id") { id: ID! x: Int @external ${applied} y: Int @requires(fields: "x") @authenticated @policy(policies: [["p"]]) }`,
            ['@key', '@external', '@requires', '@authenticated', '@policy', '@cost'],
            '2.9',
          ),
        },
      ]);
    }
  });
});
