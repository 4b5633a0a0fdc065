import type { ContextArgument } from '@orrery/core';
import { type ArgumentNode, Kind } from 'graphql';
import { PlanLimitError } from '../limits.js';
import type { DataRewrite } from '../query-plan.js';
import type { FetchGroup } from './fetch-group.js';
import type { PlanWalker, Position } from './walk.js';

/** What an entity fetch gets for a field's `@fromContext` arguments. */
export interface ContextValues {
  /** The fetch's extra variables, with their types as the supergraph prints them. */
  readonly variables: readonly { readonly name: string; readonly type: string }[];
  /** Where the gateway reads each variable's value, relative to the entity. */
  readonly rewrites: readonly DataRewrite[];
  /** The arguments to add to the field, each passing its variable. */
  readonly arguments: readonly ArgumentNode[];
}

/**
 * `@fromContext` arguments: each context's selection is fetched at the nearest type above that
 * sets the context (by the fetch there, or by fetches it then needs: dependencies), and passed
 * to the entity fetch as a variable `contextualArgument_<subgraph index>_<i>` read through a
 * `contextRewrites` path (`..` per field level up, then `... on Setter`, then the fields), as
 * Apollo's planner names and writes them.
 */
export function contextValues(
  walker: PlanWalker,
  pos: Position,
  subgraph: string,
  field: string,
  args: readonly ContextArgument[],
  dependencies: FetchGroup[],
): ContextValues {
  const variables: { name: string; type: string }[] = [];
  const rewrites: DataRewrite[] = [];
  const argumentNodes: ArgumentNode[] = [];
  for (const arg of args) {
    let scope = pos.contexts;
    while (scope && !scope.names.includes(arg.context)) scope = scope.outer;
    if (!scope) {
      throw new PlanLimitError(
        'ERR_PLAN_UNSATISFIABLE',
        `Cannot plan "@fromContext" argument "${arg.name}" at "${pos.path.join('.')}": no type above it in the operation sets context "${arg.context}".`,
      );
    }
    const setter = scope.position;
    const selection = walker.schema.contextSelection(setter.vertex.type, arg.selection);
    const touched = new Set<FetchGroup>();
    // The rewrite's `... on Setter` step is checked against the setter's __typename.
    setter.sink.typename();
    walker.walkSelections({ ...setter, touched, plannerAdded: true }, selection.selections);
    for (const g of touched) {
      if (g !== pos.group && !dependencies.includes(g)) dependencies.push(g);
    }
    const name = walker.schema.contextVariable(subgraph, pos.vertex.type, field, arg.name);
    variables.push({ name, type: arg.type });
    const up = fieldDepth(pos.path) - fieldDepth(setter.path);
    rewrites.push({
      kind: 'KeyRenamer',
      path: [...Array<string>(up).fill('..'), `... on ${setter.vertex.type}`, ...selection.path],
      renameKeyTo: name,
    });
    argumentNodes.push({
      kind: Kind.ARGUMENT,
      name: { kind: Kind.NAME, value: arg.name },
      value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } },
    });
  }
  return { variables, rewrites, arguments: argumentNodes };
}

/** The number of field levels in a response path (list levels, `@`, do not count). */
function fieldDepth(path: readonly string[]): number {
  let n = 0;
  for (const p of path) if (p !== '@') n++;
  return n;
}
