import type { SubgraphValidationContext } from '../validation-context.js';

/**
 * Interface fields cannot be `@external`, `@shareable` or `@override`n: an interface field is
 * resolved by its implementations. Raises: EXTERNAL_ON_INTERFACE, INVALID_SHAREABLE_USAGE,
 * OVERRIDE_ON_INTERFACE.
 */
export function InterfaceFieldDirectivesRule({
  subgraph,
  report,
}: SubgraphValidationContext): void {
  for (const type of subgraph.types.values()) {
    if (type.kind !== 'interface') continue;
    for (const field of type.fields.values()) {
      const coordinate = `${type.name}.${field.name}`;
      for (const d of field.directives) {
        if (d.name === 'external') {
          report(
            'EXTERNAL_ON_INTERFACE',
            `Interface type field "${coordinate}" is marked @external but @external is not allowed on interface fields (it is nonsensical).`,
            [d.node],
          );
        } else if (d.name === 'shareable') {
          report(
            'INVALID_SHAREABLE_USAGE',
            `Invalid use of @shareable on field "${coordinate}": only object type fields can be marked with @shareable`,
            [d.node],
          );
        } else if (d.name === 'override') {
          report(
            'OVERRIDE_ON_INTERFACE',
            `@override cannot be used on field "${coordinate}" on subgraph "${subgraph.name}": @override is not supported on interface type fields.`,
            [d.node],
          );
        }
      }
    }
    for (const d of type.directives) {
      if (d.name === 'shareable') {
        report(
          'INVALID_SHAREABLE_USAGE',
          `Invalid use of @shareable on interface "${type.name}": only object types can be marked with @shareable`,
          [d.node],
        );
      }
    }
  }
}
