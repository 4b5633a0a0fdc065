import { afterAll, describe, expect, it } from 'vitest';
import { codeSet, loadCases } from './cases.js';
import { composeWithApollo, composeWithGuild, type OracleResult } from './oracles.js';

/**
 * Proves the corpus: every case's `expect` is what `@apollo/composition` 2.14.4 does. Also records
 * where `@theguild/federation-composition` disagrees with Apollo, without failing on it (the
 * observed list is in README.md).
 */

const cases = loadCases();
const guildDisagreements: string[] = [];

function summary(result: OracleResult): string {
  return result.ok ? 'valid' : result.codes.join(', ');
}

describe('the parity corpus', () => {
  it('is large and varied enough to mean something', () => {
    const invalid = cases.filter((c) => c.expect !== 'valid');
    const invalidCodes = codeSet(
      invalid.flatMap((c) => (c.expect === 'valid' ? [] : c.expect.errors)),
    );
    expect(cases.length).toBeGreaterThanOrEqual(45);
    expect(invalid.length).toBeGreaterThanOrEqual(15);
    expect(invalidCodes.length).toBeGreaterThanOrEqual(15);
  });

  it('uses every federation version from 2.0 to 2.12 and Fed 1 subgraphs', () => {
    const versions = new Set<string>();
    let fed1 = 0;
    for (const c of cases) {
      for (const s of c.subgraphs) {
        const match = /specs\.apollo\.dev\/federation\/v(2\.\d+)/.exec(s.sdl);
        if (match) versions.add(match[1]!);
        else fed1++;
      }
    }
    for (let minor = 0; minor <= 12; minor++) expect(versions).toContain(`2.${minor}`);
    expect(fed1).toBeGreaterThan(0);
  });
});

describe.each(cases)('$name', (testCase) => {
  it('agrees with @apollo/composition', () => {
    const apollo = composeWithApollo(testCase);
    if (testCase.expect === 'valid') {
      expect(apollo.ok ? [] : apollo.messages).toEqual([]);
    } else {
      expect(apollo.ok ? [] : apollo.codes).toEqual(codeSet(testCase.expect.errors));
    }
  });

  it('records whether @theguild/federation-composition agrees', () => {
    const apollo = composeWithApollo(testCase);
    const guild = composeWithGuild(testCase);
    const agrees = apollo.ok
      ? guild.ok && guild.apiSdl === apollo.apiSdl
      : !guild.ok && guild.codes.join() === apollo.codes.join();
    if (!agrees) {
      const detail = apollo.ok && guild.ok ? 'valid, but a different API schema' : summary(guild);
      guildDisagreements.push(`${testCase.name}: Apollo ${summary(apollo)}; Guild ${detail}`);
    }
    // The Guild is a second opinion: its answer is recorded, never required.
    expect(typeof agrees).toBe('boolean');
  });
});

afterAll(() => {
  if (guildDisagreements.length) {
    console.info(
      `@theguild/federation-composition disagrees with Apollo on ${guildDisagreements.length} of ${cases.length} cases:\n  ${guildDisagreements.join('\n  ')}`,
    );
  }
});
