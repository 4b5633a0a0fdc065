/**
 * Variance of type references, the heart of the field/argument rules:
 *
 * - a value a server *returns* may get stricter: `String` to `String!`, `[Int]` to `[Int!]!`.
 *   Clients prepared for null still work when null never comes;
 * - a value a client *sends* may get looser: `Int!` to `Int`. Every value that was accepted
 *   still is.
 *
 * Anything else (another named type, a list added or removed, `!` the wrong way) is breaking.
 *
 * @module
 */
import {
  isListType,
  isNonNullType,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLType,
} from 'graphql';

/**
 * True when `stricter` is `looser` with `!` added at zero or more levels (so equal references
 * count too): every value valid for `stricter` is valid for `looser`.
 */
export function isStricterOrEqual(looser: GraphQLType, stricter: GraphQLType): boolean {
  if (isNonNullType(looser)) {
    return isNonNullType(stricter) && isStricterOrEqual(looser.ofType, stricter.ofType);
  }
  if (isNonNullType(stricter)) return isStricterOrEqual(looser, stricter.ofType);
  if (isListType(looser)) {
    return isListType(stricter) && isStricterOrEqual(looser.ofType, stricter.ofType);
  }
  return !isListType(stricter) && looser.name === stricter.name;
}

/** An output position (field type): safe when the new type is the old one or stricter. */
export function isSafeOutputChange(
  oldType: GraphQLOutputType,
  newType: GraphQLOutputType,
): boolean {
  return isStricterOrEqual(oldType, newType);
}

/** An input position (argument, input field): safe when the new type is the old one or looser. */
export function isSafeInputChange(oldType: GraphQLInputType, newType: GraphQLInputType): boolean {
  return isStricterOrEqual(newType, oldType);
}

/** `Int` to `Int!`, exactly: Apollo's `ARG_CHANGED_TYPE_OPTIONAL_TO_REQUIRED`. */
export function isOptionalToRequired(
  oldType: GraphQLInputType,
  newType: GraphQLInputType,
): boolean {
  return (
    !isNonNullType(oldType) && isNonNullType(newType) && sameReference(oldType, newType.ofType)
  );
}

/** The same reference, compared by printed form (`[String!]`): named types by name. */
export function sameReference(a: GraphQLType, b: GraphQLType): boolean {
  return String(a) === String(b);
}
