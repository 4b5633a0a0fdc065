import type { DocumentNode, TypeNode } from 'graphql';
import { Kind } from 'graphql';
import { isFederationTypeName } from '../build-state.js';
import { namedType } from '../state.js';
import type { SubgraphValidationContext } from '../validation-context.js';

const BUILT_IN_SCALARS: ReadonlySet<string> = new Set(['Int', 'Float', 'String', 'Boolean', 'ID']);

/**
 * Every type a subgraph references (field, argument and input field types, implemented
 * interfaces, union members, directive argument types) is defined in it, built in, or added by
 * federation. Raises: INVALID_GRAPHQL ("Unknown type X", as composition words it).
 */
export function createKnownTypesRule(document: DocumentNode) {
  return function KnownTypesRule({ subgraph, report }: SubgraphValidationContext): void {
    const { types, links } = subgraph;
    // Custom root names are renamed in the state: the original names are known too.
    const originals = new Set(subgraph.originalRoots.values());
    const known = (name: string) =>
      types.has(name) ||
      BUILT_IN_SCALARS.has(name) ||
      originals.has(name) ||
      isFederationTypeName(name, links);
    const checkType = (type: TypeNode) => {
      const name = namedType(type);
      if (!known(name)) report('INVALID_GRAPHQL', `Unknown type ${name}`, [type]);
    };
    for (const type of types.values()) {
      for (const node of type.nodes) {
        if ('interfaces' in node) {
          for (const i of node.interfaces ?? []) {
            if (!known(i.name.value)) {
              report('INVALID_GRAPHQL', `Cannot implement unknown type ${i.name.value}`, [i]);
            }
          }
        }
        if (node.kind === Kind.UNION_TYPE_DEFINITION || node.kind === Kind.UNION_TYPE_EXTENSION) {
          for (const m of node.types ?? []) {
            if (!known(m.name.value)) {
              report(
                'INVALID_GRAPHQL',
                `Cannot add unknown type ${m.name.value} as member of union type ${type.name}`,
                [m],
              );
            }
          }
        }
      }
      for (const field of type.fields.values()) {
        checkType(field.node.type);
        for (const arg of field.args.values()) checkType(arg.node.type);
      }
    }
    for (const def of document.definitions) {
      if (def.kind !== Kind.DIRECTIVE_DEFINITION) continue;
      if (!subgraph.directiveDefinitions.has(def.name.value)) continue;
      for (const arg of def.arguments ?? []) checkType(arg.type);
    }
  };
}
