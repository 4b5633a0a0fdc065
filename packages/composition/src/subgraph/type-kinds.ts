import type { SubgraphState, TypeKind } from './state.js';

const KIND_NAMES: Readonly<Record<TypeKind, string>> = {
  object: 'ObjectType',
  interface: 'InterfaceType',
  union: 'UnionType',
  enum: 'EnumType',
  input: 'InputObjectType',
  scalar: 'ScalarType',
};

const BUILT_IN_SCALARS: ReadonlySet<string> = new Set(['Int', 'Float', 'String', 'Boolean', 'ID']);

/**
 * The kind of a type as composition's GraphQL messages name it (`ObjectType`, ...), or
 * undefined for a type the subgraph does not define (federation types, unknown ones).
 */
export function kindName(subgraph: SubgraphState, name: string): string | undefined {
  if (BUILT_IN_SCALARS.has(name)) return 'ScalarType';
  const type = subgraph.types.get(name);
  return type ? KIND_NAMES[type.kind] : undefined;
}
