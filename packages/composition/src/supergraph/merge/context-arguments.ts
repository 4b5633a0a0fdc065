import { Kind, print, type ConstValueNode } from 'graphql';
import { fromContextValue, parseContextFieldValue } from '../../subgraph/context-field.js';
import type { ArgumentState, FieldState } from '../../subgraph/state.js';
import { str } from '../ast.js';

/**
 * Arguments set by `@fromContext` leave the supergraph field: each subgraph's `@join__field`
 * lists them as `contextArguments` (context names prefixed with the subgraph, as `@context`
 * names are), and the remaining arguments merge as usual.
 */
export function contextualArguments(byGraph: ReadonlyMap<string, FieldState>): {
  readonly byGraph: ReadonlyMap<string, ConstValueNode>;
  readonly rest: ReadonlyMap<
    string,
    { readonly args: ReadonlyMap<string, ArgumentState>; readonly node: FieldState['node'] }
  >;
} {
  const contextualNames = new Set<string>();
  const lists = new Map<string, ConstValueNode>();
  for (const [g, f] of byGraph) {
    const values: ConstValueNode[] = [];
    for (const arg of f.args.values()) {
      const field = fromContextValue(arg);
      if (field === undefined) continue;
      contextualNames.add(arg.name);
      const parsed = parseContextFieldValue(field);
      if (!parsed) continue;
      values.push({
        kind: Kind.OBJECT,
        fields: [
          ['context', `${g}__${parsed.context}`],
          ['name', arg.name],
          ['type', print(arg.type)],
          ['selection', parsed.selection],
        ].map(([k, v]) => ({
          kind: Kind.OBJECT_FIELD,
          name: { kind: Kind.NAME, value: k! },
          value: str(v!),
        })),
      });
    }
    if (values.length > 0) lists.set(g, { kind: Kind.LIST, values });
  }
  if (contextualNames.size === 0) return { byGraph: lists, rest: byGraph };
  const rest = new Map(
    [...byGraph].map(([g, f]) => [
      g,
      {
        node: f.node,
        args: new Map([...f.args].filter(([n]) => !contextualNames.has(n))),
      },
    ]),
  );
  return { byGraph: lists, rest };
}
