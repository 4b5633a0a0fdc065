/**
 * Shapes the client response from the merged subgraph data by walking the compiled
 * {@link OperationShape}: response names and order as the client asked, `__typename` filled in,
 * and GraphQL's null propagation: a null (or missing value) in a non-null position makes the
 * nearest nullable parent null, and an error marks where it started unless a subgraph error
 * already covers that path.
 *
 * @module
 */
import { graphQLError, type GraphQLErrorJson } from '../errors.js';
import { NULL_ENTITY } from './data.js';
import type { ObjectShape, OperationShape, ShapeField, TypeLevel } from './shape.js';

/** Marks a value that must become null in the nearest nullable parent. */
const BUBBLE: unique symbol = Symbol('bubble');
type Completed = unknown | typeof BUBBLE;

export interface ShapedResponse {
  data: Record<string, unknown> | null;
  errors: GraphQLErrorJson[];
}

/**
 * Walks `shape` over `data`. `errors` (the subgraph and fetch errors so far) is extended with
 * completion errors; `introspection` holds the already-executed `__schema`/`__type` root fields.
 */
export function shapeResponse(
  shape: OperationShape,
  data: Record<string, unknown>,
  errors: GraphQLErrorJson[],
  introspection?: Record<string, unknown>,
): ShapedResponse {
  const walker = new Walker(errors, introspection);
  const out = walker.object(shape.root, data, true);
  return { data: out === BUBBLE ? null : (out as Record<string, unknown>), errors };
}

class Walker {
  /** The current response path; copied only when an error needs it. */
  private readonly path: (string | number)[] = [];
  private covered: { full: Set<string>; prefixes: Set<string> } | undefined;

  constructor(
    private readonly errors: GraphQLErrorJson[],
    private readonly introspection: Record<string, unknown> | undefined,
  ) {}

  object(shape: ObjectShape, source: Record<string, unknown>, isRoot = false): Completed {
    const out: Record<string, unknown> = {};
    const fields = shape.fields;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i]!;
      if (field.kind === 'typename') {
        out[field.responseName] = shape.typeName;
        continue;
      }
      const raw =
        isRoot && field.kind === 'introspection'
          ? this.introspection?.[field.responseName]
          : source[field.responseName];
      this.path.push(field.responseName);
      const value = this.value(field, field.type, raw);
      this.path.pop();
      if (value === BUBBLE) return BUBBLE;
      out[field.responseName] = value;
    }
    return out;
  }

  private value(field: ShapeField, level: TypeLevel, raw: unknown): Completed {
    if (
      raw === null ||
      raw === undefined ||
      (typeof raw === 'object' && NULL_ENTITY in (raw as object))
    ) {
      if (level.nonNull) {
        this.nonNullViolation(field);
        return BUBBLE;
      }
      return null;
    }
    const completed = this.nonNullValue(field, level, raw);
    if (completed === null && level.nonNull) {
      this.nonNullViolation(field);
      return BUBBLE;
    }
    if (completed === BUBBLE) {
      // The item or field below was non-null and null: this level takes the null if it can.
      return level.nonNull ? BUBBLE : null;
    }
    return completed;
  }

  private nonNullValue(field: ShapeField, level: TypeLevel, raw: unknown): Completed {
    if (level.item) {
      if (!Array.isArray(raw)) return this.invalid(field, 'a list');
      const out = new Array<unknown>(raw.length);
      for (let i = 0; i < raw.length; i++) {
        this.path.push(i);
        const item = this.value(field, level.item, raw[i]);
        this.path.pop();
        if (item === BUBBLE) return BUBBLE;
        out[i] = item;
      }
      return out;
    }
    switch (field.kind) {
      case 'leaf':
      case 'introspection':
        return raw;
      case 'enum':
        return typeof raw === 'string' && field.enumValues!.has(raw)
          ? raw
          : this.invalid(field, 'a value of its enum');
      default: {
        if (typeof raw !== 'object' || Array.isArray(raw)) return this.invalid(field, 'an object');
        const child = field.child!;
        const source = raw as Record<string, unknown>;
        const typename = child.abstract ? source['__typename'] : child.typeName;
        const shape = typeof typename === 'string' ? child.forType(typename) : undefined;
        // A runtime type the API schema does not know (an @inaccessible implementation) is
        // invisible to clients: the field is null, as if the object did not exist.
        if (!shape) return null;
        return this.object(shape, source);
      }
    }
  }

  private invalid(field: ShapeField, expected: string): null {
    this.covered = undefined;
    this.errors.push(
      graphQLError(
        'ERR_GATEWAY_INVALID_VALUE',
        `Invalid value for ${field.coordinate}: expected ${expected}.`,
        { path: [...this.path] },
      ),
    );
    return null;
  }

  private nonNullViolation(field: ShapeField): void {
    if (this.isCovered()) return;
    this.errors.push(
      graphQLError(
        'ERR_GATEWAY_NON_NULL_VIOLATION',
        `Cannot return null for non-nullable field ${field.coordinate}.`,
        { path: [...this.path] },
      ),
    );
  }

  /** True when an error already reported sits at, above or below the current path. */
  private isCovered(): boolean {
    if (this.errors.length === 0) return false;
    if (!this.covered) {
      const full = new Set<string>();
      const prefixes = new Set<string>();
      for (const error of this.errors) {
        if (!error.path) continue;
        let key = '';
        for (const element of error.path) {
          key += `${element}\u0000`;
          prefixes.add(key);
        }
        full.add(key);
      }
      this.covered = { full, prefixes };
    }
    let key = '';
    for (const element of this.path) {
      key += `${element}\u0000`;
      if (this.covered.full.has(key)) return true;
    }
    return this.covered.prefixes.has(key);
  }
}
