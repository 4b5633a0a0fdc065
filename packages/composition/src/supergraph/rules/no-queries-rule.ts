import type { SupergraphContext } from '../context.js';

/** The supergraph must have at least one query field. Raises: NO_QUERIES. */
export function NoQueriesRule(context: SupergraphContext): void {
  const query = context.state.types.get('Query');
  const hasField = query && [...query.byGraph.values()].some((t) => t.fields.size > 0);
  if (!hasField) {
    context.report(
      'NO_QUERIES',
      'No queries found in any subgraph: a supergraph must have a query root type.',
      [],
    );
  }
}
