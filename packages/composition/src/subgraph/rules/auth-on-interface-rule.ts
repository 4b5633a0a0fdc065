import type { AppliedDirective } from '../state.js';
import type { SubgraphValidationContext } from '../validation-context.js';

const AUTH = new Set(['authenticated', 'requiresScopes', 'policy']);

/**
 * Authorization directives cannot be put on interfaces, interface fields or `@interfaceObject`
 * types (since federation 2.9: the requirements of an interface field come from its
 * implementations). Raises: AUTH_REQUIREMENTS_APPLIED_ON_INTERFACE.
 */
export function AuthOnInterfaceRule({ subgraph, report }: SubgraphValidationContext): void {
  const invalid = (d: AppliedDirective, what: string) =>
    report(
      'AUTH_REQUIREMENTS_APPLIED_ON_INTERFACE',
      `Invalid use of @${d.name} on ${what}: @${d.name} cannot be applied on interfaces, interface fields and interface objects`,
      [d.node],
    );
  for (const type of subgraph.types.values()) {
    const isInterfaceObject = type.directives.some((d) => d.name === 'interfaceObject');
    if (type.kind !== 'interface' && !isInterfaceObject) continue;
    const what = isInterfaceObject ? 'interface object' : 'interface';
    for (const d of type.directives) if (AUTH.has(d.name)) invalid(d, `${what} "${type.name}"`);
    if (isInterfaceObject) continue;
    for (const field of type.fields.values()) {
      for (const d of field.directives) {
        if (AUTH.has(d.name)) invalid(d, `field "${type.name}.${field.name}"`);
      }
    }
  }
}
