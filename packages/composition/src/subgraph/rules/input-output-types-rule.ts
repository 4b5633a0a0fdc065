import { Kind, type DocumentNode, type TypeNode } from 'graphql';
import { namedType } from '../state.js';
import { kindName } from '../type-kinds.js';
import type { SubgraphValidationContext } from '../validation-context.js';

const INPUT_KINDS: ReadonlySet<string> = new Set(['ScalarType', 'EnumType', 'InputObjectType']);
const OUTPUT_KINDS: ReadonlySet<string> = new Set([
  'ScalarType',
  'EnumType',
  'ObjectType',
  'InterfaceType',
  'UnionType',
]);

/**
 * Fields return output types; arguments, input fields and directive arguments take input types.
 * Raises: INVALID_GRAPHQL.
 */
export function createInputOutputTypesRule(document: DocumentNode) {
  return function InputOutputTypesRule({ subgraph, report }: SubgraphValidationContext): void {
    const check = (coordinate: string, type: TypeNode, input: boolean) => {
      const name = namedType(type);
      const kind = kindName(subgraph, name);
      if (kind === undefined || (input ? INPUT_KINDS : OUTPUT_KINDS).has(kind)) return;
      report(
        'INVALID_GRAPHQL',
        `The type of "${coordinate}" must be ${input ? 'Input' : 'Output'} Type but got "${name}", a ${kind}.`,
        [type],
      );
    };
    for (const type of subgraph.types.values()) {
      for (const field of type.fields.values()) {
        const coordinate = `${type.name}.${field.name}`;
        check(coordinate, field.node.type, type.kind === 'input');
        for (const arg of field.args.values()) {
          check(`${coordinate}(${arg.name}:)`, arg.node.type, true);
        }
      }
    }
    for (const def of document.definitions) {
      if (def.kind !== Kind.DIRECTIVE_DEFINITION) continue;
      if (!subgraph.directiveDefinitions.has(def.name.value)) continue;
      for (const arg of def.arguments ?? []) {
        check(`@${def.name.value}(${arg.name.value}:)`, arg.type, true);
      }
    }
  };
}
