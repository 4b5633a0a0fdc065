import { GraphQLError, Kind, parse, print, type FieldNode, type SelectionSetNode } from 'graphql';
import { namedType, type FieldState, type SubgraphState } from './state.js';

/** Parses a FieldSet string (a selection set without its braces); a string message on failure. */
export function parseFieldSet(fields: string): SelectionSetNode | string {
  try {
    const doc = parse(`{${fields}}`, { noLocation: true });
    const op = doc.definitions[0];
    if (doc.definitions.length !== 1 || op?.kind !== Kind.OPERATION_DEFINITION) {
      return 'it is not a selection set';
    }
    return op.selectionSet;
  } catch (error) {
    return error instanceof GraphQLError ? error.message : String(error);
  }
}

/** One field selected by a FieldSet, resolved against the subgraph. */
export interface FieldSetVisit {
  readonly parentType: string;
  readonly node: FieldNode;
  /** Undefined when the type has no such field in this subgraph. */
  readonly field: FieldState | undefined;
  /** True when the selection has no sub-selection. */
  readonly isLeaf: boolean;
  /** True for fields selected directly at the top of the FieldSet. */
  readonly isTopLevel: boolean;
  /** True when an enclosing selected field is `@external` in the subgraph. */
  readonly underExternal: boolean;
}

const TYPENAME = '__typename';

/**
 * Walks a FieldSet from `typeName`, calling `visit` for every selected field (except
 * `__typename`), resolved in the subgraph. Returns the messages of selections it cannot follow
 * (unknown fields, unknown type conditions, sub-selections on leaves).
 */
export function walkFieldSet(
  subgraph: SubgraphState,
  typeName: string,
  selectionSet: SelectionSetNode,
  visit: (v: FieldSetVisit) => void,
): string[] {
  const problems: string[] = [];
  const walk = (parent: string, set: SelectionSetNode, top: boolean, underExternal: boolean) => {
    const type = subgraph.types.get(parent);
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value === TYPENAME) continue;
        const field = type?.fields.get(sel.name.value);
        if (!field && (type?.kind === 'object' || type?.kind === 'interface')) {
          // An `@interfaceObject` or interface field may come from an implemented interface.
          problems.push(`Cannot query field "${sel.name.value}" on type "${parent}"`);
        } else if (!field) {
          problems.push(`Cannot query field "${sel.name.value}" on type "${parent}"`);
        }
        visit({
          parentType: parent,
          node: sel,
          field,
          isLeaf: !sel.selectionSet,
          isTopLevel: top,
          underExternal,
        });
        if (field && sel.selectionSet) {
          const target = namedType(field.type);
          const targetType = subgraph.types.get(target);
          if (!targetType || targetType.kind === 'scalar' || targetType.kind === 'enum') {
            problems.push(
              `Field "${field.name}" must not have a selection since type "${target}" has no subfields.`,
            );
          } else {
            walk(target, sel.selectionSet, false, underExternal || field.external);
          }
        } else if (field && !sel.selectionSet) {
          const targetType = subgraph.types.get(namedType(field.type));
          if (targetType && targetType.kind !== 'scalar' && targetType.kind !== 'enum') {
            problems.push(
              `Field "${parent}.${field.name}" of type "${namedType(field.type)}" must have a selection of subfields.`,
            );
          }
        }
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const cond = sel.typeCondition?.name.value ?? parent;
        if (!subgraph.types.has(cond)) {
          problems.push(`Unknown type "${cond}"`);
          continue;
        }
        walk(cond, sel.selectionSet, top, underExternal);
      } else {
        problems.push('Fragment spreads are not allowed in field sets');
      }
    }
  };
  walk(typeName, selectionSet, true, false);
  return problems;
}

/** Whether any directive is applied inside the selection set (forbidden in key/provides/requires). */
export function hasDirectiveInSelection(set: SelectionSetNode): boolean {
  return set.selections.some(
    (s) =>
      (s.directives?.length ?? 0) > 0 ||
      (s.kind !== Kind.FRAGMENT_SPREAD &&
        s.selectionSet !== undefined &&
        hasDirectiveInSelection(s.selectionSet)),
  );
}

/** The directive applications inside a selection set, printed (`@include(if: true)`), for messages. */
export function directivesInSelection(set: SelectionSetNode): string[] {
  const out: string[] = [];
  for (const s of set.selections) {
    for (const d of s.directives ?? []) out.push(print(d));
    if (s.kind !== Kind.FRAGMENT_SPREAD && s.selectionSet) {
      out.push(...directivesInSelection(s.selectionSet));
    }
  }
  return out;
}
