import { describe, expect, it } from 'vitest';
import { composeSubgraphs } from '../../src/compose.js';
import { expectCode, expectNoCode, fed2 } from './harness.js';

const contextual = fed2(
  `type Query { p: P }
type P @key(fields: "id") @context(name: "ctx") { id: ID! prefs: String c: C }
type C @key(fields: "id") { id: ID! v(x: String @fromContext(field: "$ctx { prefs }")): String @shareable }`,
  ['@key', '@context', '@fromContext', '@shareable'],
  '2.8',
);
const plain = (arg: string) =>
  fed2(
    `type C @key(fields: "id") { id: ID! v${arg}: String @shareable }`,
    ['@key', '@shareable'],
    '2.8',
  );

describe('CONTEXTUAL_ARGUMENT_NOT_CONTEXTUAL_IN_ALL_SUBGRAPHS', () => {
  it('is an error when the argument is required in a subgraph without @fromContext', () => {
    expectCode('CONTEXTUAL_ARGUMENT_NOT_CONTEXTUAL_IN_ALL_SUBGRAPHS', [
      { name: 'a', sdl: contextual },
      { name: 'b', sdl: plain('(x: String!)') },
    ]);
  });

  it('is only a hint (as Apollo INFO) when the plain argument is optional', () => {
    const subgraphs = [
      { name: 'a', sdl: contextual },
      { name: 'b', sdl: plain('(x: String)') },
    ];
    expectNoCode('CONTEXTUAL_ARGUMENT_NOT_CONTEXTUAL_IN_ALL_SUBGRAPHS', subgraphs);
    const result = composeSubgraphs(
      subgraphs.map((s) => ({ name: s.name, url: `http://${s.name}`, sdl: s.sdl })),
      { runSatisfiability: false },
    );
    expect(
      result.hints
        .filter((h) => h.code === 'CONTEXTUAL_ARGUMENT_NOT_CONTEXTUAL_IN_ALL_SUBGRAPHS')
        .map((h) => `${h.level} ${h.message}`),
    ).toEqual([
      'info Contextual argument "C.v(x:)" will not be included in the supergraph since it is contextual in at least one subgraph',
    ]);
  });

  it('is not raised when the other subgraph does not declare the argument', () => {
    expectNoCode('CONTEXTUAL_ARGUMENT_NOT_CONTEXTUAL_IN_ALL_SUBGRAPHS', [
      { name: 'a', sdl: contextual },
      { name: 'b', sdl: plain('') },
    ]);
  });
});
