import type { TypeNode } from 'graphql';
import type { SupergraphState } from '../state.js';

/**
 * Whether two type references are the same (`[T!]` and `[T!]`): what comparing their printed
 * forms says, without printing (merging compares the types of every field of every subgraph).
 */
export function sameTypeReference(a: TypeNode, b: TypeNode): boolean {
  if (a.kind === 'NamedType') return b.kind === 'NamedType' && a.name.value === b.name.value;
  return a.kind === b.kind && sameTypeReference(a.type, (b as typeof a).type);
}

/** Whether a value of type `sub` is always a valid value of type `sup` (output subtyping). */
export function isOutputSubtype(state: SupergraphState, sup: TypeNode, sub: TypeNode): boolean {
  if (sup.kind === 'NonNullType') {
    return sub.kind === 'NonNullType' && isOutputSubtype(state, sup.type, sub.type);
  }
  if (sub.kind === 'NonNullType') return isOutputSubtype(state, sup, sub.type);
  if (sup.kind === 'ListType') {
    return sub.kind === 'ListType' && isOutputSubtype(state, sup.type, sub.type);
  }
  if (sub.kind === 'ListType') return false;
  const a = sup.name.value;
  const b = sub.name.value;
  return (
    a === b ||
    (state.implementations.get(b)?.has(a) ?? false) ||
    (state.unionMembers.get(a)?.has(b) ?? false)
  );
}

/** Whether `sub` only differs from `sup` by extra non-null wrappers (input subtyping). */
export function isInputSubtype(sup: TypeNode, sub: TypeNode): boolean {
  if (sup.kind === 'NonNullType') {
    return sub.kind === 'NonNullType' && isInputSubtype(sup.type, sub.type);
  }
  if (sub.kind === 'NonNullType') return isInputSubtype(sup, sub.type);
  if (sup.kind === 'ListType') return sub.kind === 'ListType' && isInputSubtype(sup.type, sub.type);
  if (sub.kind === 'ListType') return false;
  return sup.name.value === sub.name.value;
}

/** The result of merging the types a field (or argument) has in several subgraphs. */
export interface MergedTypeReference {
  /** The supergraph type; undefined when the types are incompatible. */
  readonly type: TypeNode | undefined;
  /** The subgraph the supergraph type comes from. */
  readonly from: string | undefined;
  /** Whether the subgraphs' types are not all identical. */
  readonly differs: boolean;
}

/**
 * Output positions take the most general type (`T!` and `T` give `T`, an implementation and its
 * interface give the interface); input positions the most restrictive one (`T` and `T!` give `T!`).
 */
export function mergeTypeReferences(
  state: SupergraphState,
  types: readonly (readonly [graph: string, type: TypeNode])[],
  position: 'output' | 'input',
): MergedTypeReference {
  const first = types[0]?.[1];
  const differs = first !== undefined && types.some(([, t]) => !sameTypeReference(t, first));
  if (!differs) return { type: types[0]?.[1], from: types[0]?.[0], differs };
  for (const [graph, candidate] of types) {
    const fits = types.every(([, other]) =>
      position === 'output'
        ? isOutputSubtype(state, candidate, other)
        : isInputSubtype(other, candidate),
    );
    if (fits) return { type: candidate, from: graph, differs };
  }
  return { type: undefined, from: undefined, differs };
}
