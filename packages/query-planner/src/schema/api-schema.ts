import type { SupergraphModel } from '@orrery/core';
import {
  buildASTSchema,
  type DefinitionNode,
  type DirectiveDefinitionNode,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type GraphQLSchema,
  type InputValueDefinitionNode,
  Kind,
  type NamedTypeNode,
  parse,
  type TypeNode,
} from 'graphql';

/** Directives clients may see on schema elements; every other application is a feature's. */
const KEPT_APPLICATIONS = new Set(['deprecated', 'specifiedBy', 'oneOf']);

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

const NO_DIRECTIVES: readonly ConstDirectiveNode[] = [];

const DEFER_DEFINITION = parse(
  'directive @defer(label: String, if: Boolean! = true) on FRAGMENT_SPREAD | INLINE_FRAGMENT',
  { noLocation: true },
).definitions[0] as DirectiveDefinitionNode;

/**
 * The API schema of a supergraph, derived from the typed model (not from composition, which the
 * planner must not depend on): `@inaccessible` elements, every linked feature's types and
 * directive applications are dropped. Used to validate operations before planning; the planner
 * itself works on the model.
 *
 * Throws when the result is not a schema graphql-js accepts (the caller reports
 * `ERR_PLAN_INVALID_SUPERGRAPH`).
 */
export function buildApiSchema(model: SupergraphModel): GraphQLSchema {
  const visible = (name: string): boolean => {
    const type = model.types.get(name);
    return type !== undefined && !type.inaccessible;
  };
  const builtIn = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);
  const definitions: DefinitionNode[] = [];
  const named = (type: TypeNode): string =>
    type.kind === Kind.NAMED_TYPE ? type.name.value : named(type.type);
  const keepDirectives = (
    directives: readonly ConstDirectiveNode[] | undefined,
  ): readonly ConstDirectiveNode[] => {
    // Most elements carry only feature directives (or none): no new array per element then.
    if (!directives?.some((d) => KEPT_APPLICATIONS.has(d.name.value))) return NO_DIRECTIVES;
    return directives.filter((d) => KEPT_APPLICATIONS.has(d.name.value));
  };

  // A type may be spread over a definition and extensions; the model merged them, so each type is
  // emitted once, from its first definition, with every field the model knows.
  const fieldNodes = new Map<string, Map<string, FieldDefinitionNode | InputValueDefinitionNode>>();
  for (const definition of model.document.definitions) {
    if (!('fields' in definition) || !definition.fields || !('name' in definition)) continue;
    const name = definition.name?.value;
    if (!name) continue;
    let map = fieldNodes.get(name);
    if (!map) fieldNodes.set(name, (map = new Map()));
    for (const field of definition.fields) map.set(field.name.value, field);
  }
  const filterArgs = (
    args: readonly InputValueDefinitionNode[] | undefined,
    hidden: (name: string) => boolean,
  ): InputValueDefinitionNode[] =>
    (args ?? [])
      .filter(
        (a) => !hidden(a.name.value) && (visible(named(a.type)) || builtIn.has(named(a.type))),
      )
      .map((a) => (a.directives?.length ? { ...a, directives: keepDirectives(a.directives) } : a));

  for (const type of model.types.values()) {
    if (type.inaccessible) continue;
    const nameNode = { kind: Kind.NAME, value: type.name } as const;
    const nodes = fieldNodes.get(type.name);
    const fields = [...type.fields.values()]
      .filter((f) => !f.inaccessible && (visible(f.namedType) || builtIn.has(f.namedType)))
      .map((f) => {
        const node = nodes?.get(f.name);
        if (!node) return undefined;
        if (node.kind === Kind.INPUT_VALUE_DEFINITION) {
          return { ...node, directives: keepDirectives(node.directives) };
        }
        const hiddenArgs = f.args.some((a) => a.inaccessible)
          ? new Set(f.args.filter((a) => a.inaccessible).map((a) => a.name))
          : undefined;
        return {
          ...node,
          arguments: node.arguments?.length
            ? filterArgs(node.arguments, (n) => hiddenArgs?.has(n) === true)
            : node.arguments,
          directives: keepDirectives(node.directives),
        };
      })
      .filter((f) => f !== undefined);
    const interfaces: NamedTypeNode[] = type.interfaces
      .filter(visible)
      .map((i) => ({ kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: i } }));
    switch (type.kind) {
      case 'OBJECT':
        definitions.push({
          kind: Kind.OBJECT_TYPE_DEFINITION,
          name: nameNode,
          interfaces,
          fields: fields as FieldDefinitionNode[],
        });
        break;
      case 'INTERFACE':
        definitions.push({
          kind: Kind.INTERFACE_TYPE_DEFINITION,
          name: nameNode,
          interfaces,
          fields: fields as FieldDefinitionNode[],
        });
        break;
      case 'INPUT_OBJECT':
        definitions.push({
          kind: Kind.INPUT_OBJECT_TYPE_DEFINITION,
          name: nameNode,
          fields: fields as InputValueDefinitionNode[],
        });
        break;
      case 'UNION':
        definitions.push({
          kind: Kind.UNION_TYPE_DEFINITION,
          name: nameNode,
          types: type.unionMembers
            .filter(visible)
            .map((m) => ({ kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: m } })),
        });
        break;
      case 'ENUM':
        definitions.push({
          kind: Kind.ENUM_TYPE_DEFINITION,
          name: nameNode,
          values: type.enumValues
            .filter((v) => !v.inaccessible)
            .map((v) => ({
              kind: Kind.ENUM_VALUE_DEFINITION,
              name: { kind: Kind.NAME, value: v.name },
            })),
        });
        break;
      case 'SCALAR':
        if (!builtIn.has(type.name)) {
          definitions.push({ kind: Kind.SCALAR_TYPE_DEFINITION, name: nameNode });
        }
        break;
    }
  }
  // Executable directives (custom ones clients may use) stay; feature directives are type-system only.
  for (const definition of model.document.definitions) {
    if (definition.kind !== Kind.DIRECTIVE_DEFINITION) continue;
    if (!definition.locations.some((l) => EXECUTABLE_LOCATIONS.has(l.value))) continue;
    if (['defer', 'stream', 'skip', 'include'].includes(definition.name.value)) continue;
    definitions.push(definition satisfies DirectiveDefinitionNode);
  }
  // `@defer` is offered to clients; without `enableDefer` the planner plans it as if absent.
  definitions.push(DEFER_DEFINITION);
  const operationTypes = (['query', 'mutation', 'subscription'] as const)
    .filter((op) => model.roots[op] !== undefined)
    .map((op) => ({
      kind: Kind.OPERATION_TYPE_DEFINITION,
      operation: op as never,
      type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: model.roots[op] ?? '' } },
    }));
  definitions.push({ kind: Kind.SCHEMA_DEFINITION, operationTypes } as DefinitionNode);
  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions };
  return buildASTSchema(document, { assumeValidSDL: true });
}
