import {
  Kind,
  type ConstDirectiveNode,
  type ConstValueNode,
  type DirectiveNode,
  type DefinitionNode,
  type DirectiveDefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  type NamedTypeNode,
  type TypeDefinitionNode,
  type TypeExtensionNode,
  type TypeNode,
} from 'graphql';
import type { LinkResolution } from './links.js';
import { BUILT_IN_DIRECTIVES, SUBGRAPH_ONLY_ROOT_FIELDS, SUBGRAPH_ONLY_TYPES } from './specs.js';
import type {
  AppliedDirective,
  ArgumentState,
  FieldState,
  SubgraphState,
  TypeKind,
  TypeState,
} from './state.js';
import type { SubgraphReporter } from './validation-context.js';

const KIND_OF: Partial<Record<DefinitionNode['kind'], TypeKind>> = {
  [Kind.OBJECT_TYPE_DEFINITION]: 'object',
  [Kind.OBJECT_TYPE_EXTENSION]: 'object',
  [Kind.INTERFACE_TYPE_DEFINITION]: 'interface',
  [Kind.INTERFACE_TYPE_EXTENSION]: 'interface',
  [Kind.UNION_TYPE_DEFINITION]: 'union',
  [Kind.UNION_TYPE_EXTENSION]: 'union',
  [Kind.ENUM_TYPE_DEFINITION]: 'enum',
  [Kind.ENUM_TYPE_EXTENSION]: 'enum',
  [Kind.INPUT_OBJECT_TYPE_DEFINITION]: 'input',
  [Kind.INPUT_OBJECT_TYPE_EXTENSION]: 'input',
  [Kind.SCALAR_TYPE_DEFINITION]: 'scalar',
  [Kind.SCALAR_TYPE_EXTENSION]: 'scalar',
};

const OPERATION_ROOT = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' };

interface BuildInput {
  readonly name: string;
  readonly url: string;
  readonly source: string;
  readonly document: DocumentNode;
  readonly links: LinkResolution;
}

/**
 * Builds the normalised state of one subgraph from its document: extensions folded into their
 * type, canonical directive names, custom root types renamed to Query/Mutation/Subscription, and
 * the types and fields federation adds (`_Service`, `_entities`, `FieldSet`, ...) left out.
 */
export function buildSubgraphState(input: BuildInput, report: SubgraphReporter): SubgraphState {
  const { document, links } = input;
  const types = new Map<string, TypeState>();
  const directiveDefinitions = new Map<string, DirectiveDefinitionNode>();

  // Roots: `schema { query: RootQuery }` renames RootQuery to Query.
  const rename = new Map<string, string>();
  const originalRoots = new Map<string, string>();
  for (const def of document.definitions) {
    if (def.kind !== Kind.SCHEMA_DEFINITION && def.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const op of def.operationTypes ?? []) {
      const canonical = OPERATION_ROOT[op.operation];
      originalRoots.set(canonical, op.type.name.value);
      if (op.type.name.value !== canonical) rename.set(op.type.name.value, canonical);
    }
  }
  for (const [canonical, original] of originalRoots) {
    if (original === canonical) continue;
    const clash = document.definitions.find(
      (d) => 'name' in d && d.name?.value === canonical && KIND_OF[d.kind] !== undefined,
    );
    if (clash && 'name' in clash && clash.name) {
      const code = `ROOT_${canonical.toUpperCase()}_USED` as
        'ROOT_QUERY_USED' | 'ROOT_MUTATION_USED' | 'ROOT_SUBSCRIPTION_USED';
      const op = canonical.toLowerCase();
      report(
        code,
        `The schema has a type named "${canonical}" but it is not set as the ${op} root type ("${original}" is instead): this is not supported by federation. If a root type does not use its default name, there should be no other type with that default name.`,
        [clash],
      );
    }
  }
  const typeName = (name: string) => rename.get(name) ?? name;
  const renameType = (type: TypeNode): TypeNode => {
    if (type.kind === Kind.NAMED_TYPE) {
      const renamed = rename.get(type.name.value);
      return renamed
        ? ({ ...type, name: { ...type.name, value: renamed } } satisfies NamedTypeNode)
        : type;
    }
    if (type.kind === Kind.LIST_TYPE) return { ...type, type: renameType(type.type) };
    return { ...type, type: renameType(type.type) as NamedTypeNode };
  };

  const apply = (
    nodes: readonly (ConstDirectiveNode | DirectiveNode)[] | undefined,
    onExtension: boolean,
  ): AppliedDirective[] =>
    (nodes ?? []).map((node) => ({
      name: links.directives.get(node.name.value) ?? node.name.value,
      args: new Map((node.arguments ?? []).map((a) => [a.name.value, a.value as ConstValueNode])),
      node,
      onExtension,
      graph: input.name,
    })) as AppliedDirective[];

  const isFederationType = (name: string) => isFederationTypeName(name, links);

  const buildArg = (arg: InputValueDefinitionNode, onExtension: boolean): ArgumentState => ({
    name: arg.name.value,
    type: renameType(arg.type),
    defaultValue: arg.defaultValue,
    description: arg.description?.value,
    directives: apply(arg.directives, onExtension),
    node: arg,
  });

  for (const def of document.definitions) {
    if (def.kind === Kind.DIRECTIVE_DEFINITION) {
      const name = def.name.value;
      if (links.directives.has(name) || BUILT_IN_DIRECTIVES.has(name)) continue;
      if (name === links.linkPrefix || name.startsWith('federation__')) continue;
      directiveDefinitions.set(name, def);
      continue;
    }
    const kind = KIND_OF[def.kind];
    if (!kind || !isTypeNode(def)) continue;
    const original = def.name.value;
    if (isFederationType(original)) continue;
    const name = typeName(original);
    const isExtensionNode = def.kind.endsWith('Extension');
    let type = types.get(name);
    if (!type) {
      type = {
        name,
        kind,
        description: undefined,
        fields: new Map(),
        interfaces: [],
        members: [],
        values: new Map(),
        directives: [],
        keys: [],
        hasDefinition: false,
        isExtension: false,
        nodes: [],
      };
      types.set(name, type);
    } else if (type.kind !== kind) {
      report('INVALID_GRAPHQL', `There can be only one type named "${name}"`, [type.nodes[0], def]);
      continue;
    }
    type.nodes.push(def);
    if (!isExtensionNode) type.hasDefinition = true;
    if ('description' in def && def.description) type.description ??= def.description.value;
    const directives = apply(def.directives, isExtensionNode);
    type.directives.push(...directives);
    const nodeExternal = directives.some((d) => d.name === 'external');
    const nodeShareable = directives.some((d) => d.name === 'shareable');

    if ('interfaces' in def) {
      for (const i of def.interfaces ?? []) {
        if (!type.interfaces.includes(i.name.value)) type.interfaces.push(i.name.value);
      }
    }
    if (def.kind === Kind.UNION_TYPE_DEFINITION || def.kind === Kind.UNION_TYPE_EXTENSION) {
      for (const m of def.types ?? []) {
        const member = typeName(m.name.value);
        if (!type.members.includes(member)) type.members.push(member);
      }
    }
    if (def.kind === Kind.ENUM_TYPE_DEFINITION || def.kind === Kind.ENUM_TYPE_EXTENSION) {
      for (const v of def.values ?? []) {
        type.values.set(v.name.value, {
          name: v.name.value,
          description: v.description?.value,
          directives: apply(v.directives, isExtensionNode),
          node: v,
        });
      }
    }
    if ('fields' in def) {
      for (const f of def.fields ?? []) {
        if (name === 'Query' && SUBGRAPH_ONLY_ROOT_FIELDS.has(f.name.value)) continue;
        const fieldDirectives = apply(f.directives, isExtensionNode);
        const args = new Map<string, ArgumentState>();
        if (f.kind === Kind.FIELD_DEFINITION) {
          for (const a of (f as FieldDefinitionNode).arguments ?? []) {
            args.set(a.name.value, buildArg(a, isExtensionNode));
          }
        }
        const field: FieldState = {
          name: f.name.value,
          parent: name,
          type: renameType(f.type),
          args,
          description: f.description?.value,
          defaultValue: f.kind === Kind.INPUT_VALUE_DEFINITION ? f.defaultValue : undefined,
          directives: fieldDirectives,
          onExtension: isExtensionNode,
          node: f,
          external: nodeExternal || fieldDirectives.some((d) => d.name === 'external'),
          shareable: nodeShareable || fieldDirectives.some((d) => d.name === 'shareable'),
          usedInFieldSet: false,
          isKeyField: false,
          provided: false,
        };
        type.fields.set(field.name, field);
      }
    }
  }

  // Keys, with `extension` computed once every node of the type is known.
  for (const type of types.values()) {
    if (type.kind !== 'object' && type.kind !== 'interface') continue;
    const extendsDirective = type.directives.some((d) => d.name === 'extends');
    type.isExtension = extendsDirective || !type.hasDefinition;
    type.keys = type.directives
      .filter((d) => d.name === 'key')
      .map((directive) => {
        const fields = directive.args.get('fields');
        const resolvable = directive.args.get('resolvable');
        return {
          fields: fields?.kind === Kind.STRING ? fields.value : '',
          resolvable: !(resolvable?.kind === Kind.BOOLEAN && !resolvable.value),
          extension: directive.onExtension || extendsDirective,
          directive,
        };
      });
  }
  // Root types are always "defined": Fed 1 subgraphs write `extend type Query`.
  for (const root of ['Query', 'Mutation', 'Subscription']) {
    const t = types.get(root);
    if (t) t.hasDefinition = true;
  }

  return {
    name: input.name,
    url: input.url,
    source: input.source,
    links,
    minor: links.minor,
    isFed1: !links.isFed2,
    types,
    directiveDefinitions,
    originalRoots,
    ...schemaDescriptionOf(document),
  };
}

/** Types federation adds or links (`_Any`, `FieldSet`, `link__Import`, ...): never merged. */
export function isFederationTypeName(name: string, links: LinkResolution): boolean {
  return (
    SUBGRAPH_ONLY_TYPES.has(name) ||
    links.types.has(name) ||
    name.startsWith(`${links.linkPrefix}__`) ||
    name.startsWith('federation__')
  );
}

function isTypeNode(def: DefinitionNode): def is TypeDefinitionNode | TypeExtensionNode {
  return KIND_OF[def.kind] !== undefined;
}

/** The schema definition's description, kept in the supergraph as Apollo does. */
function schemaDescriptionOf(document: DocumentNode): Pick<SubgraphState, 'schemaDescription'> {
  for (const def of document.definitions) {
    if (def.kind === Kind.SCHEMA_DEFINITION && def.description) {
      return { schemaDescription: { text: def.description.value, node: def } };
    }
  }
  return {};
}
