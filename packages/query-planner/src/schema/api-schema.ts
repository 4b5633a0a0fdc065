import type { SupergraphModel, SupergraphType } from '@orrery/core';
import {
  type ConstDirectiveNode,
  type DirectiveLocation,
  getDirectiveValues,
  type GraphQLArgumentConfig,
  GraphQLDeprecatedDirective,
  GraphQLDirective,
  GraphQLEnumType,
  type GraphQLEnumValueConfigMap,
  type GraphQLFieldConfigArgumentMap,
  type GraphQLFieldConfigMap,
  type GraphQLInputFieldConfigMap,
  type GraphQLInputType,
  GraphQLInputObjectType,
  GraphQLInterfaceType,
  GraphQLList,
  type GraphQLNamedType,
  type GraphQLNullableType,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLOutputType,
  GraphQLScalarType,
  GraphQLSchema,
  type GraphQLType,
  GraphQLUnionType,
  type InputValueDefinitionNode,
  Kind,
  specifiedDirectives,
  specifiedScalarTypes,
  type TypeNode,
  type ObjectTypeDefinitionNode,
  type ObjectTypeExtensionNode,
  type InterfaceTypeDefinitionNode,
  type InterfaceTypeExtensionNode,
  type InputObjectTypeDefinitionNode,
  type InputObjectTypeExtensionNode,
  valueFromAST,
} from 'graphql';

const EXECUTABLE_LOCATIONS = new Set([
  'QUERY',
  'MUTATION',
  'SUBSCRIPTION',
  'FIELD',
  'FRAGMENT_DEFINITION',
  'FRAGMENT_SPREAD',
  'INLINE_FRAGMENT',
  'VARIABLE_DEFINITION',
]);

/**
 * Shared by every field, argument and type: graphql-js copies `extensions` into a fresh
 * null-prototype object unless it is one already, one per field and argument (tens of thousands
 * on a large supergraph, most of the schema's garbage). Frozen: nothing may add to it.
 */
const NO_EXTENSIONS: Readonly<Record<string, never>> = Object.freeze(Object.create(null));
/** The arguments of every field that has none (graphql-js only reads them). */
const NO_ARGUMENTS: GraphQLFieldConfigArgumentMap = Object.freeze(Object.create(null));

const STANDARD_SCALARS: ReadonlyMap<string, GraphQLScalarType> = new Map(
  specifiedScalarTypes.map((t) => [t.name, t]),
);

/**
 * The API schema of a supergraph, derived from the typed model (not from composition, which the
 * planner must not depend on): `@inaccessible` elements, every linked feature's types and
 * directive applications are dropped. Used to validate operations before planning; the planner
 * itself works on the model.
 *
 * Built with graphql-js's type constructors straight from the model and the supergraph's field
 * definitions, not through an SDL document and `buildASTSchema`: on a 200-subgraph supergraph
 * that was most of a planner's build, between the copied AST and `extendSchema`'s own work. What
 * a client sees is what `buildASTSchema` gave: field, argument and input field descriptions,
 * default values and `@deprecated` reasons, executable directives as defined, `@defer` offered.
 *
 * Throws when a directive argument names an unknown type (the caller reports
 * `ERR_PLAN_INVALID_SUPERGRAPH`, as for a schema graphql-js then finds invalid).
 */
export function buildApiSchema(model: SupergraphModel): GraphQLSchema {
  const types = new Map<string, GraphQLNamedType>();
  const visible = (name: string): boolean => {
    const type = model.types.get(name);
    return type !== undefined && !type.inaccessible;
  };
  const usable = (name: string): boolean => STANDARD_SCALARS.has(name) || visible(name);
  const lookup = (name: string): GraphQLNamedType => {
    const type = types.get(name) ?? STANDARD_SCALARS.get(name);
    if (!type) throw new Error(`Unknown type: "${name}".`);
    return type;
  };
  // Wrapping types are immutable: one `T!`, `[T]`... per inner type serves every field (fewer
  // objects, and graphql-js's constructor checks run once).
  const lists = new Map<GraphQLType, GraphQLList<GraphQLType>>();
  const nonNulls = new Map<GraphQLType, GraphQLNonNull<GraphQLNullableType>>();
  const wrapped = (node: TypeNode): GraphQLType => {
    if (node.kind === Kind.NAMED_TYPE) return lookup(node.name.value);
    const inner = wrapped(node.type);
    if (node.kind === Kind.LIST_TYPE) {
      let list = lists.get(inner);
      if (!list) lists.set(inner, (list = new GraphQLList(inner)));
      return list;
    }
    let nonNull = nonNulls.get(inner);
    if (!nonNull) {
      nonNulls.set(inner, (nonNull = new GraphQLNonNull(inner as GraphQLNullableType)));
    }
    return nonNull;
  };
  const argument = (node: InputValueDefinitionNode): GraphQLArgumentConfig => {
    const type = wrapped(node.type) as GraphQLInputType;
    return {
      type,
      description: node.description?.value,
      defaultValue: node.defaultValue ? valueFromAST(node.defaultValue, type) : undefined,
      deprecationReason: deprecationReason(node),
      extensions: NO_EXTENSIONS,
    };
  };

  // A type may be spread over a definition and extensions; the model merged them. Fields are read
  // from the definition nodes, in document order, and kept when the model keeps them visible.
  const definitionsOf = new Map<string, TypeDefinitionNode[]>();
  for (const definition of model.document.definitions) {
    if (!('fields' in definition) || !definition.fields || !('name' in definition)) continue;
    const name = definition.name?.value;
    if (!name) continue;
    const list = definitionsOf.get(name);
    if (list) list.push(definition);
    else definitionsOf.set(name, [definition]);
  }
  const outputFields = (type: SupergraphType) => (): GraphQLFieldConfigMap<unknown, unknown> => {
    const map: GraphQLFieldConfigMap<unknown, unknown> = Object.create(null);
    for (const definition of definitionsOf.get(type.name) ?? []) {
      for (const node of definition.fields ?? []) {
        if (node.kind !== Kind.FIELD_DEFINITION) continue;
        const field = type.fields.get(node.name.value);
        if (!field || field.inaccessible || !usable(field.namedType)) continue;
        let args = NO_ARGUMENTS;
        for (const a of node.arguments ?? []) {
          const name = a.name.value;
          if (!usable(namedType(a.type)) || hasInaccessible(field.args, name)) continue;
          if (args === NO_ARGUMENTS) args = Object.create(null) as GraphQLFieldConfigArgumentMap;
          args[name] = argument(a);
        }
        map[node.name.value] = {
          type: wrapped(node.type) as GraphQLOutputType,
          description: node.description?.value,
          args,
          deprecationReason: deprecationReason(node),
          extensions: NO_EXTENSIONS,
        };
      }
    }
    return map;
  };
  const inputFields = (type: SupergraphType) => (): GraphQLInputFieldConfigMap => {
    const map: GraphQLInputFieldConfigMap = Object.create(null);
    for (const definition of definitionsOf.get(type.name) ?? []) {
      for (const node of definition.fields ?? []) {
        if (node.kind !== Kind.INPUT_VALUE_DEFINITION) continue;
        const field = type.fields.get(node.name.value);
        if (!field || field.inaccessible || !usable(field.namedType)) continue;
        map[node.name.value] = argument(node);
      }
    }
    return map;
  };
  const interfaces = (type: SupergraphType) => (): GraphQLInterfaceType[] =>
    type.interfaces.filter(visible).map((i) => lookup(i) as GraphQLInterfaceType);

  for (const type of model.types.values()) {
    if (type.inaccessible || STANDARD_SCALARS.has(type.name)) continue;
    const name = type.name;
    switch (type.kind) {
      case 'OBJECT':
        types.set(
          name,
          new GraphQLObjectType({
            name,
            interfaces: interfaces(type),
            fields: outputFields(type),
            extensions: NO_EXTENSIONS,
          }),
        );
        break;
      case 'INTERFACE':
        types.set(
          name,
          new GraphQLInterfaceType({
            name,
            interfaces: interfaces(type),
            fields: outputFields(type),
            extensions: NO_EXTENSIONS,
          }),
        );
        break;
      case 'INPUT_OBJECT':
        types.set(
          name,
          new GraphQLInputObjectType({
            name,
            fields: inputFields(type),
            extensions: NO_EXTENSIONS,
          }),
        );
        break;
      case 'UNION':
        types.set(
          name,
          new GraphQLUnionType({
            name,
            types: () =>
              type.unionMembers.filter(visible).map((m) => lookup(m) as GraphQLObjectType),
          }),
        );
        break;
      case 'ENUM': {
        const values: GraphQLEnumValueConfigMap = Object.create(null);
        for (const v of type.enumValues) if (!v.inaccessible) values[v.name] = { value: v.name };
        types.set(name, new GraphQLEnumType({ name, values }));
        break;
      }
      case 'SCALAR':
        types.set(name, new GraphQLScalarType({ name }));
        break;
    }
  }

  // Executable directives (custom ones clients may use) stay; feature directives are type-system
  // only. `@defer` is offered to clients; without `enableDefer` the planner plans it as if absent.
  const directives: GraphQLDirective[] = [];
  for (const definition of model.document.definitions) {
    if (definition.kind !== Kind.DIRECTIVE_DEFINITION) continue;
    if (!definition.locations.some((l) => EXECUTABLE_LOCATIONS.has(l.value))) continue;
    if (['defer', 'stream', 'skip', 'include'].includes(definition.name.value)) continue;
    const args: GraphQLFieldConfigArgumentMap = Object.create(null);
    for (const a of definition.arguments ?? []) args[a.name.value] = argument(a);
    directives.push(
      new GraphQLDirective({
        name: definition.name.value,
        description: definition.description?.value,
        locations: definition.locations.map((l) => l.value as DirectiveLocation),
        isRepeatable: definition.repeatable,
        args,
      }),
    );
  }
  directives.push(deferDirective());
  for (const standard of specifiedDirectives) {
    if (directives.every((d) => d.name !== standard.name)) directives.push(standard);
  }
  const root = (name: string | undefined) =>
    name !== undefined && visible(name) ? (lookup(name) as GraphQLObjectType) : undefined;
  return new GraphQLSchema({
    query: root(model.roots.query) ?? null,
    mutation: root(model.roots.mutation) ?? null,
    subscription: root(model.roots.subscription) ?? null,
    types: [...types.values()],
    directives,
  });
}

/** `@defer(label: String, if: Boolean! = true) on FRAGMENT_SPREAD | INLINE_FRAGMENT`. */
function deferDirective(): GraphQLDirective {
  const boolean = STANDARD_SCALARS.get('Boolean') as GraphQLScalarType;
  const string = STANDARD_SCALARS.get('String') as GraphQLScalarType;
  return new GraphQLDirective({
    name: 'defer',
    locations: ['FRAGMENT_SPREAD', 'INLINE_FRAGMENT'] as DirectiveLocation[],
    args: {
      label: { type: string },
      if: { type: new GraphQLNonNull(boolean), defaultValue: true },
    },
  });
}

/** The definitions and extensions that carry fields. */
type TypeDefinitionNode =
  | ObjectTypeDefinitionNode
  | ObjectTypeExtensionNode
  | InterfaceTypeDefinitionNode
  | InterfaceTypeExtensionNode
  | InputObjectTypeDefinitionNode
  | InputObjectTypeExtensionNode;

/** Whether the argument `name` is `@inaccessible` (a loop: this runs for every argument). */
function hasInaccessible(
  args: readonly { readonly name: string; readonly inaccessible: boolean }[],
  name: string,
): boolean {
  for (const arg of args) if (arg.inaccessible && arg.name === name) return true;
  return false;
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/** `@deprecated(reason:)` on a definition (the default reason when it has none). */
function deprecationReason(node: {
  readonly directives?: readonly ConstDirectiveNode[];
}): string | undefined {
  const directives = node.directives;
  if (!directives || directives.length === 0) return undefined;
  for (const d of directives) {
    if (d.name.value === 'deprecated') {
      return getDirectiveValues(GraphQLDeprecatedDirective, node)?.['reason'] as string | undefined;
    }
  }
  return undefined;
}
