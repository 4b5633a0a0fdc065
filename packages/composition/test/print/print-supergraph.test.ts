import type { DocumentNode } from 'graphql';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';

import { printSupergraphSdl } from '../../src/print/index.js';
import { apolloSupergraph } from './apollo-oracle.js';
import { CORPUS } from './corpus.js';

/** A deterministic shuffle, so the test also proves the printer sorts. */
function shuffled(document: DocumentNode): DocumentNode {
  const definitions = [...document.definitions];
  let seed = 42;
  for (let i = definitions.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [definitions[i], definitions[j]] = [definitions[j]!, definitions[i]!];
  }
  return { ...document, definitions };
}

describe('printSupergraphSdl reproduces @apollo/composition byte for byte', () => {
  for (const testCase of CORPUS) {
    it(testCase.name, () => {
      const apollo = apolloSupergraph(testCase.subgraphs);
      const document = parse(apollo, { noLocation: true });
      expect(printSupergraphSdl(document)).toBe(apollo);
      expect(printSupergraphSdl(shuffled(document))).toBe(apollo);
    });
  }
});

describe('printSupergraphSdl layout of elements composition does not produce', () => {
  it('prints types without directives with the brace on the head line', () => {
    const sdl = ['type A implements B & C {\n  x: Int\n}', 'scalar S', 'union U = A | B'].join(
      '\n\n',
    );
    expect(printSupergraphSdl(parse(sdl))).toBe(sdl);
  });

  it('prints non-definition nodes last, with graphql-js', () => {
    const document = parse('extend type A { y: Int }\ntype A { x: Int }');
    expect(printSupergraphSdl(document)).toBe(
      'type A {\n  x: Int\n}\n\nextend type A {\n  y: Int\n}',
    );
  });
});
