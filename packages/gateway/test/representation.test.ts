import { describe, expect, it } from 'vitest';
import type { PlanSelection } from '@orrery/query-planner';
import {
  buildRepresentation,
  createRepresentationCache,
  type TypeMatcher,
} from '../src/execution/data.js';

const field = (name: string, selections?: PlanSelection[], alias?: string): PlanSelection => ({
  kind: 'Field',
  name,
  ...(alias ? { alias } : {}),
  ...(selections ? { selections } : {}),
});
const on = (typeCondition: string, selections: PlanSelection[]): PlanSelection => ({
  kind: 'InlineFragment',
  typeCondition,
  selections,
});
const matches: TypeMatcher = (condition, typename) =>
  condition === typename || (condition === 'Node' && (typename === 'Book' || typename === 'Film'));

/** What the executor sent before: the object form, serialised. */
const viaObject = (object: Record<string, unknown>, requires: PlanSelection[]) => {
  const representation = buildRepresentation(object, requires, matches);
  return representation && JSON.stringify(representation);
};

/** A cache that serialises, and counts how many representations it built. */
const counting = (requires: PlanSelection[]) => {
  const built: string[] = [];
  const of = createRepresentationCache(requires, matches, (representation) => {
    const json = JSON.stringify(representation);
    built.push(json);
    return json;
  });
  return { of, built };
};

describe('createRepresentationCache', () => {
  const cases: [string, Record<string, unknown>, PlanSelection[]][] = [
    [
      'a simple key',
      { __typename: 'Book', id: 'b"1\n', title: 'x' },
      [on('Book', [field('__typename'), field('id')])],
    ],
    [
      'a composite key with a nested object, a list and a null',
      {
        __typename: 'Book',
        id: 7,
        org: { id: 'o1', name: 'n', tags: ['a', null], __typename: 'Org' },
        parts: [{ n: 1.5 }, { n: null }],
        gone: null,
      },
      [
        on('Book', [
          field('__typename'),
          field('id'),
          field('org', [field('id'), field('tags')]),
          field('parts', [field('n')]),
          field('gone', [field('id')]),
        ]),
      ],
    ],
    [
      'fragments on an interface and on the type, one field selected twice',
      { __typename: 'Book', id: 'b1', isbn: '978', year: 2001 },
      [
        on('Node', [field('__typename'), field('id')]),
        on('Book', [field('__typename'), field('isbn')]),
        on('Film', [field('year')]),
      ],
    ],
    [
      'a custom scalar holding an object (not indexed), and an aliased field',
      { __typename: 'Book', id: 'b1', meta: { deep: [1, { x: true }] }, k: 'v' },
      [on('Book', [field('__typename'), field('id'), field('meta'), field('key', undefined, 'k')])],
    ],
  ];
  it.each(cases)('gives what buildRepresentation gives: %s', (_, object, requires) => {
    const { of } = counting(requires);
    const json = of(object);
    expect(typeof json).toBe('string');
    expect(json).toBe(viaObject(object, requires));
    // Asked again (a copy: another object with the same content), the same text.
    expect(of(structuredClone(object))).toBe(json);
  });

  it('builds each distinct representation once', () => {
    const requires = [on('Book', [field('__typename'), field('id'), field('org', [field('id')])])];
    const { of, built } = counting(requires);
    const objects = ['a', 'b', 'a', 'c', 'b', 'a'].map((id) => ({
      __typename: 'Book',
      id,
      org: { id: `o-${id}`, name: id },
    }));
    expect(objects.map(of)).toEqual(objects.map((o) => viaObject(o, requires)));
    expect(built).toHaveLength(3);
    // A string and a number with the same digits are different keys.
    const typed = counting([on('Book', [field('__typename'), field('id')])]);
    expect([1, '1', 1].map((id) => typed.of({ __typename: 'Book', id }))).toEqual([
      '{"__typename":"Book","id":1}',
      '{"__typename":"Book","id":"1"}',
      '{"__typename":"Book","id":1}',
    ]);
    expect(typed.built).toHaveLength(2);
  });

  it('is undefined where a required field is missing or __typename is not a string', () => {
    const requires = [on('Book', [field('__typename'), field('id'), field('org', [field('id')])])];
    const { of } = counting(requires);
    expect(of({ __typename: 'Book', id: 'b1' })).toBeUndefined();
    expect(of({ __typename: 'Book', id: 'b1', org: [{ x: 1 }] })).toBeUndefined();
    expect(viaObject({ __typename: 'Book', id: 'b1', org: [{ x: 1 }] }, requires)).toBeUndefined();
    const untyped = counting([field('__typename'), field('id')]);
    expect(untyped.of({ __typename: 7, id: 'b1' })).toBeUndefined();
    expect(untyped.of({ __typename: 7, id: 'b1' })).toBeUndefined();
    expect(untyped.built).toHaveLength(0);
  });
});
