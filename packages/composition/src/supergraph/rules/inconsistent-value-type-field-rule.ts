import { ROOT_TYPE_NAMES } from '../../subgraph/state.js';
import type { SupergraphContext } from '../context.js';
import { listGraphs } from '../merge/fields.js';

/**
 * A field of a value type (an object or interface with no `@key` anywhere) that only some of the
 * subgraphs defining the type declare: the others cannot return it, which is legal but easy to
 * miss. Raises the hints INCONSISTENT_OBJECT_VALUE_TYPE_FIELD and
 * INCONSISTENT_INTERFACE_VALUE_TYPE_FIELD.
 */
export function InconsistentValueTypeFieldRule(context: SupergraphContext): void {
  for (const type of context.state.types.values()) {
    if (type.kind !== 'object' && type.kind !== 'interface') continue;
    if ((ROOT_TYPE_NAMES as readonly string[]).includes(type.name)) continue;
    const defs = [...type.byGraph];
    if (defs.length < 2 || defs.some(([, t]) => t.kind !== type.kind || t.keys.length > 0)) {
      continue;
    }
    const fieldNames = new Set<string>();
    for (const [, t] of defs) for (const f of t.fields.keys()) fieldNames.add(f);
    const what = type.kind === 'object' ? 'non-entity object type' : 'interface type';
    for (const fieldName of fieldNames) {
      const having = defs.filter(([, t]) => t.fields.has(fieldName));
      if (having.length === defs.length) continue;
      const missing = defs.filter(([, t]) => !t.fields.has(fieldName)).map(([g]) => g);
      const coordinate = `${type.name}.${fieldName}`;
      context.hint(
        type.kind === 'object'
          ? 'INCONSISTENT_OBJECT_VALUE_TYPE_FIELD'
          : 'INCONSISTENT_INTERFACE_VALUE_TYPE_FIELD',
        `Field "${coordinate}" of ${what} "${type.name}" is defined in some but not all subgraphs that define "${type.name}": "${coordinate}" is defined in ${listGraphs(having.map(([g]) => g))} but not in ${listGraphs(missing)}.`,
        having.map(([g, t]) => [g, t.fields.get(fieldName)?.node] as const),
      );
    }
  }
}
