import type { SchemaChangeCode, SchemaChangeSeverity } from './codes.js';

/**
 * Details of a change, for checks and UIs. Plain JSON: every value is a string or `true`.
 * Only the keys that apply to a change are present.
 */
export interface SchemaChangeMeta {
  /**
   * The removed field, argument, input field or enum value was `@deprecated` in the old schema.
   * The change stays `breaking` (operations that still use it fail); checks may treat it more
   * softly, as clients were warned.
   */
  readonly deprecated?: true;
  /** Type changes: the old and new type references (`[String!]`) or kinds (`OBJECT`). */
  readonly oldType?: string;
  readonly newType?: string;
  /** Default values (printed as GraphQL literals) and deprecation reasons, old and new. */
  readonly oldValue?: string;
  readonly newValue?: string;
  /** Union membership: the member type added or removed (the coordinate is the union). */
  readonly member?: string;
  /** Interface implementation: the interface (the coordinate is the implementing type). */
  readonly interface?: string;
  /** Directive locations: the location added or removed (`FIELD`, `OBJECT`). */
  readonly location?: string;
  /** Root type changes: the operation type (`query`, `mutation`, `subscription`). */
  readonly operation?: string;
}

/**
 * One change between two API schemas: the same shape as `SchemaChange` in
 * `@orrery/registry-client`'s wire types (plus the optional `meta`), kept here so composition
 * does not depend on the client.
 */
export interface SchemaChange {
  /** Stable code (docs/checks.md): Apollo's `ChangeCode` where it has one. */
  readonly code: SchemaChangeCode;
  readonly severity: SchemaChangeSeverity;
  /**
   * The schema coordinate the change is about: `Type`, `Type.field`, `Type.field(arg:)`,
   * `Input.field`, `Enum.VALUE`, `@directive` or `@directive(arg:)`.
   */
  readonly coordinate: string;
  /** A sentence for people, naming the coordinate. */
  readonly message: string;
  readonly meta?: SchemaChangeMeta;
}

/** Collects changes while the schemas are walked; `sorted()` gives the deterministic result. */
export class ChangeList {
  private readonly changes: SchemaChange[] = [];

  add(
    code: SchemaChangeCode,
    severity: SchemaChangeSeverity,
    coordinate: string,
    message: string,
    meta?: SchemaChangeMeta,
  ): void {
    // An empty meta (a removal of something that was not deprecated) is left out.
    this.changes.push(
      meta === undefined || Object.keys(meta).length === 0
        ? { code, severity, coordinate, message }
        : { code, severity, coordinate, message, meta },
    );
  }

  /**
   * By coordinate, then code, then message (one type leaving two interfaces gives two changes
   * with the same coordinate and code). Plain code-unit comparison, not `localeCompare`, so the
   * order is the same on every machine.
   */
  sorted(): SchemaChange[] {
    return [...this.changes].sort(
      (a, b) =>
        compare(a.coordinate, b.coordinate) ||
        compare(a.code, b.code) ||
        compare(a.message, b.message),
    );
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
