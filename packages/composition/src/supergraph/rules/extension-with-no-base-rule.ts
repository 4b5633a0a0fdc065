import type { SupergraphContext } from '../context.js';

/**
 * A type cannot exist only as extensions (`extend type` or `@extends`) in every subgraph that
 * has it: something must define it. Root types are exempt. Raises: EXTENSION_WITH_NO_BASE.
 */
export function ExtensionWithNoBaseRule(context: SupergraphContext): void {
  for (const type of context.state.types.values()) {
    if (['Query', 'Mutation', 'Subscription'].includes(type.name)) continue;
    const defs = [...type.byGraph];
    // Fed 1 subgraphs were upgraded (extensions became definitions), so their raw nodes decide.
    const isExtensionOnly = ([, t]: (typeof defs)[number]) =>
      t.nodes.every((n) => n.kind.endsWith('Extension'));
    if (!defs.every(isExtensionOnly)) continue;
    for (const [g, t] of defs) {
      context.report(
        'EXTENSION_WITH_NO_BASE',
        `[${g}] Type "${type.name}" is an extension type, but there is no type definition for "${type.name}" in any subgraph.`,
        [[g, t.nodes[0]]],
      );
    }
  }
}
