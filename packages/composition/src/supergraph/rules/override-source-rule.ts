import {
  stringArgument,
  type AppliedDirective,
  type FieldState,
  type TypeState,
} from '../../subgraph/state.js';
import type { SupergraphContext } from '../context.js';

/**
 * The source of an `@override` cannot itself override the field; an unknown source subgraph, a
 * source that no longer has the field or only declares it `@external`, and an override in progress
 * (with a `label`) are hints. Raises: OVERRIDE_SOURCE_HAS_OVERRIDE, hints
 * FROM_SUBGRAPH_DOES_NOT_EXIST, OVERRIDE_DIRECTIVE_CAN_BE_REMOVED, OVERRIDDEN_FIELD_CAN_BE_REMOVED,
 * OVERRIDE_MIGRATION_IN_PROGRESS.
 */
export function OverrideSourceRule(context: SupergraphContext): void {
  for (const type of context.state.types.values()) {
    // Most types have no @override: skip them before the field-by-subgraph walk below, which is
    // quadratic on types many subgraphs define (Query, shared entities).
    const overrides = (t: TypeState) =>
      [...t.fields.values()].some((f) => f.directives.some((x) => x.name === 'override'));
    if (![...type.byGraph.values()].some(overrides)) continue;
    // Field by field in supergraph order (as Apollo reports them), then subgraph by subgraph.
    const fieldNames = new Set<string>();
    for (const t of type.byGraph.values()) for (const f of t.fields.keys()) fieldNames.add(f);
    for (const fieldName of fieldNames) {
      for (const [g, t] of type.byGraph) {
        const field = t.fields.get(fieldName);
        const d = field?.directives.find((x) => x.name === 'override');
        const from = d ? stringArgument(d, 'from') : undefined;
        if (!field || !d || from === undefined || from === g) continue;
        checkOverride(context, type.name, g, field, d, from);
      }
    }
  }
}

function checkOverride(
  context: SupergraphContext,
  typeName: string,
  g: string,
  field: FieldState,
  d: AppliedDirective,
  from: string,
): void {
  const coordinate = `${typeName}.${field.name}`;
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
    return;
  }
  const sourceType = context.state.byName.get(from)?.types.get(typeName);
  const source = sourceType?.fields.get(field.name);
  if (!sourceType || !source) {
    context.hint(
      'OVERRIDE_DIRECTIVE_CAN_BE_REMOVED',
      `Field "${coordinate}" on subgraph "${g}" no longer exists in the from subgraph. The @override directive can be removed.`,
      [[g, d.node]],
    );
    return;
  }
  const sourceOverride = source.directives.find((x) => x.name === 'override');
  if (sourceOverride) {
    context.report(
      'OVERRIDE_SOURCE_HAS_OVERRIDE',
      `Field "${coordinate}" on subgraph "${g}" is also marked with directive @override in subgraph "${from}". Only one @override directive is allowed per field.`,
      [
        [g, d.node],
        [from, sourceOverride.node],
      ],
    );
    return;
  }
  // An external source resolves nothing: there is nothing to take over (not an error in Apollo).
  if (source.external) {
    context.hint(
      'OVERRIDE_DIRECTIVE_CAN_BE_REMOVED',
      `Field "${coordinate}" on subgraph "${g}" is not resolved anymore by the from subgraph (it is marked "@external" in "${from}"). The @override directive can be removed.`,
      [
        [g, d.node],
        [from, source.node],
      ],
    );
  }
  const label = stringArgument(d, 'label');
  // The source field is still needed where a key, @requires or @provides selects it, or where it
  // implements an interface field of the source subgraph.
  const stillUsed =
    source.usedInFieldSet ||
    sourceType.interfaces.some((i) =>
      context.state.byName.get(from)?.types.get(i)?.fields.has(field.name),
    );
  if (label !== undefined) {
    context.hint(
      'OVERRIDE_MIGRATION_IN_PROGRESS',
      stillUsed
        ? `Field "${coordinate}" on subgraph "${from}" is currently being migrated via progressive @override. It is still used in some federation directive(s) (@key, @requires, and/or @provides) and/or to satisfy interface constraint(s). Once the migration is complete, consider marking it @external explicitly or removing it along with its references.`
        : `Field "${coordinate}" is currently being migrated with progressive @override. Once the migration is complete, remove the field from subgraph "${from}".`,
      [
        [g, d.node],
        [from, source.node],
      ],
    );
  } else if (!source.external) {
    context.hint(
      'OVERRIDDEN_FIELD_CAN_BE_REMOVED',
      stillUsed
        ? `Field "${coordinate}" on subgraph "${from}" is overridden. It is still used in some federation directive(s) (@key, @requires, and/or @provides) and/or to satisfy interface constraint(s), but consider marking it @external explicitly or removing it along with its references.`
        : `Field "${coordinate}" on subgraph "${from}" is overridden. Consider removing it.`,
      [[from, source.node]],
    );
  }
}
