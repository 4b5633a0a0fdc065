import { describe, expect, it } from 'vitest';
import { checkSatisfiability, validateSatisfiability } from '../../src/satisfiability/index.js';
import { CORPUS } from './corpus.js';
import { askApollo } from './oracle.js';

const supergraphOf = (name: string): string => {
  const set = CORPUS.find((s) => s.name === name);
  const sdl = set ? askApollo(set).supergraphSdl : undefined;
  if (!sdl) throw new Error(`no supergraph for ${name}`);
  return sdl;
};

describe('validateSatisfiability', () => {
  it('lays out failures as Apollo does and names the subgraphs', () => {
    const [error, ...rest] = validateSatisfiability(
      supergraphOf('resolvable: false key blocks jumps'),
    );
    expect(rest).toEqual([]);
    expect(error).toMatchObject({
      code: 'SATISFIABILITY_ERROR',
      level: 'error',
      subgraphs: ['a', 'b'],
    });
    const expected = [
      'The following supergraph API query:',
      '{',
      '  t {',
      '    w',
      '  }',
      '}',
      'cannot be satisfied by the subgraphs because:',
      '- from subgraph "a":',
      '  - cannot find field "T.w".',
      '  - cannot move to subgraph "b", which has field "T.w", because none of the @key defined on type "T" in subgraph "b" are resolvable (they are all declared with their "resolvable" argument set to false).',
    ].join('\n');
    expect(error?.message).toBe(expected);
    // Word for word what @apollo/composition says.
    const set = CORPUS.find((s) => s.name === 'resolvable: false key blocks jumps');
    expect(set && askApollo(set).messages).toEqual([expected]);
  });

  it('stops with MAX_VALIDATION_SUBGRAPH_PATHS_EXCEEDED past its bound', () => {
    const errors = validateSatisfiability(supergraphOf('nested path through two entities'), {
      maxValidationSubgraphPaths: 2,
    });
    expect(errors.map((e) => e.code)).toEqual(['MAX_VALIDATION_SUBGRAPH_PATHS_EXCEEDED']);
    expect(validateSatisfiability(supergraphOf('nested path through two entities'))).toEqual([]);
  });

  it('caps the number of errors', () => {
    const sdl = supergraphOf('different keys, key field not resolvable');
    expect(validateSatisfiability(sdl)).toHaveLength(3);
    expect(validateSatisfiability(sdl, { maxErrors: 1 })).toHaveLength(1);
  });

  it('returns INVALID_FEDERATION_SUPERGRAPH for input that is no supergraph', () => {
    expect(validateSatisfiability('type Query { a: Int }').map((e) => e.code)).toEqual([
      'INVALID_FEDERATION_SUPERGRAPH',
    ]);
  });

  it('returns runtime-type hints from checkSatisfiability, errors from both functions', () => {
    const hinted = supergraphOf('shareable field, union members overlap (hint)');
    const { errors, hints } = checkSatisfiability(hinted);
    expect(errors).toEqual([]);
    expect(hints).toMatchObject([
      {
        code: 'INCONSISTENT_RUNTIME_TYPES_FOR_SHAREABLE_RETURN',
        level: 'warn',
        subgraphs: ['a', 'b', 'c'],
      },
    ]);
    expect(validateSatisfiability(hinted)).toEqual([]);

    const failing = supergraphOf('shareable field, interface implementations disjoint');
    const codes = validateSatisfiability(failing).map((e) => e.code);
    expect(codes).toEqual(['SHAREABLE_HAS_MISMATCHED_RUNTIME_TYPES']);
    expect(checkSatisfiability(failing).errors.map((e) => e.code)).toEqual(codes);
  });
});
