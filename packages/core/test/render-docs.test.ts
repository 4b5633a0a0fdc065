import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CODE_TABLES, defineCodeTable, renderErrorCodesMarkdown } from '../src/index.js';

describe('docs/errors.md generator', () => {
  it('renders one section per table with a row per code, sorted', () => {
    const table = defineCodeTable({
      title: 'Example',
      summary: 'Codes for the example.',
      codes: {
        ZED_CODE: { description: 'Last | with a pipe.', raisedBy: ['cli'], level: 'error' },
        ALPHA_CODE: {
          description: 'First.',
          raisedBy: ['composition', 'registry'],
          level: 'warn',
          apolloCompatible: true,
        },
      },
    });
    const md = renderErrorCodesMarkdown([table]);
    expect(md).toContain('## Example\n\nCodes for the example.\n');
    const rows = md.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows).toEqual([
      '| `ALPHA_CODE` (Apollo) | warn | composition, registry | First. |',
      '| `ZED_CODE` | error | cli | Last \\| with a pipe. |',
    ]);
  });

  it('matches the committed docs/errors.md (run `npm run docs:errors` when it does not)', () => {
    const committed = readFileSync(
      fileURLToPath(new URL('../../../docs/errors.md', import.meta.url)),
      'utf8',
    );
    expect(committed).toBe(renderErrorCodesMarkdown(CODE_TABLES));
  });
});
