import { Kind, type DocumentNode } from 'graphql';
import type { SubgraphValidationContext } from '../validation-context.js';

const KIND_NAMES: Partial<Record<Kind, string>> = {
  [Kind.OBJECT_TYPE_DEFINITION]: 'ObjectType',
  [Kind.INTERFACE_TYPE_DEFINITION]: 'InterfaceType',
  [Kind.UNION_TYPE_DEFINITION]: 'UnionType',
  [Kind.ENUM_TYPE_DEFINITION]: 'EnumType',
  [Kind.INPUT_OBJECT_TYPE_DEFINITION]: 'InputObjectType',
};

const PURPOSE_VALUES = ['EXECUTION', 'SECURITY'];

/**
 * A subgraph may repeat the definitions of the types federation and link define, but as the
 * specs define them: the federation scalars (`FieldSet`, `Scope`, `Policy`,
 * `ContextFieldValue`) as scalars, `link__Purpose` with its two values.
 * Raises: TYPE_DEFINITION_INVALID.
 */
export function createTypeDefinitionsRule(document: DocumentNode) {
  return function TypeDefinitionsRule({ subgraph, report }: SubgraphValidationContext): void {
    const { links } = subgraph;
    for (const def of document.definitions) {
      if (!('name' in def) || !def.name) continue;
      const name = def.name.value;
      const kind = KIND_NAMES[def.kind];
      if (kind && links.types.has(name)) {
        report(
          'TYPE_DEFINITION_INVALID',
          `Invalid definition for type ${name}: ${name} should be a ScalarType but is defined as a ${kind}`,
          [def],
        );
      }
      if (def.kind === Kind.ENUM_TYPE_DEFINITION && name === `${links.linkPrefix}__Purpose`) {
        const values = (def.values ?? []).map((v) => v.name.value).sort();
        if (values.join() !== PURPOSE_VALUES.join()) {
          report(
            'TYPE_DEFINITION_INVALID',
            `Invalid definition for type "Purpose": expected values [${PURPOSE_VALUES.join(', ')}] but found [${values.join(', ')}].`,
            [def],
          );
        }
      }
    }
  };
}
