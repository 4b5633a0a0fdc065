import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERROR_CODES } from '@orrery/core';
import { describe, expect, it } from 'vitest';

/**
 * Every error code composition raises has its test file here, `<CODE>.test.ts`, with a case that
 * raises it and one that does not. A code composition never raises says why in its registry
 * entry (`notRaised`) instead. The failure message lists what is missing.
 */
const here = dirname(fileURLToPath(import.meta.url));
const compositionErrors = Object.values(ERROR_CODES).filter(
  (def) => def.raisedBy.includes('composition') && def.level === 'error',
);

describe('error tests', () => {
  it('exist for every error code composition raises', () => {
    const missing = compositionErrors
      .filter((def) => def.notRaised === undefined)
      .map((def) => def.code)
      .filter((code) => !existsSync(join(here, `${code}.test.ts`)));
    expect(missing, `codes without test/errors/<CODE>.test.ts: ${missing.join(', ')}`).toEqual([]);
  });

  it('do not exist for codes the registry says are never raised', () => {
    const contradicting = compositionErrors
      .filter((def) => def.notRaised !== undefined)
      .map((def) => def.code)
      .filter((code) => existsSync(join(here, `${code}.test.ts`)));
    expect(contradicting).toEqual([]);
  });
});
