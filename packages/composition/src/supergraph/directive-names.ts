import { visit, type DefinitionNode, type DirectiveNode } from 'graphql';
import type { AppliedDirective, SubgraphState } from '../subgraph/state.js';
import { subgraphList, type SupergraphContext } from './context.js';

/** Linked-spec directives the supergraph applies under the name the subgraphs import them as. */
const RENAMEABLE: ReadonlySet<string> = new Set([
  'tag',
  'inaccessible',
  'authenticated',
  'requiresScopes',
  'policy',
  'cost',
  'listSize',
]);

/** The federation version composition treats a Federation 1 subgraph as, once upgraded. */
const FED1_UPGRADE_MINOR = 4;

function* appliedDirectives(subgraph: SubgraphState): Generator<AppliedDirective> {
  for (const type of subgraph.types.values()) {
    yield* type.directives;
    for (const field of type.fields.values()) {
      yield* field.directives;
      for (const arg of field.args.values()) yield* arg.directives;
    }
    for (const value of type.values.values()) yield* value.directives;
  }
}

/**
 * The supergraph names of the renameable spec directives (`@tag`, `@inaccessible`, auth, cost):
 * the name the subgraphs applying one import it as (`@fed__inaccessible` with `@link(as: "fed")`,
 * `@mytag` with `import: [{name: "@tag", as: "@mytag"}]`). Subgraphs that apply a directive under
 * different names cannot agree on one: LINK_IMPORT_NAME_MISMATCH, naming first the name of the
 * subgraph with the newest federation version (the last one on a tie), as Apollo does.
 * Returns only names that differ from the spec's.
 */
export function resolveDirectiveNames(context: SupergraphContext): Record<string, string> {
  const { subgraphs } = context.state;
  // Canonical name -> local name -> the applications (one per subgraph) using that name.
  const uses = new Map<string, Map<string, AppliedDirective[]>>();
  for (const subgraph of subgraphs) {
    const seen = new Set<string>();
    for (const d of appliedDirectives(subgraph)) {
      if (!RENAMEABLE.has(d.name) || seen.has(d.name)) continue;
      seen.add(d.name);
      let byLocal = uses.get(d.name);
      if (!byLocal) uses.set(d.name, (byLocal = new Map()));
      const local = d.node.name.value;
      byLocal.set(local, [...(byLocal.get(local) ?? []), d]);
    }
  }
  const names: Record<string, string> = {};
  const version = (name: string) => {
    const s = context.state.byName.get(name);
    return !s || s.isFed1 ? -1 : s.links.linkedMinor;
  };
  for (const [canonical, byLocal] of uses) {
    if (byLocal.size === 1) {
      const [local] = byLocal.keys();
      if (local !== undefined && local !== canonical) names[canonical] = local;
      continue;
    }
    let reference: AppliedDirective | undefined;
    for (const applications of byLocal.values()) {
      for (const d of applications) {
        if (!reference || version(d.graph) >= version(reference.graph)) reference = d;
      }
    }
    if (!reference) continue;
    const first = reference.node.name.value;
    const groups = [first, ...[...byLocal.keys()].filter((n) => n !== first)];
    const described = groups.map((local) => {
      const graphs = (byLocal.get(local) ?? []).map((d) => d.graph);
      return `"@${local}" in ${subgraphList(graphs)}`;
    });
    const minor = Math.max(
      ...subgraphs.map((s) => (s.isFed1 ? FED1_UPGRADE_MINOR : s.links.linkedMinor)),
    );
    context.report(
      'LINK_IMPORT_NAME_MISMATCH',
      `The "@${canonical}" directive (from https://specs.apollo.dev/federation/v2.${minor}) is imported with mismatched name between subgraphs: it is imported as ${described[0]} but ${described.slice(1).join(' and ')}`,
      [...byLocal.values()].flat().map((d) => [d.graph, d.node] as const),
    );
  }
  return names;
}

/** The merged definitions with spec directives applied under their supergraph names. */
export function renameAppliedDirectives(
  definitions: readonly DefinitionNode[],
  names: Readonly<Record<string, string>>,
): DefinitionNode[] {
  const renames = new Map(Object.entries(names));
  if (renames.size === 0) return [...definitions];
  return definitions.map((definition) =>
    visit(definition, {
      Directive(node: DirectiveNode) {
        const name = renames.get(node.name.value);
        return name === undefined ? undefined : { ...node, name: { ...node.name, value: name } };
      },
    }),
  );
}
