import { describe, expect, it } from 'vitest';
import { compareResponses, errorPaths, NO_PATH } from '../src/compare.js';

describe('compareResponses', () => {
  it('accepts equal data and equal error paths with different messages', () => {
    expect(
      compareResponses(
        { data: { a: 1, b: [{ c: null }] }, errors: [{ message: 'x', path: ['b', 0, 'c'] }] },
        {
          data: { a: 1, b: [{ c: null }] },
          errors: [{ message: 'other words', path: ['b', 0, 'c'] }],
        },
      ),
    ).toEqual([]);
  });

  it('reports differing values, list lengths, missing and extra fields', () => {
    expect(
      compareResponses(
        { data: { a: 1, l: [1, 2], o: { x: 1 } } },
        { data: { a: 2, l: [1], o: { y: 1 } } },
      ),
    ).toEqual([
      'data.a: expected 1, got 2',
      'data.l: expected 2 items, got 1',
      'data.o: missing fields x',
      'data.o: unexpected fields y',
    ]);
  });

  it('reports field order, as a client sees it in the JSON', () => {
    expect(compareResponses({ data: { a: 1, b: 2 } }, { data: { b: 2, a: 1 } })).toEqual([
      'data: field order b, a, expected a, b',
    ]);
  });

  it('reports missing and unexpected error paths, and a data entry where none belongs', () => {
    expect(
      compareResponses(
        { data: { a: null }, errors: [{ message: 'boom', path: ['a'] }] },
        { data: { a: null }, errors: [{ message: 'boom', path: ['b'] }] },
      ),
    ).toEqual(['errors: missing error paths a', 'errors: unexpected error paths b (boom)']);
    expect(compareResponses({ errors: [{ message: 'invalid' }] }, { data: null })).toEqual([
      'data: expected no data entry (a request error), got one',
      `errors: missing error paths ${NO_PATH}`,
    ]);
  });
});

describe('errorPaths', () => {
  it('deduplicates and sorts, counting path-less errors as request errors', () => {
    expect(
      errorPaths({
        errors: [
          { message: '', path: ['b', 1] },
          { message: '', path: ['a'] },
          { message: '', path: ['b', 1] },
          { message: '' },
        ],
      }),
    ).toEqual([NO_PATH, 'a', 'b.1']);
  });
});
