/**
 * Request bodies and parameters: reading a body up to the size limit (413 past it, without
 * buffering the rest), parsing it as a JSON object, and small typed field readers that turn a
 * wrong type into `400 BAD_REQUEST` naming the field, so the service only ever sees well-typed
 * requests.
 *
 * @module
 */
import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { HttpError } from './errors.js';

const gunzipAsync = promisify(gunzip);

export type JsonObject = Readonly<Record<string, unknown>>;

const badRequest = (message: string): HttpError => new HttpError('BAD_REQUEST', message);

function tooLarge(limit: number): HttpError {
  return new HttpError(
    'PAYLOAD_TOO_LARGE',
    `The request body is larger than the registry's limit of ${limit} bytes.`,
    // The rest of the body is not read: the connection cannot be reused.
    { connection: 'close' },
  );
}

/**
 * Reads the whole body, refusing it once it exceeds `limit` bytes (or declares it will). A
 * `content-encoding: gzip` body (gateways compress usage reports) is decompressed, and its
 * decompressed size is held to the same limit, so a small gzip bomb cannot expand unchecked.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const encoding = String(req.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip' && encoding !== 'x-gzip') {
    // Refused before reading: the unread body makes the connection unusable, as for a 413.
    throw new HttpError(
      'BAD_REQUEST',
      `Unsupported content-encoding "${encoding}": send gzip or no encoding.`,
      { connection: 'close' },
    );
  }
  const raw = await readRawBody(req, limit);
  if (encoding === 'identity') return raw;
  try {
    return await gunzipAsync(raw, { maxOutputLength: limit });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(limit);
    throw badRequest('The request body is not valid gzip data.');
  }
}

async function readRawBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

/** Parses a body as a JSON object; an empty body is `{}` (every field is then missing). */
export function parseJsonObject(body: Buffer): JsonObject {
  const text = body.toString('utf8');
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('The request body must be a JSON object.');
  }
  return value as JsonObject;
}

// ---- Field readers ---------------------------------------------------------------------------

export function requiredString(body: JsonObject, key: string): string {
  const value = body[key];
  if (typeof value !== 'string') throw badRequest(`"${key}" is required and must be a string.`);
  return value;
}

export function optionalString(body: JsonObject, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`"${key}" must be a string.`);
  return value;
}

export function optionalInteger(body: JsonObject, key: string): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw badRequest(`"${key}" must be an integer.`);
  }
  return value;
}

export function optionalBoolean(body: JsonObject, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw badRequest(`"${key}" must be a boolean.`);
  return value;
}

export function optionalStringArray(body: JsonObject, key: string): string[] | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw badRequest(`"${key}" must be an array of strings.`);
  }
  return value as string[];
}

export function optionalObject(body: JsonObject, key: string): JsonObject | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest(`"${key}" must be an object.`);
  }
  return value as JsonObject;
}

/** A query-string integer such as `?limit=20`; absent or empty is `undefined`. */
export function queryInteger(
  query: URLSearchParams,
  key: string,
  range: { readonly min: number; readonly max: number },
): number | undefined {
  const raw = query.get(key);
  if (raw === null || raw === '') return undefined;
  const value = Number(raw);
  if (
    !/^\d+$/.test(raw) ||
    !Number.isSafeInteger(value) ||
    value < range.min ||
    value > range.max
  ) {
    throw badRequest(`"${key}" must be an integer from ${range.min} to ${range.max}.`);
  }
  return value;
}

/**
 * Drops the `undefined` properties of an object literal, so a request built from optional
 * fields satisfies `exactOptionalPropertyTypes` (absent, never `undefined`).
 */
export function defined<T extends object>(value: { [K in keyof T]: T[K] | undefined }): T {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = item;
  return out as T;
}
