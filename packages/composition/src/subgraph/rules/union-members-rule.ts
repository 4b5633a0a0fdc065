import { kindName } from '../type-kinds.js';
import type { SubgraphValidationContext } from '../validation-context.js';

/** Union members are object types. Raises: INVALID_GRAPHQL. */
export function UnionMembersRule({ subgraph, report }: SubgraphValidationContext): void {
  for (const type of subgraph.types.values()) {
    if (type.kind !== 'union') continue;
    for (const member of type.members) {
      const kind = kindName(subgraph, member);
      if (kind === undefined || kind === 'ObjectType') continue;
      report(
        'INVALID_GRAPHQL',
        `Cannot add non-object type ${member} (of type ${kind}) as member of union type ${type.name}`,
        [type.nodes[0]],
      );
    }
  }
}
