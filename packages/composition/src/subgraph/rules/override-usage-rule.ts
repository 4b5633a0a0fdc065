import { directivesNamed, stringArgument } from '../state.js';
import type { SubgraphValidationContext } from '../validation-context.js';

const LABEL = /^[a-zA-Z][a-zA-Z0-9_\-:./]*$/;
const PERCENT = /^percent\((\d{1,2}(\.\d{1,8})?|100)\)$/;

/**
 * `@override(from:)` cannot name the subgraph it is in, cannot be combined with `@external`, and
 * its `label` must be a valid label or `percent(x)`. Raises: OVERRIDE_FROM_SELF_ERROR,
 * OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE, OVERRIDE_LABEL_INVALID.
 */
export function OverrideUsageRule({ subgraph, report }: SubgraphValidationContext): void {
  for (const type of subgraph.types.values()) {
    if (type.kind !== 'object') continue;
    for (const field of type.fields.values()) {
      for (const d of directivesNamed(field, 'override')) {
        const coordinate = `${type.name}.${field.name}`;
        const from = stringArgument(d, 'from');
        if (from === subgraph.name) {
          report(
            'OVERRIDE_FROM_SELF_ERROR',
            `Source and destination subgraphs "${from}" are the same for overridden field "${coordinate}"`,
            [d.node],
          );
        }
        if (field.external) {
          report(
            'OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE',
            `@override cannot be used on field "${coordinate}" on subgraph "${subgraph.name}" since "${coordinate}" on "${subgraph.name}" is marked with directive "@external"`,
            [d.node],
          );
        }
        const label = stringArgument(d, 'label');
        if (label !== undefined && !LABEL.test(label) && !PERCENT.test(label)) {
          report(
            'OVERRIDE_LABEL_INVALID',
            `Invalid @override label "${label}" on field "${coordinate}" on subgraph "${subgraph.name}": labels must start with a letter and after that may contain alphanumerics, underscores, minuses, colons, periods, or slashes. Alternatively, labels may be of the form "percent(x)" where x is a float between 0-100 inclusive.`,
            [d.node],
          );
        }
      }
    }
  }
}
