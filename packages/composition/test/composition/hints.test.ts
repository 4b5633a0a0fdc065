import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeSubgraphs } from '../../src/compose.js';
import { fed2, type TestSubgraph } from './harness.js';

const ALL = ['@key', '@shareable', '@override'];

/** Expects both implementations to give `code` as a hint, at the same level and with the same message. */
function expectHint(code: string, subgraphs: readonly TestSubgraph[]): void {
  const apollo = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: `http://${s.name}`, typeDefs: parse(s.sdl) })),
  );
  const theirs = (apollo.hints ?? [])
    .filter((h) => h.definition.code === code)
    .map((h) => `${h.definition.level.name.toLowerCase()} ${h.message}`);
  const result = composeSubgraphs(
    subgraphs.map((s) => ({ name: s.name, url: `http://${s.name}`, sdl: s.sdl })),
    { runSatisfiability: false },
  );
  const ours = result.hints.filter((h) => h.code === code);
  expect(theirs.length).toBeGreaterThan(0);
  expect(ours.map((h) => `${h.level} ${h.message}`)).toEqual(theirs);
  for (const h of ours) expect(h.subgraphs.length).toBeGreaterThan(0);
}

describe('hints, checked against @apollo/composition', () => {
  it('INCONSISTENT_UNION_MEMBER', () => {
    expectHint('INCONSISTENT_UNION_MEMBER', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { u: U } union U = A | B type A { x: Int @shareable } type B { y: Int }`,
          ALL,
        ),
      },
      {
        name: 'b',
        sdl: fed2(`type Query { v: U } union U = A type A { x: Int @shareable }`, ALL),
      },
    ]);
  });

  it('UNUSED_ENUM_TYPE', () => {
    expectHint('UNUSED_ENUM_TYPE', [
      { name: 'a', sdl: fed2(`type Query { x: Int } enum E { A }`, ALL) },
    ]);
  });

  it('OVERRIDDEN_FIELD_CAN_BE_REMOVED', () => {
    expectHint('OVERRIDDEN_FIELD_CAN_BE_REMOVED', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } type T @key(fields: "id") { id: ID! x: Int }`, ALL),
      },
      {
        name: 'b',
        sdl: fed2(`type T @key(fields: "id") { id: ID! x: Int @override(from: "a") }`, ALL),
      },
    ]);
  });

  it('OVERRIDE_DIRECTIVE_CAN_BE_REMOVED', () => {
    expectHint('OVERRIDE_DIRECTIVE_CAN_BE_REMOVED', [
      { name: 'a', sdl: fed2(`type Query { t: T } type T @key(fields: "id") { id: ID! }`, ALL) },
      {
        name: 'b',
        sdl: fed2(`type T @key(fields: "id") { id: ID! x: Int @override(from: "a") }`, ALL),
      },
    ]);
  });
});
