import type { SubgraphValidationContext } from '../validation-context.js';

/**
 * When an interface has a `@key` in a subgraph, every implementation of it in that subgraph must
 * have the same key, resolvable. Raises: INTERFACE_KEY_NOT_ON_IMPLEMENTATION.
 */
export function InterfaceKeyOnImplementationsRule({
  subgraph,
  report,
}: SubgraphValidationContext): void {
  for (const type of subgraph.types.values()) {
    if (type.kind !== 'object' && type.kind !== 'interface') continue;
    for (const iface of type.interfaces) {
      const interfaceType = subgraph.types.get(iface);
      if (!interfaceType || interfaceType.keys.length === 0) continue;
      for (const key of interfaceType.keys) {
        if (type.kind === 'interface') continue;
        const normalised = normalise(key.fields);
        const found = type.keys.some((k) => k.resolvable && normalise(k.fields) === normalised);
        if (!found) {
          report(
            'INTERFACE_KEY_NOT_ON_IMPLEMENTATION',
            `Key @key(fields: "${key.fields}") on interface type "${iface}" is missing on implementation type "${type.name}".`,
            [type.nodes[0], key.directive.node],
          );
        }
      }
    }
  }
}

function normalise(fields: string): string {
  return fields
    .replace(/[\s,]+/g, ' ')
    .replace(/\s*([{}])\s*/g, '$1')
    .trim();
}
