/**
 * Descriptions and deprecations: metadata that never changes which operations are valid, so
 * every change here is `safe`. They are still reported: the registry's launch summary and
 * `@deprecated` workflows (deprecate, watch usage, remove) rely on them.
 *
 * @module
 */
import type { ChangeList } from './change.js';
import type { SchemaChangeCode } from './codes.js';

/** Reports a description added, changed or removed (`label` is "Field `T.f`", ...). */
export function diffDescription(
  changes: ChangeList,
  code: SchemaChangeCode,
  coordinate: string,
  label: string,
  oldDescription: string | null | undefined,
  newDescription: string | null | undefined,
): void {
  const before = oldDescription ?? undefined;
  const after = newDescription ?? undefined;
  if (before === after) return;
  const what = before === undefined ? 'was added' : after === undefined ? 'was removed' : 'changed';
  changes.add(code, 'safe', coordinate, `Description of ${label} ${what}.`);
}

/** The three deprecation codes of one kind of element. */
export interface DeprecationCodes {
  readonly deprecated: SchemaChangeCode;
  readonly removed: SchemaChangeCode;
  readonly reasonChanged: SchemaChangeCode;
}

export const FIELD_DEPRECATION: DeprecationCodes = {
  deprecated: 'FIELD_DEPRECATED',
  removed: 'FIELD_DEPRECATION_REMOVED',
  reasonChanged: 'FIELD_DEPRECATED_REASON_CHANGE',
};

export const ARG_DEPRECATION: DeprecationCodes = {
  deprecated: 'ARG_DEPRECATED',
  removed: 'ARG_DEPRECATION_REMOVED',
  reasonChanged: 'ARG_DEPRECATED_REASON_CHANGE',
};

export const ENUM_VALUE_DEPRECATION: DeprecationCodes = {
  deprecated: 'ENUM_DEPRECATED',
  removed: 'ENUM_DEPRECATION_REMOVED',
  reasonChanged: 'ENUM_DEPRECATED_REASON_CHANGE',
};

/**
 * Reports `@deprecated` added, removed, or its reason changed. A deprecation reason of
 * null/undefined means "not deprecated" (graphql-js fills in "No longer supported" when
 * `@deprecated` has no reason).
 */
export function diffDeprecation(
  changes: ChangeList,
  codes: DeprecationCodes,
  coordinate: string,
  label: string,
  oldReason: string | null | undefined,
  newReason: string | null | undefined,
): void {
  const before = oldReason ?? undefined;
  const after = newReason ?? undefined;
  if (before === after) return;
  if (before === undefined && after !== undefined) {
    changes.add(
      codes.deprecated,
      'safe',
      coordinate,
      `${label} was deprecated (reason: "${after}").`,
      {
        newValue: after,
      },
    );
  } else if (before !== undefined && after === undefined) {
    changes.add(codes.removed, 'safe', coordinate, `${label} is no longer deprecated.`, {
      oldValue: before,
    });
  } else if (before !== undefined && after !== undefined) {
    changes.add(
      codes.reasonChanged,
      'safe',
      coordinate,
      `Deprecation reason of ${lowerFirst(label)} changed from "${before}" to "${after}".`,
      { oldValue: before, newValue: after },
    );
  }
}

/** `{ deprecated: true }` when the element was deprecated, for removal changes. */
export function deprecatedMeta(reason: string | null | undefined): { deprecated?: true } {
  return reason == null ? {} : { deprecated: true };
}

/** "Field `T.f`" to "field `T.f`", for a label in the middle of a sentence. */
export function lowerFirst(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}
