import { stringArgument } from '../../subgraph/state.js';
import type { SupergraphContext } from '../context.js';

/**
 * The source of an `@override` cannot itself override the field, and cannot be external there.
 * An unknown source subgraph is only a hint. Raises: OVERRIDE_SOURCE_HAS_OVERRIDE,
 * OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE, hints FROM_SUBGRAPH_DOES_NOT_EXIST,
 * OVERRIDE_DIRECTIVE_CAN_BE_REMOVED, OVERRIDDEN_FIELD_CAN_BE_REMOVED.
 */
export function OverrideSourceRule(context: SupergraphContext): void {
  for (const type of context.state.types.values()) {
    for (const [g, t] of type.byGraph) {
      for (const field of t.fields.values()) {
        const d = field.directives.find((x) => x.name === 'override');
        const from = d ? stringArgument(d, 'from') : undefined;
        if (!d || from === undefined || from === g) continue;
        const coordinate = `${type.name}.${field.name}`;
        if (!context.state.byName.has(from)) {
          context.hint(
            'FROM_SUBGRAPH_DOES_NOT_EXIST',
            `Source subgraph "${from}" for field "${coordinate}" on subgraph "${g}" does not exist. Did you mean ${[
              ...context.state.byName.keys(),
            ]
              .filter((n) => n !== g)
              .map((n) => `"${n}"`)
              .join(', ')}?`,
            [[g, d.node]],
          );
          continue;
        }
        const source = context.state.byName.get(from)?.types.get(type.name)?.fields.get(field.name);
        if (!source) {
          context.hint(
            'OVERRIDE_DIRECTIVE_CAN_BE_REMOVED',
            `Field "${coordinate}" on subgraph "${g}" no longer exists in the from subgraph. The @override directive can be removed.`,
            [[g, d.node]],
          );
          continue;
        }
        const sourceOverride = source.directives.find((x) => x.name === 'override');
        const label = stringArgument(d, 'label');
        if (!sourceOverride && !source.external && !source.usedInFieldSet && label === undefined) {
          context.hint(
            'OVERRIDDEN_FIELD_CAN_BE_REMOVED',
            `Field "${coordinate}" on subgraph "${from}" is overridden. Consider removing it.`,
            [[from, source.node]],
          );
        }
        if (sourceOverride) {
          context.report(
            'OVERRIDE_SOURCE_HAS_OVERRIDE',
            `Field "${coordinate}" on subgraph "${g}" is also marked with directive @override in subgraph "${from}". Only one @override directive is allowed per field.`,
            [
              [g, d.node],
              [from, sourceOverride.node],
            ],
          );
        } else if (source.external) {
          context.report(
            'OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE',
            `Field "${coordinate}" on subgraph "${g}" is marked with @override but the overridden field on subgraph "${from}" is marked @external: remove @override, or mark the source field as resolvable.`,
            [
              [g, d.node],
              [from, source.node],
            ],
          );
        }
      }
    }
  }
}
