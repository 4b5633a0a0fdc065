import { print } from 'graphql';
import type { FieldState } from '../../subgraph/state.js';
import type { SupergraphContext } from '../context.js';
import { listGraphs } from '../merge/fields.js';
import { isOutputSubtype } from '../merge/type-references.js';

/**
 * An `@external` field must be resolved (non-external) in some other subgraph, with a type the
 * external declaration is compatible with. Raises: EXTERNAL_MISSING_ON_BASE, EXTERNAL_TYPE_MISMATCH.
 */
export function ExternalMissingOnBaseRule(context: SupergraphContext): void {
  for (const type of context.state.types.values()) {
    if (type.kind !== 'object' && type.kind !== 'interface') continue;
    // Each field's definitions in subgraph order, fields in order of first appearance: one pass,
    // where looking each field up in every subgraph of the type is quadratic on shared types.
    const byField = new Map<string, [string, FieldState][]>();
    for (const [g, t] of type.byGraph) {
      for (const [fieldName, f] of t.fields) {
        const defs = byField.get(fieldName);
        if (defs) defs.push([g, f]);
        else byField.set(fieldName, [[g, f]]);
      }
    }
    for (const [fieldName, defs] of byField) {
      const externals = defs.filter(([, f]) => f.external);
      if (externals.length === 0) continue;
      const coordinate = `${type.name}.${fieldName}`;
      const bases = defs.filter(([, f]) => !f.external);
      if (bases.length === 0) {
        context.report(
          'EXTERNAL_MISSING_ON_BASE',
          `Field "${coordinate}" is marked @external on all the subgraphs in which it is listed (${listGraphs(externals.map(([g]) => g))}). Define it without @external in the subgraph that resolves it.`,
          externals.map(([g, f]) => [g, f.node] as const),
        );
        continue;
      }
      for (const [g, ext] of externals) {
        const compatible = bases.every(([, b]) => isOutputSubtype(context.state, b.type, ext.type));
        if (compatible) continue;
        context.report(
          'EXTERNAL_TYPE_MISMATCH',
          `Type of field "${coordinate}" is incompatible across subgraphs (where marked @external): it has type "${print(bases[0]![1].type)}" in ${listGraphs(bases.map(([b]) => b))} but type "${print(ext.type)}" in subgraph "${g}". Make the @external declaration's type match the resolving subgraph's.`,
          [[g, ext.node], ...bases.map(([b, f]) => [b, f.node] as const)],
        );
      }
    }
  }
}
