import { describe, expect, it } from 'vitest';
import { checkSatisfiability } from '../../src/satisfiability/index.js';
import { CORPUS } from './corpus.js';
import { askApollo, witnessOf } from './oracle.js';

/**
 * Sets whose failure reasons are worded differently from Apollo's (verdict, codes and witness
 * queries still match). Empty today; a set listed here must say why.
 */
const REASONS_DIFFER = new Set<string>([]);

/**
 * Parity with `@apollo/composition` on the corpus: the same verdict on every set and, on
 * failures, the same codes and the same witness queries; and, outside `REASONS_DIFFER`, the same
 * messages word for word. The hints satisfiability raises must be Apollo's, word for word.
 */
describe('satisfiability parity with @apollo/composition', () => {
  it('has at least 25 sets, satisfiable and not', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(25);
  });

  for (const set of CORPUS) {
    it(set.name, () => {
      const apollo = askApollo(set);
      expect(apollo.supergraphSdl, 'Apollo composes the set without satisfiability').toBeDefined();
      const { errors: ours, hints } = checkSatisfiability(apollo.supergraphSdl as string);
      const summary = (
        codes: string[],
        messages: string[],
      ): { codes: string[]; witnesses: string[] } => ({
        codes: [...codes].sort(),
        witnesses: messages.map(witnessOf).sort(),
      });
      expect(
        summary(
          ours.map((d) => d.code),
          ours.map((d) => d.message),
        ),
        `ours:\n${ours.map((d) => d.message).join('\n\n')}\n\napollo:\n${apollo.messages.join('\n\n')}`,
      ).toEqual(summary(apollo.codes, apollo.messages));
      if (!REASONS_DIFFER.has(set.name)) {
        expect(ours.map((d) => d.message).sort()).toEqual([...apollo.messages].sort());
      }
      if (apollo.satisfiabilityHints) {
        expect(hints.map((h) => h.message).sort()).toEqual([...apollo.satisfiabilityHints].sort());
      }
    });
  }
});

describe('the corpus', () => {
  it('holds both satisfiable and unsatisfiable sets', () => {
    const verdicts = CORPUS.map((set) => askApollo(set).codes.includes('SATISFIABILITY_ERROR'));
    expect(verdicts.filter(Boolean).length).toBeGreaterThanOrEqual(10);
    expect(verdicts.filter((v) => !v).length).toBeGreaterThanOrEqual(10);
  });
});
