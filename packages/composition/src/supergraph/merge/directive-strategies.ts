import { Kind, print, type ConstDirectiveNode, type ConstValueNode } from 'graphql';
import type { AppliedDirective } from '../../subgraph/state.js';
import { directive } from '../ast.js';

type Strategy = 'max' | 'nullableMax' | 'nullableUnion' | 'nullableAnd';

/**
 * How the demand-control directives merge when subgraphs apply them with different arguments
 * (the cost spec's strategies), with each argument's default, in definition order.
 */
const STRATEGIES: ReadonlyMap<
  string,
  readonly (readonly [arg: string, strategy: Strategy, fallback?: ConstValueNode])[]
> = new Map([
  ['cost', [['weight', 'max']]],
  [
    'listSize',
    [
      ['assumedSize', 'nullableMax'],
      ['slicingArguments', 'nullableUnion'],
      ['sizedFields', 'nullableUnion'],
      ['requireOneSlicingArgument', 'nullableAnd', { kind: Kind.BOOLEAN, value: true }],
    ],
  ],
]);

/**
 * Merges the applications of `@cost` or `@listSize` argument by argument (defaults applied
 * first); undefined for directives without strategies.
 */
export function mergeArgumentsByStrategy(
  name: string,
  applications: readonly AppliedDirective[],
): ConstDirectiveNode | undefined {
  const strategies = STRATEGIES.get(name);
  if (!strategies) return undefined;
  const args: [string, ConstValueNode | undefined][] = [];
  for (const [arg, strategy, fallback] of strategies) {
    const values = applications
      .map((d) => d.args.get(arg) ?? fallback)
      .filter((v): v is ConstValueNode => v !== undefined && v.kind !== Kind.NULL);
    args.push([arg, combine(strategy, values)]);
  }
  return directive(name, args);
}

const STRATEGY_NAMES: Readonly<Record<Strategy, string>> = {
  max: 'MAX',
  nullableMax: 'NULLABLE_MAX',
  nullableUnion: 'NULLABLE_UNION',
  nullableAnd: 'NULLABLE_AND',
};

/** `{ "weight": MAX }`: the strategies of a directive's arguments, as hints name them. */
export function strategiesDescription(name: string): string {
  const strategies = STRATEGIES.get(name) ?? [];
  return `{ ${strategies.map(([arg, strategy]) => `"${arg}": ${STRATEGY_NAMES[strategy]}`).join(', ')} }`;
}

function combine(
  strategy: Strategy,
  values: readonly ConstValueNode[],
): ConstValueNode | undefined {
  if (values.length === 0) return undefined;
  switch (strategy) {
    case 'max':
    case 'nullableMax': {
      const ints = values.filter((v) => v.kind === Kind.INT);
      const best = ints.reduce<ConstValueNode | undefined>(
        (acc, v) =>
          acc?.kind === Kind.INT && v.kind === Kind.INT && Number(acc.value) >= Number(v.value)
            ? acc
            : v,
        undefined,
      );
      return best;
    }
    case 'nullableUnion': {
      const items: ConstValueNode[] = [];
      const seen = new Set<string>();
      for (const v of values) {
        for (const item of v.kind === Kind.LIST ? v.values : [v]) {
          const key = print(item);
          if (seen.has(key)) continue;
          seen.add(key);
          items.push(item);
        }
      }
      return { kind: Kind.LIST, values: items };
    }
    case 'nullableAnd':
      return {
        kind: Kind.BOOLEAN,
        value: values.every((v) => v.kind === Kind.BOOLEAN && v.value),
      };
  }
}
