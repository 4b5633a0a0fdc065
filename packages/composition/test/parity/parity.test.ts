import { formatDiagnostic } from '@orrery/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSubgraphs } from '../../src/index.js';
import { codeSet, loadCases, type ParityCase } from './cases.js';
import { KNOWN_GAPS, KNOWN_SUPERGRAPH_SDL_DIFFS } from './known-gaps.js';
import { composeWithApollo, printApiSchema, type OracleResult } from './oracles.js';

/**
 * Orrery's `composeSubgraphs` against `@apollo/composition` on every corpus case. Valid cases
 * must give an identical (sorted, printed) API schema, invalid cases the same set of error codes.
 * The supergraph SDL text is compared too, and tracked in its own list. Both lists in
 * known-gaps.ts are asserted exactly, so the gap list can only shrink by fixing things.
 */

const cases = loadCases();
const caseNames = new Set(cases.map((c) => c.name));
const validNames = new Set(cases.filter((c) => c.expect === 'valid').map((c) => c.name));

type OrreryOutcome = OracleResult | { readonly ok: 'threw'; readonly message: string };

function composeWithOrrery(testCase: ParityCase): OrreryOutcome {
  try {
    const result = composeSubgraphs(
      testCase.subgraphs.map((s) => ({ name: s.name, url: s.url, sdl: s.sdl, source: s.source })),
    );
    if (!result.ok) {
      return {
        ok: false,
        codes: codeSet(result.errors.map((e) => e.code)),
        messages: result.errors.map(formatDiagnostic),
      };
    }
    return {
      ok: true,
      supergraphSdl: result.supergraphSdl,
      apiSdl: printApiSchema(result.apiSchema),
    };
  } catch (error) {
    return { ok: 'threw', message: error instanceof Error ? error.message : String(error) };
  }
}

interface Comparison {
  /** Why Orrery's outcome differs from Apollo's, or undefined when it matches. */
  readonly mismatch: string | undefined;
  /** For valid cases: whether the supergraph SDL text differs from Apollo's. */
  readonly supergraphDiffers: boolean;
  readonly orrery: OrreryOutcome;
  readonly apollo: OracleResult | undefined;
}

function compare(testCase: ParityCase): Comparison {
  const orrery = composeWithOrrery(testCase);
  if (orrery.ok === 'threw') {
    return {
      mismatch: `threw: ${orrery.message}`,
      supergraphDiffers: true,
      orrery,
      apollo: undefined,
    };
  }
  if (testCase.expect !== 'valid') {
    // The expected codes are Apollo's (oracle.test.ts proves it), so Apollo need not run again.
    const expected = codeSet(testCase.expect.errors);
    const mismatch = orrery.ok
      ? `composed, expected ${expected.join(', ')}`
      : orrery.codes.join() === expected.join()
        ? undefined
        : `raised ${orrery.codes.join(', ')}, expected ${expected.join(', ')}`;
    return { mismatch, supergraphDiffers: false, orrery, apollo: undefined };
  }
  const apollo = composeWithApollo(testCase);
  if (!apollo.ok) throw new Error(`Apollo does not compose "${testCase.name}": see oracle.test.ts`);
  if (!orrery.ok) {
    return {
      mismatch: `failed: ${orrery.messages.join('; ')}`,
      supergraphDiffers: true,
      orrery,
      apollo,
    };
  }
  return {
    mismatch: orrery.apiSdl === apollo.apiSdl ? undefined : 'the API schema differs',
    supergraphDiffers: orrery.supergraphSdl !== apollo.supergraphSdl,
    orrery,
    apollo,
  };
}

const comparisons = new Map<string, Comparison>();

beforeAll(() => {
  for (const testCase of cases) comparisons.set(testCase.name, compare(testCase));
});

/**
 * When the lists are out of date, print what they should say now, so updating known-gaps.ts after
 * a composition fix (or finding a regression) is a copy and paste rather than a hunt.
 */
afterAll(() => {
  const gaps = cases
    .filter((c) => comparisons.get(c.name)?.mismatch !== undefined)
    .map((c) => c.name);
  const sdlDiffs = cases
    .filter((c) => validNames.has(c.name) && comparisons.get(c.name)?.supergraphDiffers)
    .map((c) => c.name);
  const same = (list: string[], set: { readonly size: number; has(name: string): boolean }) =>
    list.length === set.size && list.every((name) => set.has(name));
  if (!same(gaps, KNOWN_GAPS) || !same(sdlDiffs, KNOWN_SUPERGRAPH_SDL_DIFFS)) {
    const details = cases
      .map((c) => [c.name, comparisons.get(c.name)?.mismatch] as const)
      .filter(([, mismatch]) => mismatch !== undefined)
      .map(([name, mismatch]) => `  ${name}: ${mismatch!.slice(0, 300)}`);
    console.info(
      `known-gaps.ts is out of date. It should now read:\nKNOWN_GAPS (${gaps.length}): ${JSON.stringify(gaps)}\nKNOWN_SUPERGRAPH_SDL_DIFFS (${sdlDiffs.length}): ${JSON.stringify(sdlDiffs)}\nWhy each gap differs:\n${details.join('\n')}`,
    );
  }
});

describe('known-gaps.ts', () => {
  it('names only cases that exist', () => {
    expect([...KNOWN_GAPS].filter((name) => !caseNames.has(name))).toEqual([]);
  });

  it('lists only valid cases as supergraph SDL differences', () => {
    expect([...KNOWN_SUPERGRAPH_SDL_DIFFS.keys()].filter((name) => !validNames.has(name))).toEqual(
      [],
    );
  });
});

describe.each(cases)('$name', ({ name }) => {
  it(
    KNOWN_GAPS.has(name) ? 'is a known gap and still differs from Apollo' : 'matches Apollo',
    () => {
      const { mismatch, orrery, apollo } = comparisons.get(name)!;
      if (KNOWN_GAPS.has(name)) {
        expect(mismatch, `"${name}" now matches Apollo: remove it from KNOWN_GAPS`).toBeDefined();
        return;
      }
      if (orrery.ok === true && apollo?.ok === true) {
        // A readable diff of the two API schemas.
        expect(orrery.apiSdl).toBe(apollo.apiSdl);
      }
      expect(mismatch).toBeUndefined();
    },
  );

  if (validNames.has(name)) {
    it(
      KNOWN_SUPERGRAPH_SDL_DIFFS.has(name)
        ? 'prints a supergraph that still differs from Apollo (known)'
        : 'prints the same supergraph SDL as Apollo',
      () => {
        const { supergraphDiffers, orrery, apollo } = comparisons.get(name)!;
        if (KNOWN_SUPERGRAPH_SDL_DIFFS.has(name)) {
          expect(
            supergraphDiffers,
            `"${name}" now prints Apollo's supergraph: remove it from KNOWN_SUPERGRAPH_SDL_DIFFS (was: ${KNOWN_SUPERGRAPH_SDL_DIFFS.get(name) ?? ''})`,
          ).toBe(true);
          return;
        }
        if (orrery.ok === true && apollo?.ok === true) {
          expect(orrery.supergraphSdl).toBe(apollo.supergraphSdl);
        }
        expect(supergraphDiffers).toBe(false);
      },
    );
  }
});
