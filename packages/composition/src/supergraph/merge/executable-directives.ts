import { DirectiveLocation, Kind, type DirectiveDefinitionNode, type NameNode } from 'graphql';
import type { AppliedDirective, ArgumentState, SubgraphState } from '../../subgraph/state.js';
import { description, name } from '../ast.js';
import type { SupergraphContext } from '../context.js';
import type { SupergraphState } from '../state.js';
import type { FeatureUsage } from './applied-directives.js';
import { mergeDescriptionOf } from './descriptions.js';
import { listGraphs, mergeArguments } from './fields.js';

const EXECUTABLE_LOCATIONS: ReadonlySet<string> = new Set([
  DirectiveLocation.QUERY,
  DirectiveLocation.MUTATION,
  DirectiveLocation.SUBSCRIPTION,
  DirectiveLocation.FIELD,
  DirectiveLocation.FRAGMENT_DEFINITION,
  DirectiveLocation.FRAGMENT_SPREAD,
  DirectiveLocation.INLINE_FRAGMENT,
  DirectiveLocation.VARIABLE_DEFINITION,
]);

/** One subgraph's definition of an executable directive. */
export interface ExecutableDefinition {
  readonly graph: string;
  readonly node: DirectiveDefinitionNode;
  /** Its executable locations, sorted (type-system locations do not reach the supergraph). */
  readonly locations: readonly string[];
  /** Its arguments, as the argument merger reads them. */
  readonly args: ReadonlyMap<string, ArgumentState>;
}

/** An executable directive and its definition in each subgraph defining it (in subgraph order). */
export interface ExecutableDirective {
  readonly name: string;
  readonly definitions: readonly ExecutableDefinition[];
}

/**
 * The directives some subgraph defines with an executable location (`FIELD`, `QUERY`, ...), in
 * order of first such definition; `@composeDirective`d ones are merged as type-system directives
 * instead. A subgraph defining the name with type-system locations only still counts as defining
 * it (with no executable location).
 */
export function executableDirectives(
  state: SupergraphState,
  composed: ReadonlyMap<string, unknown> | undefined,
): ExecutableDirective[] {
  const names: string[] = [];
  for (const s of state.subgraphs) {
    for (const [n, def] of s.directiveDefinitions) {
      if (composed?.has(n) || names.includes(n)) continue;
      if (def.locations.some((l) => EXECUTABLE_LOCATIONS.has(l.value))) names.push(n);
    }
  }
  return names.map((n) => ({
    name: n,
    definitions: state.subgraphs.flatMap((s) => {
      const node = s.directiveDefinitions.get(n);
      return node ? [readDefinition(s, node)] : [];
    }),
  }));
}

function readDefinition(s: SubgraphState, node: DirectiveDefinitionNode): ExecutableDefinition {
  const locations = node.locations
    .map((l) => l.value)
    .filter((l) => EXECUTABLE_LOCATIONS.has(l))
    .sort();
  const args = new Map<string, ArgumentState>();
  for (const arg of node.arguments ?? []) {
    args.set(arg.name.value, {
      name: arg.name.value,
      type: arg.type,
      defaultValue: arg.defaultValue,
      description: arg.description?.value,
      directives: (arg.directives ?? []).map((d): AppliedDirective => ({
        name: s.links.directives.get(d.name.value) ?? d.name.value,
        args: new Map((d.arguments ?? []).map((a) => [a.name.value, a.value])),
        node: d,
        onExtension: false,
        graph: s.name,
      })),
      node: arg,
    });
  }
  return { graph: s.name, node, locations, args };
}

/**
 * Executable directive definitions merge by intersection, as in Apollo: kept only when the
 * subgraphs defining them share a location and every subgraph defines them, with the locations common to all, repeatable only when repeatable
 * everywhere, and the arguments merged like field arguments. Raises the hints
 * INCONSISTENT_EXECUTABLE_DIRECTIVE_PRESENCE, NO_EXECUTABLE_DIRECTIVE_INTERSECTION,
 * INCONSISTENT_EXECUTABLE_DIRECTIVE_REPEATABLE and INCONSISTENT_EXECUTABLE_DIRECTIVE_LOCATIONS
 * (and the argument merger's codes).
 */
export function mergeExecutableDirectives(
  context: SupergraphContext,
  usage: FeatureUsage,
): DirectiveDefinitionNode[] {
  const out: DirectiveDefinitionNode[] = [];
  const all = context.state.subgraphs.map((s) => s.name);
  for (const directive of executableDirectives(context.state, usage.composed)) {
    const defs = directive.definitions;
    const label = `"@${directive.name}"`;
    const sites = defs.map((d) => [d.graph, d.node] as const);
    const locations = defs[0]!.locations.filter((l) => defs.every((d) => d.locations.includes(l)));
    if (locations.length === 0) {
      context.hint(
        'NO_EXECUTABLE_DIRECTIVE_INTERSECTION',
        `Executable directive ${label} has no location that is common to all subgraphs: it will not appear in the supergraph as there no intersection between ${locationGroups(defs, []).join(' and ')}.`,
        sites,
      );
      continue;
    }
    if (defs.length < all.length) {
      const missing = all.filter((g) => !defs.some((d) => d.graph === g));
      context.hint(
        'INCONSISTENT_EXECUTABLE_DIRECTIVE_PRESENCE',
        `Executable directive ${label} will not be part of the supergraph as it does not appear in all subgraphs: it is defined in ${listGraphs(defs.map((d) => d.graph))} but not in ${listGraphs(missing)}.`,
        sites,
      );
      continue;
    }
    const merged = mergeDescriptionOf(
      context,
      `@${directive.name}`,
      defs.map((d) => [d.graph, d.node.description?.value, d.node] as const),
    );
    const repeatable = defs.every((d) => d.node.repeatable);
    if (!repeatable && defs.some((d) => d.node.repeatable)) {
      const not = defs.filter((d) => !d.node.repeatable).map((d) => d.graph);
      const is = defs.filter((d) => d.node.repeatable).map((d) => d.graph);
      context.hint(
        'INCONSISTENT_EXECUTABLE_DIRECTIVE_REPEATABLE',
        `Executable directive ${label} will not be marked repeatable in the supergraph as it is inconsistently marked repeatable in subgraphs: it is not repeatable in ${listGraphs(not)} but is repeatable in ${listGraphs(is)}.`,
        sites,
      );
    }
    if (defs.some((d) => d.locations.length !== locations.length)) {
      context.hint(
        'INCONSISTENT_EXECUTABLE_DIRECTIVE_LOCATIONS',
        `Executable directive ${label} has inconsistent locations across subgraphs and will use ${locationList(locations)} (intersection of all subgraphs) in the supergraph, but has: ${locationGroups(defs, locations).join(' and ')}.`,
        sites,
      );
    }
    const args = mergeArguments(
      context,
      usage,
      `@${directive.name}`,
      new Map(defs.map((d) => [d.graph, { args: d.args, node: d.node }])),
    );
    out.push({
      kind: Kind.DIRECTIVE_DEFINITION,
      ...description(merged),
      name: name(directive.name),
      ...(args.length > 0 ? { arguments: args } : {}),
      repeatable,
      locations: locations.map((l): NameNode => name(l)),
    });
  }
  return out;
}

function locationList(locations: readonly string[]): string {
  return `${locations.length === 1 ? 'location' : 'locations'} "${locations.join(', ')}"`;
}

/**
 * `locations "A, B" in subgraphs "x" and "y"`, one per distinct set (subgraphs with no executable
 * location left out); the set the supergraph uses comes first.
 */
function locationGroups(
  defs: readonly ExecutableDefinition[],
  merged: readonly string[],
): string[] {
  const groups = new Map<string, { locations: readonly string[]; graphs: string[] }>();
  const key = (locations: readonly string[]) => locations.join(', ');
  if (merged.length > 0) groups.set(key(merged), { locations: merged, graphs: [] });
  for (const d of defs) {
    if (d.locations.length === 0) continue;
    const group = groups.get(key(d.locations));
    if (group) group.graphs.push(d.graph);
    else groups.set(key(d.locations), { locations: d.locations, graphs: [d.graph] });
  }
  return [...groups.values()]
    .filter((g) => g.graphs.length > 0)
    .map((g) => `${locationList(g.locations)} in ${listGraphs(g.graphs)}`);
}
