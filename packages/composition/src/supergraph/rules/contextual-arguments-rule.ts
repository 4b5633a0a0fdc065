import { Kind } from 'graphql';
import { hasDirective, type ArgumentState } from '../../subgraph/state.js';
import type { SupergraphContext, Site } from '../context.js';

/**
 * An argument set by `@fromContext` in one subgraph leaves the supergraph field, so where another
 * subgraph declares it as a plain argument clients can no longer pass it: an error when it is
 * required there (non-null, no default), otherwise an INFO hint. Raises:
 * CONTEXTUAL_ARGUMENT_NOT_CONTEXTUAL_IN_ALL_SUBGRAPHS (both, as Apollo; the registry gives the
 * code level `error` and `hintLevel` `info`).
 */
export function ContextualArgumentsRule(context: SupergraphContext): void {
  for (const type of context.state.types.values()) {
    if (type.kind !== 'object' && type.kind !== 'interface') continue;
    const fieldNames = new Set([...type.byGraph.values()].flatMap((t) => [...t.fields.keys()]));
    for (const fieldName of fieldNames) {
      const args = new Map<string, [graph: string, arg: ArgumentState][]>();
      for (const [graph, t] of type.byGraph) {
        for (const arg of t.fields.get(fieldName)?.args.values() ?? []) {
          args.set(arg.name, [...(args.get(arg.name) ?? []), [graph, arg]]);
        }
      }
      for (const [argName, defs] of args) {
        const contextual = defs.filter(([, a]) => hasDirective(a, 'fromContext'));
        const plain = defs.filter(([, a]) => !hasDirective(a, 'fromContext'));
        if (contextual.length === 0 || plain.length === 0) continue;
        const coordinate = `${type.name}.${fieldName}(${argName}:)`;
        const sites: Site[] = defs.map(([g, a]) => [g, a.node]);
        const required = plain.some(
          ([, a]) => a.type.kind === Kind.NON_NULL_TYPE && a.defaultValue === undefined,
        );
        if (required) {
          context.report(
            'CONTEXTUAL_ARGUMENT_NOT_CONTEXTUAL_IN_ALL_SUBGRAPHS',
            `Argument "${coordinate}" is contextual in at least one subgraph but in "${coordinate}" it does not have @fromContext, is not nullable and has no default value.`,
            sites,
          );
        } else {
          context.hint(
            'CONTEXTUAL_ARGUMENT_NOT_CONTEXTUAL_IN_ALL_SUBGRAPHS',
            `Contextual argument "${coordinate}" will not be included in the supergraph since it is contextual in at least one subgraph`,
            sites,
          );
        }
      }
    }
  }
}
