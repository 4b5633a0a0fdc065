import type { SubgraphValidationContext } from '../validation-context.js';

/**
 * An `@external` field must be used: by a `@key`, `@requires` or `@provides` of this subgraph, or
 * to implement an interface field. Raises: EXTERNAL_UNUSED.
 */
export function ExternalUnusedRule({ subgraph, report }: SubgraphValidationContext): void {
  for (const type of subgraph.types.values()) {
    if (type.kind !== 'object') continue;
    for (const field of type.fields.values()) {
      if (!field.external || field.usedInFieldSet) continue;
      report(
        'EXTERNAL_UNUSED',
        `Field "${type.name}.${field.name}" is marked @external but is not used in any federation directive (@key, @provides, @requires) or to satisfy an interface; the field declaration has no use and should be removed (or the field should not be @external).`,
        [field.node],
      );
    }
  }
}
