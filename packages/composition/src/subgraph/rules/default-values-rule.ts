import { Kind, print, type ConstValueNode, type DocumentNode, type TypeNode } from 'graphql';
import type { SubgraphValidationContext } from '../validation-context.js';
import { isValidValue, printValue } from '../values.js';

/**
 * Default values of arguments, input fields and directive arguments fit their types.
 * Raises: INVALID_GRAPHQL.
 */
export function createDefaultValuesRule(document: DocumentNode) {
  return function DefaultValuesRule({ subgraph, report }: SubgraphValidationContext): void {
    const check = (what: string, value: ConstValueNode | undefined, type: TypeNode) => {
      if (!value || isValidValue(value, type, subgraph.types)) return;
      report(
        'INVALID_GRAPHQL',
        `Invalid default value (got: ${printValue(value)}) provided for ${what} of type ${print(type)}.`,
        [value],
      );
    };
    for (const type of subgraph.types.values()) {
      for (const field of type.fields.values()) {
        const coordinate = `${type.name}.${field.name}`;
        if (type.kind === 'input')
          check(`input field ${coordinate}`, field.defaultValue, field.type);
        for (const arg of field.args.values()) {
          check(`argument ${coordinate}(${arg.name}:)`, arg.defaultValue, arg.type);
        }
      }
    }
    for (const def of document.definitions) {
      if (def.kind !== Kind.DIRECTIVE_DEFINITION) continue;
      if (!subgraph.directiveDefinitions.has(def.name.value)) continue;
      for (const arg of def.arguments ?? []) {
        check(`argument @${def.name.value}(${arg.name.value}:)`, arg.defaultValue, arg.type);
      }
    }
  };
}
