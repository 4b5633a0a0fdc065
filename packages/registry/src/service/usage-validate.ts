/**
 * Validation of a gateway's usage report. A report that is not a report at all (wrong version,
 * no `operations` object or `rows` array, too many rows) is refused whole (`BAD_REQUEST`); past
 * that, operations and rows are checked one by one and the invalid ones are left out and
 * counted, so one bad row never costs a gateway the rest of its data. What is left is merged:
 * rows for the same operation, client and minute become one (a single multi-row upsert may not
 * touch a row twice).
 *
 * @module
 */
import { USAGE_REPORT_VERSION, usageOperationId } from '@orrery/registry-client';
import { BadRequestError } from '../errors.js';

/** A refused report's largest accepted parts; bounds the work and memory one report can cost. */
export const USAGE_LIMITS = {
  /** Rows in one report (the HTTP body limit usually bites first). */
  maxRows: 100_000,
  /** Operations in one report. */
  maxOperations: 20_000,
  /** Bytes of one operation's signature. */
  maxSignatureBytes: 64 * 1024,
  /** Coordinates of one operation. */
  maxCoordinates: 5_000,
  /** Characters of one coordinate. */
  maxCoordinateLength: 512,
  /** Characters of an operation name. */
  maxNameLength: 1_024,
  /** Characters of a client name or version. */
  maxClientLength: 256,
  /** Requests in one row: keeps the integer columns far from overflowing when rows add up. */
  maxCount: 1_000_000_000,
  /** How far in the future a row's minute may be (clock skew between gateway and registry). */
  maxFutureMs: 5 * 60_000,
  /** Reasons returned in the answer. */
  maxReasons: 20,
} as const;

const OPERATION_TYPES = new Set(['query', 'mutation', 'subscription']);
const OPERATION_ID = /^[0-9a-f]{64}$/;
const GRAPHQL_NAME = '[_A-Za-z][_0-9A-Za-z]*';
/**
 * Schema coordinates as the GraphQL spec writes them: `Type`, `Type.field`, `Type.field(arg:)`,
 * `Enum.VALUE`, `Input.field`, `@directive`, `@directive(arg:)`.
 */
const COORDINATE = new RegExp(
  `^(?:${GRAPHQL_NAME}(?:\\.${GRAPHQL_NAME}(?:\\(${GRAPHQL_NAME}:\\))?)?|@${GRAPHQL_NAME}(?:\\(${GRAPHQL_NAME}:\\))?)$`,
);

/** An operation that passed validation, coordinates deduplicated and sorted. */
export interface ValidOperation {
  readonly id: string;
  readonly name: string | null;
  readonly type: 'query' | 'mutation' | 'subscription';
  readonly signature: string;
  readonly coordinates: readonly string[];
}

/** Rows of one operation, client and minute, merged. */
export interface ValidRow {
  readonly operationId: string;
  readonly clientName: string;
  readonly clientVersion: string;
  /** Epoch milliseconds of the minute's start. */
  readonly minute: number;
  count: number;
  errors: number;
}

export interface UsageRejection {
  readonly row?: number;
  readonly operationId?: string;
  readonly message: string;
}

export interface ValidatedReport {
  /** Operations referenced by at least one accepted row, sorted by id. */
  readonly operations: readonly ValidOperation[];
  /** Merged rows, sorted by (minute, operation, client): one lock order for every writer. */
  readonly rows: readonly ValidRow[];
  /** Report rows accepted (before merging) and rejected. */
  readonly accepted: number;
  readonly rejected: number;
  /** The first {@link USAGE_LIMITS.maxReasons} reasons. */
  readonly errors: readonly UsageRejection[];
  readonly dropped: number;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Validates `report` (untrusted JSON) at `now` with `retentionDays` of history accepted.
 * Throws `BadRequestError` only for a report that is malformed as a whole.
 */
export function validateUsageReport(
  report: unknown,
  now: number,
  retentionDays: number,
): ValidatedReport {
  if (!isObject(report)) throw new BadRequestError('a usage report must be a JSON object');
  if (report['version'] !== USAGE_REPORT_VERSION) {
    throw new BadRequestError(
      `unsupported usage report version ${JSON.stringify(report['version'])}: this registry reads version ${USAGE_REPORT_VERSION}`,
    );
  }
  const operations = report['operations'];
  const rows = report['rows'];
  if (!isObject(operations)) throw new BadRequestError('"operations" must be an object');
  if (!Array.isArray(rows)) throw new BadRequestError('"rows" must be an array');
  if (rows.length > USAGE_LIMITS.maxRows) {
    throw new BadRequestError(
      `a report carries at most ${USAGE_LIMITS.maxRows} rows, this one ${rows.length}: send smaller reports more often`,
    );
  }
  const operationIds = Object.keys(operations);
  if (operationIds.length > USAGE_LIMITS.maxOperations) {
    throw new BadRequestError(
      `a report carries at most ${USAGE_LIMITS.maxOperations} operations, this one ${operationIds.length}`,
    );
  }
  const dropped = report['dropped'] ?? 0;
  if (typeof dropped !== 'number' || !Number.isSafeInteger(dropped) || dropped < 0) {
    throw new BadRequestError('"dropped" must be a non-negative integer');
  }

  const errors: UsageRejection[] = [];
  let rejected = 0;
  const reject = (reason: UsageRejection) => {
    rejected++;
    if (errors.length < USAGE_LIMITS.maxReasons) errors.push(reason);
  };

  // Operations first: a row naming an invalid operation is rejected without a reason of its
  // own (the operation's reason says why), so one bad operation does not fill the list.
  const valid = new Map<string, ValidOperation>();
  const invalid = new Set<string>();
  for (const id of operationIds) {
    const problem = checkOperation(id, operations[id]);
    if (typeof problem === 'string') {
      invalid.add(id);
      if (errors.length < USAGE_LIMITS.maxReasons)
        errors.push({ operationId: id, message: problem });
    } else {
      valid.set(id, problem);
    }
  }

  const oldest = now - retentionDays * 86_400_000;
  const merged = new Map<string, ValidRow>();
  const used = new Set<string>();
  let accepted = 0;
  rows.forEach((row: unknown, index) => {
    const checked = checkRow(row, valid, invalid, now, oldest);
    if (checked === null) {
      rejected++;
      return;
    }
    if (typeof checked === 'string') {
      reject({ row: index, message: checked });
      return;
    }
    accepted++;
    used.add(checked.operationId);
    const key = `${checked.minute}\u0000${checked.operationId}\u0000${checked.clientName}\u0000${checked.clientVersion}`;
    const existing = merged.get(key);
    if (existing) {
      existing.count += checked.count;
      existing.errors += checked.errors;
    } else {
      merged.set(key, checked);
    }
  });

  return {
    operations: [...used].sort().map((id) => valid.get(id)!),
    rows: [...merged.values()].sort(compareRows),
    accepted,
    rejected,
    errors,
    dropped,
  };
}

function compareRows(a: ValidRow, b: ValidRow): number {
  return (
    a.minute - b.minute ||
    compare(a.operationId, b.operationId) ||
    compare(a.clientName, b.clientName) ||
    compare(a.clientVersion, b.clientVersion)
  );
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The operation, or why it is invalid. */
function checkOperation(id: string, value: unknown): ValidOperation | string {
  if (!OPERATION_ID.test(id)) return 'an operation id is 64 lowercase hex digits (sha256)';
  if (!isObject(value)) return 'an operation must be an object';
  const { name, type, signature, coordinates } = value;
  if (name !== null && typeof name !== 'string') return '"name" must be a string or null';
  if (typeof name === 'string' && (name === '' || name.length > USAGE_LIMITS.maxNameLength)) {
    return `"name" must be 1-${USAGE_LIMITS.maxNameLength} characters (null when anonymous)`;
  }
  if (typeof type !== 'string' || !OPERATION_TYPES.has(type)) {
    return '"type" must be query, mutation or subscription';
  }
  if (typeof signature !== 'string' || signature === '') {
    return '"signature" must be a non-empty string';
  }
  if (Buffer.byteLength(signature, 'utf8') > USAGE_LIMITS.maxSignatureBytes) {
    return `"signature" is longer than ${USAGE_LIMITS.maxSignatureBytes} bytes`;
  }
  if (!Array.isArray(coordinates)) return '"coordinates" must be an array of strings';
  if (coordinates.length > USAGE_LIMITS.maxCoordinates) {
    return `an operation references at most ${USAGE_LIMITS.maxCoordinates} coordinates, this one ${coordinates.length}`;
  }
  for (const coordinate of coordinates as unknown[]) {
    if (
      typeof coordinate !== 'string' ||
      coordinate.length > USAGE_LIMITS.maxCoordinateLength ||
      !COORDINATE.test(coordinate)
    ) {
      return `${JSON.stringify(coordinate)} is not a schema coordinate (Type, Type.field, Type.field(arg:), Enum.VALUE)`;
    }
  }
  const unique = [...new Set(coordinates as string[])].sort();
  const operation = { name: name as string | null, signature, coordinates: unique };
  if (usageOperationId(operation) !== id) {
    return 'the operation id is not sha256(name + "\\n" + signature + "\\n" + sorted coordinates joined by ",")';
  }
  return { id, type: type as ValidOperation['type'], ...operation };
}

/** The row, why it is invalid, or `null` when its operation was rejected (already reported). */
function checkRow(
  value: unknown,
  valid: ReadonlyMap<string, ValidOperation>,
  invalid: ReadonlySet<string>,
  now: number,
  oldest: number,
): ValidRow | string | null {
  if (!isObject(value)) return 'a row must be an object';
  const { operationId, clientName, clientVersion, minute, count, errors } = value;
  if (typeof operationId !== 'string') return '"operationId" must be a string';
  if (invalid.has(operationId)) return null;
  if (!valid.has(operationId)) return `operation ${operationId} is not in "operations"`;
  for (const [field, text] of [
    ['clientName', clientName],
    ['clientVersion', clientVersion],
  ] as const) {
    if (typeof text !== 'string') return `"${field}" must be a string ('' when unknown)`;
    if (text.length > USAGE_LIMITS.maxClientLength) {
      return `"${field}" is longer than ${USAGE_LIMITS.maxClientLength} characters`;
    }
  }
  if (typeof minute !== 'string') return '"minute" must be an ISO-8601 string';
  const time = parseMinute(minute);
  if (Number.isNaN(time)) return `"minute" ${JSON.stringify(minute)} is not an ISO-8601 time`;
  if (time % 60_000 !== 0) return `"minute" ${minute} is not the start of a minute`;
  if (time > now + USAGE_LIMITS.maxFutureMs) {
    return `"minute" ${minute} is in the future (check the gateway's clock)`;
  }
  if (time < oldest) return `"minute" ${minute} is older than the registry's usage retention`;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
    return '"count" must be an integer of at least 1';
  }
  if (count > USAGE_LIMITS.maxCount) return `"count" is larger than ${USAGE_LIMITS.maxCount}`;
  if (typeof errors !== 'number' || !Number.isInteger(errors) || errors < 0 || errors > count) {
    return '"errors" must be an integer from 0 to "count"';
  }
  return {
    operationId,
    clientName: clientName as string,
    clientVersion: clientVersion as string,
    minute: time,
    count,
    errors,
  };
}

/** ISO-8601 date and time, with an optional zone (`Z`, `+01:00`). */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Epoch ms of a row's minute, `NaN` when it is not an ISO-8601 date and time. One without a zone
 * is UTC, as the wire format says: `Date.parse` would read it in the registry's own zone, and
 * the same report would land hours apart on two registries.
 */
function parseMinute(minute: string): number {
  if (!ISO_TIME.test(minute)) return Number.NaN;
  return Date.parse(/(?:Z|[+-]\d{2}:?\d{2})$/i.test(minute) ? minute : `${minute}Z`);
}
