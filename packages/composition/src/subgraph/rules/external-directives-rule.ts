import { print } from 'graphql';
import type { SubgraphValidationContext } from '../validation-context.js';

/** Directives whose applications are merged into the supergraph: meaningless on a field this subgraph does not resolve. */
const MERGED_DIRECTIVES: ReadonlySet<string> = new Set([
  'tag',
  'inaccessible',
  'authenticated',
  'requiresScopes',
  'policy',
  'cost',
  'listSize',
]);

/**
 * An `@external` field is resolved elsewhere: it cannot carry directives composition merges into
 * the supergraph (`@tag`, `@inaccessible`, the authorization and demand-control directives), nor `@provides` (there is nothing it resolves to
 * provide from). Raises: MERGED_DIRECTIVE_APPLICATION_ON_EXTERNAL,
 * EXTERNAL_COLLISION_WITH_ANOTHER_DIRECTIVE.
 * See https://www.apollographql.com/docs/graphos/reference/federation/directives#external
 */
export function ExternalDirectivesRule({ subgraph, report }: SubgraphValidationContext): void {
  for (const type of subgraph.types.values()) {
    if (type.kind !== 'object') continue;
    for (const field of type.fields.values()) {
      if (!field.external) continue;
      const coordinate = `${type.name}.${field.name}`;
      for (const d of field.directives) {
        if (MERGED_DIRECTIVES.has(d.name)) {
          report(
            'MERGED_DIRECTIVE_APPLICATION_ON_EXTERNAL',
            `Cannot apply merged directive ${print(d.node)} to external field "${coordinate}": put it on the field in the subgraph that resolves it.`,
            [d.node],
          );
        } else if (d.name === 'provides') {
          report(
            'EXTERNAL_COLLISION_WITH_ANOTHER_DIRECTIVE',
            `Cannot have both @provides and @external on field "${coordinate}": remove @external if this subgraph resolves the field, or move @provides to the subgraph that does.`,
            [d.node, ...field.directives.filter((x) => x.name === 'external').map((x) => x.node)],
          );
        }
      }
    }
  }
}
