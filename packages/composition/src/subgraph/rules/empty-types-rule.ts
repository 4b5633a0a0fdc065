import type { SubgraphValidationContext } from '../validation-context.js';

/**
 * Objects, interfaces and input objects have fields, unions members and enums values. The query
 * root is exempt: federation adds `_service` to it. Raises: INVALID_GRAPHQL.
 */
export function EmptyTypesRule({ subgraph, report }: SubgraphValidationContext): void {
  for (const type of subgraph.types.values()) {
    let message: string | undefined;
    if ((type.kind === 'object' || type.kind === 'interface') && type.fields.size === 0) {
      if (type.name !== 'Query') message = `Type ${type.name} must define one or more fields.`;
    } else if (type.kind === 'input' && type.fields.size === 0) {
      message = `Input Object type ${type.name} must define one or more fields.`;
    } else if (type.kind === 'union' && type.members.length === 0) {
      message = `Union type ${type.name} must define one or more member types.`;
    } else if (type.kind === 'enum' && type.values.size === 0) {
      message = `Enum type ${type.name} must define one or more values.`;
    }
    if (message) report('INVALID_GRAPHQL', message, [type.nodes[0]]);
  }
}
