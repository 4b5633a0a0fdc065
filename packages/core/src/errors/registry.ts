import { mergeCodeTables } from './code-table.js';
import { CLI_CODES } from './codes/cli.js';
import { COMPOSITION_CODE_TABLES } from './codes/composition.js';
import { GATEWAY_CODES } from './codes/gateway.js';
import { QUERY_PLANNER_CODES } from './codes/query-planner.js';

/**
 * Every code table, in the order `docs/errors.md` lists them. A new area adds its table in
 * `codes/` and one line here; the docs generator and the registry test pick it up.
 */
export const CODE_TABLES = [
  ...COMPOSITION_CODE_TABLES,
  QUERY_PLANNER_CODES,
  GATEWAY_CODES,
  CLI_CODES,
] as const;

/** The registry: every stable code Orrery reports, defined once, keyed by code. */
export const ERROR_CODES = mergeCodeTables(CODE_TABLES);

/** Any code in the registry. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** True when `code` is a code of the registry. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_CODES, code);
}
