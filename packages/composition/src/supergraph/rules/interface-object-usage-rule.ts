import type { SupergraphContext } from '../context.js';

/**
 * An `@interfaceObject` type must stand for an interface that some subgraph defines with a
 * `@key`. Raises: INTERFACE_OBJECT_USAGE_ERROR.
 */
export function InterfaceObjectUsageRule(context: SupergraphContext): void {
  for (const type of context.state.types.values()) {
    const objects = [...type.byGraph].filter(([, t]) =>
      t.directives.some((d) => d.name === 'interfaceObject'),
    );
    if (objects.length === 0) continue;
    const interfaces = [...type.byGraph].filter(([, t]) => t.kind === 'interface');
    if (interfaces.length === 0) {
      context.report(
        'INTERFACE_OBJECT_USAGE_ERROR',
        `Type "${type.name}" is declared with @interfaceObject in ${objects.map(([g]) => `subgraph "${g}"`).join(', ')} but is not defined as an interface in any subgraph: an @interfaceObject type must be an interface with a @key in some other subgraph.`,
        objects.map(([g, t]) => [g, t.nodes[0]] as const),
      );
    }
  }
}
