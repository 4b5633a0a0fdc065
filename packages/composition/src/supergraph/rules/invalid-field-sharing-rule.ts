import type { SupergraphContext } from '../context.js';
import { listGraphs } from '../merge/fields.js';
import { fieldOverrides } from '../merge/overrides.js';
import type { FieldState } from '../../subgraph/state.js';

/**
 * An object field resolved by several subgraphs must be shareable in all of them (`@shareable`,
 * or a key field); `@external` definitions do not count unless provided, and overridden sources
 * are ignored. Subscription fields may never be shared. Raises: INVALID_FIELD_SHARING.
 */
export function InvalidFieldSharingRule(context: SupergraphContext): void {
  for (const type of context.state.types.values()) {
    if (type.kind !== 'object') continue;
    const byField = new Map<string, Map<string, FieldState>>();
    for (const [g, t] of type.byGraph) {
      for (const f of t.fields.values()) {
        let m = byField.get(f.name);
        if (!m) byField.set(f.name, (m = new Map()));
        m.set(g, f);
      }
    }
    for (const [fieldName, byGraph] of byField) {
      const { overridden, overriding } = fieldOverrides(byGraph);
      const resolving = [...byGraph].filter(
        ([g, f]) => (!f.external || f.provided) && !overridden.has(g),
      );
      if (resolving.length < 2) continue;
      const coordinate = `${type.name}.${fieldName}`;
      const notShareable = resolving.filter(
        ([, f]) => (!f.shareable && !f.external) || type.name === 'Subscription',
      );
      if (notShareable.length === 0) continue;
      const typos = [...overriding.values()].filter((o) => !context.state.byName.has(o.from));
      const note =
        typos.length > 0
          ? ` (please note that "${coordinate}" has an @override directive in ${listGraphs([...overriding.keys()])} that targets an unknown subgraph so this could be due to misspelling the @override(from:) argument)`
          : '';
      const names = resolving.map(([g]) => g);
      const bad = notShareable.map(([g]) => g);
      const badPart = bad.length === names.length ? 'in all of them' : `in ${listGraphs(bad)}`;
      context.report(
        'INVALID_FIELD_SHARING',
        type.name === 'Subscription'
          ? `Fields on root level subscription object cannot be marked as shareable: "${coordinate}" is resolved by ${listGraphs(names)}.`
          : `Non-shareable field "${coordinate}" is resolved from multiple subgraphs: it is resolved from ${listGraphs(names)} and defined as non-shareable ${badPart}${note}. Mark it @shareable in every subgraph that resolves it, or resolve it in only one subgraph.`,
        resolving.map(([g, f]) => [g, f.node] as const),
      );
    }
  }
}
