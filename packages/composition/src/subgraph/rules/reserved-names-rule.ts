import type { NameNode } from 'graphql';
import type { SubgraphValidationContext } from '../validation-context.js';

/** Names starting with `__` belong to introspection. Raises: INVALID_GRAPHQL. */
export function ReservedNamesRule({ subgraph, report }: SubgraphValidationContext): void {
  const check = (name: NameNode | undefined) => {
    if (!name?.value.startsWith('__')) return;
    report(
      'INVALID_GRAPHQL',
      `Name "${name.value}" must not begin with "__", which is reserved by GraphQL introspection.`,
      [name],
    );
  };
  for (const type of subgraph.types.values()) {
    check(type.nodes[0]?.name);
    for (const field of type.fields.values()) {
      check(field.node.name);
      for (const arg of field.args.values()) check(arg.node.name);
    }
  }
}
