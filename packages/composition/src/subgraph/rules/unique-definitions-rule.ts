import { Kind } from 'graphql';
import type { SubgraphValidationContext } from '../validation-context.js';

/**
 * A type is defined once (extensions aside) and a field once across the type's definition and
 * extensions, as GraphQL requires. Enum values and arguments are not checked: composition
 * merges repeated ones. Raises: INVALID_GRAPHQL.
 */
export function UniqueDefinitionsRule({ subgraph, report }: SubgraphValidationContext): void {
  for (const type of subgraph.types.values()) {
    const definitions = type.nodes.filter((n) => !n.kind.endsWith('Extension'));
    if (definitions.length > 1) {
      report('INVALID_GRAPHQL', `There can be only one type named "${type.name}"`, definitions);
    }
    const seen = new Set<string>();
    for (const node of type.nodes) {
      if (node.kind === Kind.ENUM_TYPE_DEFINITION || node.kind === Kind.ENUM_TYPE_EXTENSION)
        continue;
      if (!('fields' in node)) continue;
      for (const field of node.fields ?? []) {
        const name = field.name.value;
        if (seen.has(name)) {
          report('INVALID_GRAPHQL', `Field ${name} already exists on ${type.name}`, [field]);
        }
        seen.add(name);
      }
    }
  }
}
