import {
  Kind,
  type ConstDirectiveNode,
  type FieldDefinitionNode,
  type InterfaceTypeDefinitionNode,
  type NamedTypeNode,
  type ObjectTypeDefinitionNode,
} from 'graphql';
import type { FieldState } from '../../subgraph/state.js';
import { inheritedAuthDirectives, isAuthDirective } from '../auth-requirements.js';
import { bool, description, directive, enumValue, name, str } from '../ast.js';
import type { SupergraphContext } from '../context.js';
import type { MergedType } from '../state.js';
import { mergeAppliedDirectives, type FeatureUsage } from './applied-directives.js';
import { mergeDescriptionOf } from './descriptions.js';
import { mergeField } from './fields.js';

/**
 * Merges an object or interface type: the union of its fields and interfaces, with
 * `@join__implements` and `@join__type` (one per key) per subgraph. Query is present in every
 * subgraph (each serves `_service`), so it gets a `@join__type` for all of them.
 */
export function mergeObjectType(
  context: SupergraphContext,
  usage: FeatureUsage,
  type: MergedType,
): ObjectTypeDefinitionNode | InterfaceTypeDefinitionNode {
  const { state } = context;
  const graphs =
    type.name === 'Query' ? state.subgraphs.map((s) => s.name) : [...type.byGraph.keys()];
  const joinImplements: ConstDirectiveNode[] = [];
  const joinTypes: ConstDirectiveNode[] = [];
  const interfaces: string[] = [];
  for (const g of graphs) {
    const t = type.byGraph.get(g);
    const graph = enumValue(state.graphEnum.get(g) ?? g);
    for (const i of t?.interfaces ?? []) {
      if (!interfaces.includes(i)) interfaces.push(i);
      joinImplements.push(
        directive('join__implements', [
          ['graph', graph],
          ['interface', str(i)],
        ]),
      );
    }
    const isInterfaceObject = t?.directives.some((d) => d.name === 'interfaceObject') ?? false;
    const keys = t?.keys ?? [];
    if (keys.length === 0) {
      joinTypes.push(
        directive('join__type', [
          ['graph', graph],
          ['isInterfaceObject', isInterfaceObject ? bool(true) : undefined],
        ]),
      );
    }
    for (const key of keys) {
      joinTypes.push(
        directive('join__type', [
          ['graph', graph],
          ['key', str(key.fields)],
          ['extension', key.extension ? bool(true) : undefined],
          ['resolvable', key.resolvable ? undefined : bool(false)],
          ['isInterfaceObject', isInterfaceObject ? bool(true) : undefined],
        ]),
      );
    }
  }

  // The type's description before its fields', in Apollo's order of hints.
  const typeDescription = mergeDescriptionOf(
    context,
    type.name,
    [...type.byGraph].map(([g, t]) => [g, t.description, t.nodes[0]!] as const),
  );
  // Field union, in subgraph order then declaration order.
  const fieldsByName = new Map<string, Map<string, FieldState>>();
  for (const [g, t] of type.byGraph) {
    for (const f of t.fields.values()) {
      let byGraph = fieldsByName.get(f.name);
      if (!byGraph) fieldsByName.set(f.name, (byGraph = new Map()));
      byGraph.set(g, f);
    }
  }
  const fields: FieldDefinitionNode[] = [];
  for (const byGraph of fieldsByName.values()) {
    const field = mergeField(context, usage, type.name, byGraph, graphs);
    if (field) fields.push(field);
  }
  // Fields an `@interfaceObject` adds to an interface also exist on its implementations, where no
  // subgraph resolves them directly: a bare `@join__field` says so.
  if (type.kind === 'object') {
    for (const i of interfaces) {
      const iface = state.types.get(i);
      if (!iface) continue;
      for (const [g, t] of iface.byGraph) {
        if (!t.directives.some((d) => d.name === 'interfaceObject')) continue;
        for (const f of t.fields.values()) {
          if (fieldsByName.has(f.name)) continue;
          const merged = mergeField(context, usage, type.name, new Map([[g, f]]), graphs);
          if (!merged) continue;
          fieldsByName.set(f.name, new Map());
          // Apollo's order on these copies: authorization directives, @inaccessible, the other
          // kept directives, then the bare @join__field.
          const kept = (merged.directives ?? []).filter((d) => d.name.value !== 'join__field');
          const auth = kept.filter((d) => isAuthDirective(d.name.value));
          fields.push({
            ...merged,
            directives: [
              ...auth,
              ...kept.filter((d) => !isAuthDirective(d.name.value)),
              directive('join__field'),
            ],
          });
        }
      }
    }
  }

  // An interface is as protected as its implementations (an interface cannot carry authorization
  // directives itself: AUTH_REQUIREMENTS_APPLIED_ON_INTERFACE), written first as Apollo does.
  const inherited = inheritedAuthDirectives(state, type.name);
  const applied = mergeAppliedDirectives(
    [...type.byGraph.values(), { directives: inherited }],
    usage,
    { context, coordinate: type.name },
    { authFirst: inherited.length > 0 },
  );
  const base = {
    ...description(typeDescription),
    name: name(type.name),
    interfaces: interfaces.map((i): NamedTypeNode => ({ kind: Kind.NAMED_TYPE, name: name(i) })),
    directives: [...joinImplements, ...joinTypes, ...applied],
    fields,
  };
  return type.kind === 'interface'
    ? { kind: Kind.INTERFACE_TYPE_DEFINITION, ...base }
    : { kind: Kind.OBJECT_TYPE_DEFINITION, ...base };
}
