import {
  print,
  type ASTNode,
  type ConstDirectiveNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  type TypeNode,
} from 'graphql';
import type { ArgumentState, FieldState } from '../../subgraph/state.js';
import { inheritedAuthDirectives } from '../auth-requirements.js';
import { bool, description, directive, enumValue, name, str } from '../ast.js';
import type { SupergraphContext } from '../context.js';
import { mergeAppliedDirectives, type FeatureUsage } from './applied-directives.js';
import { mergeDescriptionOf } from './descriptions.js';
import { contextualArguments } from './context-arguments.js';
import { fieldOverrides } from './overrides.js';
import { mergeTypeReferences, sameTypeReference } from './type-references.js';

/**
 * Merges one object/interface field over the subgraphs that define it: the most general type,
 * the intersection of arguments, and the `@join__field`s telling the planner who resolves it.
 * `parentGraphs` are the subgraphs defining the parent type (a field defined in all of them, the
 * same way, needs no `@join__field`).
 */
export function mergeField(
  context: SupergraphContext,
  usage: FeatureUsage,
  parent: string,
  byGraph: ReadonlyMap<string, FieldState>,
  parentGraphs: readonly string[],
): FieldDefinitionNode | undefined {
  const { state } = context;
  const coordinate = `${parent}.${byGraph.values().next().value?.name ?? ''}`;
  const entries = [...byGraph];
  const resolving = entries.filter(([, f]) => !f.external);
  const typed = (resolving.length > 0 ? resolving : entries).map(([g, f]) => [g, f.type] as const);
  const merged = mergeTypeReferences(state, typed, 'output');
  if (!merged.type) {
    const groups = groupBy(entries.map(([g, f]) => [g, print(f.type)] as const));
    context.report(
      'FIELD_TYPE_MISMATCH',
      `Type of field "${coordinate}" is incompatible across subgraphs: it has ${groups
        .map(([t, gs]) => `type "${t}" in ${listGraphs(gs)}`)
        .join(
          ' but ',
        )}. Make the types match, or compatible (a subgraph may return a non-null or more specific type than the others).`,
      entries.map(([g, f]) => [g, f.node.type] as const),
    );
    return undefined;
  }
  const allTyped = entries.map(([g, f]) => [g, f.type] as const);
  const typesDiffer = allTyped.some(([, t]) => !sameTypeReference(t, allTyped[0]![1]));
  if (typesDiffer && merged.from) {
    compatibleTypeHint(
      context,
      'field',
      coordinate,
      merged.type,
      entries.map(([g, f]) => [g, f.type, f.node] as const),
    );
  }

  // Before the arguments: Apollo reports a field's description before those of its arguments.
  const fieldDescription = mergeDescriptionOf(
    context,
    coordinate,
    entries.map(([g, f]) => [g, f.description, f.node] as const),
  );
  const contextual = contextualArguments(byGraph);
  // Arguments of @external declarations do not shape the supergraph field: ExternalArgumentsRule
  // checks them against the resolving subgraphs' instead.
  const argSources =
    resolving.length > 0 && resolving.length < entries.length
      ? new Map([...contextual.rest].filter(([g]) => !byGraph.get(g)?.external))
      : contextual.rest;
  const args = mergeArguments(context, usage, coordinate, argSources);
  const overrides = fieldOverrides(byGraph);

  // @join__field: needed unless every subgraph of the parent defines the field, identically.
  const special = entries.some(
    ([g, f]) =>
      f.external ||
      contextual.byGraph.has(g) ||
      f.directives.some((d) => d.name === 'requires' || d.name === 'provides') ||
      overrides.overriding.has(g) ||
      overrides.overridden.has(g),
  );
  const needsJoin =
    special ||
    typesDiffer ||
    parentGraphs.some((g) => !byGraph.has(g)) ||
    parentGraphs.length === 0;
  const joinFields: ConstDirectiveNode[] = [];
  if (needsJoin) {
    for (const [g, f] of entries) {
      const status = overrides.overridden.get(g);
      if (status === 'unused') continue;
      const over = overrides.overriding.get(g);
      const requires = f.directives.find((d) => d.name === 'requires')?.args.get('fields');
      const provides = f.directives.find((d) => d.name === 'provides')?.args.get('fields');
      const label = over?.label ?? (status === 'label' ? labelFor(overrides, g) : undefined);
      joinFields.push(
        directive('join__field', [
          ['graph', enumValue(state.graphEnum.get(g) ?? g)],
          ['requires', requires],
          ['provides', provides],
          ['type', typesDiffer ? str(print(f.type)) : undefined],
          ['external', f.external ? bool(true) : undefined],
          ['override', over ? str(over.from) : undefined],
          ['usedOverridden', status === 'used' ? bool(true) : undefined],
          ['overrideLabel', label !== undefined ? str(label) : undefined],
          ['contextArguments', contextual.byGraph.get(g)],
        ]),
      );
    }
  }
  const resolvingFields = entries.filter(([, f]) => !f.external).map(([, f]) => f);
  const applied = mergeAppliedDirectives(
    [
      ...(resolvingFields.length > 0 ? resolvingFields : entries.map(([, f]) => f)),
      // An interface field is as protected as its implementations' fields.
      { directives: inheritedAuthDirectives(state, parent, entries[0]![1].name) },
    ],
    usage,
    { context, coordinate },
    { authFirst: true },
  );
  const first = entries[0]![1];
  return {
    kind: 'FieldDefinition' as FieldDefinitionNode['kind'],
    ...description(fieldDescription),
    name: name(first.name),
    ...(args.length > 0 ? { arguments: args } : {}),
    type: merged.type,
    // Apollo writes @inaccessible before the join metadata of a field, the rest after it.
    directives: [
      ...applied.filter((d) => d.name.value === 'inaccessible'),
      ...joinFields,
      ...applied.filter((d) => d.name.value !== 'inaccessible'),
    ],
  };
}

function labelFor(
  overrides: ReturnType<typeof fieldOverrides>,
  source: string,
): string | undefined {
  for (const o of overrides.overriding.values()) if (o.from === source) return o.label;
  return undefined;
}

/**
 * Arguments are merged by intersection: an optional argument missing somewhere is dropped (hint),
 * a required one is an error; types take the most restrictive; defaults must agree.
 */
export function mergeArguments(
  context: SupergraphContext,
  usage: FeatureUsage,
  coordinate: string,
  byGraph: ReadonlyMap<
    string,
    { readonly args: ReadonlyMap<string, ArgumentState>; readonly node: ASTNode }
  >,
): InputValueDefinitionNode[] {
  const order: string[] = [];
  for (const f of byGraph.values())
    for (const a of f.args.keys()) if (!order.includes(a)) order.push(a);
  const out: InputValueDefinitionNode[] = [];
  for (const argName of order) {
    const present = [...byGraph].filter(([, f]) => f.args.has(argName));
    const missing = [...byGraph].filter(([, f]) => !f.args.has(argName)).map(([g]) => g);
    const argsByGraph = present.map(([g, f]) => [g, f.args.get(argName)!] as const);
    const argCoordinate = `${coordinate}(${argName}:)`;
    if (missing.length > 0) {
      const required = argsByGraph.filter(
        ([, a]) => a.type.kind === 'NonNullType' && !a.defaultValue,
      );
      if (required.length > 0) {
        context.report(
          'REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH',
          `Argument "${argCoordinate}" is required in some subgraphs but does not appear in all subgraphs: it is required in ${listGraphs(required.map(([g]) => g))} but does not appear in ${listGraphs(missing)}. Add the argument to the field in every subgraph, or make it optional.`,
          [
            ...required.map(([g, a]) => [g, a.node] as const),
            ...missing.map((g) => [g, byGraph.get(g)?.node] as const),
          ],
        );
      } else {
        context.hint(
          'INCONSISTENT_ARGUMENT_PRESENCE',
          `Optional argument "${argCoordinate}" will not be included in the supergraph as it does not appear in all subgraphs: it is defined in ${listGraphs(argsByGraph.map(([g]) => g))} but not in ${listGraphs(missing)}.`,
          argsByGraph.map(([g, a]) => [g, a.node] as const),
        );
      }
      continue;
    }
    const merged = mergeTypeReferences(
      context.state,
      argsByGraph.map(([g, a]) => [g, a.type] as const),
      'input',
    );
    if (!merged.type) {
      const groups = groupBy(argsByGraph.map(([g, a]) => [g, print(a.type)] as const));
      context.report(
        'FIELD_ARGUMENT_TYPE_MISMATCH',
        `Type of argument "${argCoordinate}" is incompatible across subgraphs: it has ${groups
          .map(([t, gs]) => `type "${t}" in ${listGraphs(gs)}`)
          .join(' but ')}. Make the argument types match.`,
        argsByGraph.map(([g, a]) => [g, a.node] as const),
      );
      continue;
    }
    if (merged.differs) {
      compatibleTypeHint(
        context,
        'argument',
        argCoordinate,
        merged.type,
        argsByGraph.map(([g, a]) => [g, a.type, a.node] as const),
      );
    }
    const defaults = argsByGraph.map(
      ([g, a]) => [g, a.defaultValue ? print(a.defaultValue) : undefined] as const,
    );
    const withDefault = defaults.filter(([, d]) => d !== undefined);
    const distinct = new Set(withDefault.map(([, d]) => d));
    if (distinct.size > 1) {
      const groups = groupBy(withDefault.map(([g, d]) => [g, d!] as const));
      context.report(
        'FIELD_ARGUMENT_DEFAULT_MISMATCH',
        `Argument "${argCoordinate}" has incompatible default values across subgraphs: it has ${groups.map(([d, gs]) => `default value ${d} in ${listGraphs(gs)}`).join(' but ')}. Use the same default everywhere.`,
        argsByGraph.map(([g, a]) => [g, a.node] as const),
      );
      continue;
    }
    const partial = withDefault.length > 0 && withDefault.length < defaults.length;
    if (partial) {
      defaultPresenceHint(
        context,
        `Argument "${argCoordinate}"`,
        withDefault.map(([g, d]) => [g, d!] as const),
        defaults.filter(([, d]) => d === undefined).map(([g]) => g),
        argsByGraph.map(([g, a]) => [g, a.node] as const),
      );
    }
    // A default only some subgraphs apply is dropped: clients omitting the argument would get
    // different behaviour depending on the subgraph the planner picks.
    const defaultValue = partial
      ? undefined
      : argsByGraph.find(([, a]) => a.defaultValue)?.[1].defaultValue;
    out.push({
      kind: 'InputValueDefinition' as InputValueDefinitionNode['kind'],
      ...description(
        mergeDescriptionOf(
          context,
          argCoordinate,
          argsByGraph.map(([g, a]) => [g, a.description, a.node] as const),
        ),
      ),
      name: name(argName),
      type: merged.type,
      ...(defaultValue ? { defaultValue } : {}),
      directives: mergeAppliedDirectives(
        argsByGraph.map(([, a]) => a),
        usage,
        { context, coordinate: argCoordinate },
      ),
    });
  }
  return out;
}

/**
 * The INCONSISTENT_BUT_COMPATIBLE_FIELD_TYPE / _ARGUMENT_TYPE hint: which type the supergraph
 * uses and from where, then the other types grouped by subgraph. Output fields take the most
 * general type (the others are subtypes), arguments and input fields the most restrictive one.
 */
export function compatibleTypeHint(
  context: SupergraphContext,
  element: 'field' | 'input field' | 'argument',
  coordinate: string,
  chosen: TypeNode,
  types: readonly (readonly [graph: string, type: TypeNode, node: ASTNode])[],
): void {
  const printed = print(chosen);
  const from = types.filter(([, t]) => print(t) === printed).map(([g]) => g);
  const others = groupBy(
    types.filter(([, t]) => print(t) !== printed).map(([g, t]) => [g, print(t)] as const),
  );
  const relation = element === 'field' ? 'subtype' : 'supertype';
  context.hint(
    element === 'argument'
      ? 'INCONSISTENT_BUT_COMPATIBLE_ARGUMENT_TYPE'
      : 'INCONSISTENT_BUT_COMPATIBLE_FIELD_TYPE',
    `Type of ${element === 'argument' ? 'argument' : 'field'} "${coordinate}" is inconsistent but compatible across subgraphs: will use type "${printed}" (from ${listGraphs(from)}) in supergraph but "${coordinate}" has ${others.map(([t, gs]) => `${relation} "${t}" in ${listGraphs(gs)}`).join(' and ')}.`,
    types.filter(([, t]) => print(t) !== printed).map(([g, , node]) => [g, node] as const),
  );
}

/**
 * INCONSISTENT_DEFAULT_VALUE_PRESENCE: an argument or input field (`what`, quoted coordinate
 * with its kind) has a default value in some subgraphs only, so the supergraph drops it.
 */
export function defaultPresenceHint(
  context: SupergraphContext,
  what: string,
  withDefault: readonly (readonly [graph: string, printed: string])[],
  without: readonly string[],
  sites: readonly (readonly [graph: string, node: ASTNode])[],
): void {
  const coordinate = what.slice(what.indexOf('"'));
  context.hint(
    'INCONSISTENT_DEFAULT_VALUE_PRESENCE',
    `${what} has a default value in only some subgraphs: will not use a default in the supergraph (there is no default in ${listGraphs(without)}) but ${coordinate} has default value ${withDefault[0]![1]} in ${listGraphs(withDefault.map(([g]) => g))}.`,
    sites,
  );
}

/** Groups `[graph, value]` pairs by value, keeping first-seen order. */
export function groupBy(pairs: readonly (readonly [string, string])[]): [string, string[]][] {
  const map = new Map<string, string[]>();
  for (const [g, v] of pairs) {
    const list = map.get(v);
    if (list) list.push(g);
    else map.set(v, [g]);
  }
  return [...map];
}

export function listGraphs(graphs: readonly string[]): string {
  const q = graphs.map((g) => `"${g}"`);
  if (q.length <= 1) return `subgraph ${q[0] ?? ''}`;
  return `subgraphs ${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}
