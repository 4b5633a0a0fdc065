import { describe, expect, it } from 'vitest';
import {
  CODE_TABLES,
  ERROR_CODES,
  createDiagnostic,
  defineCodeTable,
  formatDiagnostic,
  isErrorCode,
  mergeCodeTables,
  toGraphQLError,
} from '../src/index.js';

describe('error-code registry', () => {
  it('holds every code of every table exactly once, with its table as group', () => {
    const fromTables = CODE_TABLES.flatMap((t) => Object.keys(t.codes));
    expect(new Set(fromTables).size).toBe(fromTables.length);
    expect(Object.keys(ERROR_CODES).sort()).toEqual([...fromTables].sort());
    for (const table of CODE_TABLES) {
      for (const code of Object.keys(table.codes)) {
        expect(ERROR_CODES[code as keyof typeof ERROR_CODES]).toMatchObject({
          code,
          group: table.title,
        });
      }
    }
  });

  it('gives every code a description, at least one raising package and a level', () => {
    for (const def of Object.values(ERROR_CODES)) {
      expect(def.description.length, def.code).toBeGreaterThan(20);
      expect(def.raisedBy.length, def.code).toBeGreaterThan(0);
      expect(['error', 'warn', 'info', 'debug']).toContain(def.level);
    }
  });

  it('refuses a code defined in two tables', () => {
    const a = defineCodeTable({
      title: 'A',
      summary: 'a',
      codes: { SAME: { description: 'first', raisedBy: ['core'], level: 'error' } },
    });
    const b = defineCodeTable({
      title: 'B',
      summary: 'b',
      codes: { SAME: { description: 'second', raisedBy: ['cli'], level: 'error' } },
    });
    expect(() => mergeCodeTables([a, b])).toThrow(
      'error code "SAME" is defined twice: in "A" and in "B"',
    );
  });

  it('refuses a code that is not SCREAMING_SNAKE_CASE', () => {
    const bad = defineCodeTable({
      title: 'Bad',
      summary: 'bad',
      codes: { notUpper: { description: 'x', raisedBy: ['core'], level: 'error' } },
    });
    expect(() => mergeCodeTables([bad])).toThrow('"notUpper"');
  });

  it('tells registered codes from others', () => {
    expect(isErrorCode('ERR_CLI_UNKNOWN_COMMAND')).toBe(true);
    expect(isErrorCode('NOT_A_CODE')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
  });
});

describe('diagnostics', () => {
  const diagnostic = createDiagnostic('ERR_CLI_INPUT_NOT_FOUND', 'cannot read "a.graphql"', {
    subgraphs: ['products'],
    locations: [{ source: 'products.graphql', line: 3, column: 5 }],
  });

  it('takes its level from the registry', () => {
    expect(diagnostic.level).toBe('error');
    expect(createDiagnostic('ERR_CLI_UNKNOWN_COMMAND', 'x')).toEqual({
      code: 'ERR_CLI_UNKNOWN_COMMAND',
      level: 'error',
      message: 'x',
      subgraphs: [],
      locations: [],
    });
  });

  it('formats as CODE [subgraph] message (file:line:col)', () => {
    expect(formatDiagnostic(diagnostic)).toBe(
      'ERR_CLI_INPUT_NOT_FOUND [products] cannot read "a.graphql" (products.graphql:3:5)',
    );
    expect(formatDiagnostic(createDiagnostic('ERR_CLI_UNKNOWN_COMMAND', 'no such command'))).toBe(
      'ERR_CLI_UNKNOWN_COMMAND no such command',
    );
  });

  it('converts to a GraphQLError carrying the code in extensions', () => {
    const error = toGraphQLError(diagnostic);
    expect(error.message).toBe('cannot read "a.graphql"');
    expect(error.extensions).toMatchObject({
      code: 'ERR_CLI_INPUT_NOT_FOUND',
      subgraphs: ['products'],
    });
  });
});
