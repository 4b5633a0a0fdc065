import { Kind } from 'graphql';
import type { SubgraphValidationContext } from '../validation-context.js';

/**
 * After the Federation 1 upgrade removes unused `@external` fields, a type left with no field at
 * all, but still referenced, cannot be expressed in Federation 2 (unreferenced ones are simply
 * removed by the upgrade). Raises: TYPE_WITH_ONLY_UNUSED_EXTERNAL.
 * See https://www.apollographql.com/docs/graphos/reference/migration/to-federation-version-2
 */
export function TypeWithOnlyUnusedExternalRule({
  subgraph,
  report,
}: SubgraphValidationContext): void {
  if (!subgraph.isFed1) return;
  for (const type of subgraph.types.values()) {
    if (type.kind !== 'object' || type.fields.size > 0) continue;
    const declared = type.nodes.some(
      (n) =>
        (n.kind === Kind.OBJECT_TYPE_DEFINITION || n.kind === Kind.OBJECT_TYPE_EXTENSION) &&
        (n.fields?.length ?? 0) > 0,
    );
    if (!declared) continue;
    report(
      'TYPE_WITH_ONLY_UNUSED_EXTERNAL',
      `Type ${type.name} contains only external fields and all those fields are all unused (they do not appear in any @key, @provides or @requires). Remove the type and its uses, or give it a field this subgraph resolves.`,
      [type.nodes[0]],
    );
  }
}
