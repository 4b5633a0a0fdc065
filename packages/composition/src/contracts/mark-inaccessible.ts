/**
 * Writes a contract's decisions into the supergraph: `@inaccessible` on every hidden
 * coordinate, and the inaccessible feature linked (and its directive defined) when the source
 * supergraph did not use it yet. Any gateway can then serve the contract supergraph as is.
 *
 * @module
 */
import {
  Kind,
  parse,
  type ConstDirectiveNode,
  type DefinitionNode,
  type DirectiveDefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  type TypeDefinitionNode,
  type TypeExtensionNode,
} from 'graphql';
import type { SupergraphModel } from '../api-schema/read-supergraph.js';

const INACCESSIBLE_URL = 'https://specs.apollo.dev/inaccessible/v0.2';
const INACCESSIBLE_DEFINITION = parse(
  'directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION',
).definitions[0] as DirectiveDefinitionNode;

/** The supergraph document with `@inaccessible` on every coordinate of `hidden`. */
export function markInaccessible(
  supergraph: SupergraphModel,
  hidden: ReadonlySet<string>,
): DocumentNode {
  const { features } = supergraph;
  const name = supergraph.inaccessibleName ?? 'inaccessible';
  const directive: ConstDirectiveNode = {
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: name },
    arguments: [],
  };
  const mark = <T extends { readonly directives?: readonly ConstDirectiveNode[] | undefined }>(
    node: T,
    coordinate: string,
  ): T => {
    if (!hidden.has(coordinate)) return node;
    if (node.directives?.some((d) => d.name.value === name)) return node;
    return { ...node, directives: [...(node.directives ?? []), directive] };
  };
  const markArgs = (parent: string, args: readonly InputValueDefinitionNode[] | undefined) =>
    (args ?? []).map((arg) => mark(arg, `${parent}(${arg.name.value}:)`));
  const markFields = (type: string, fields: readonly FieldDefinitionNode[] | undefined) =>
    (fields ?? []).map((field) => {
      const coordinate = `${type}.${field.name.value}`;
      return { ...mark(field, coordinate), arguments: markArgs(coordinate, field.arguments) };
    });
  // Mark a type once, on its definition (or its first extension when it has no definition).
  const markedTypes = new Set<string>();
  const markType = <T extends TypeDefinitionNode | TypeExtensionNode>(node: T): T => {
    const typeName = node.name.value;
    const isDefinition = !node.kind.endsWith('Extension');
    if (!hidden.has(typeName) || markedTypes.has(typeName)) return node;
    const hasDefinition = supergraph.schema.getType(typeName)?.astNode != null;
    if (!isDefinition && hasDefinition) return node;
    markedTypes.add(typeName);
    return mark(node, typeName);
  };

  const definitions: DefinitionNode[] = supergraph.document.definitions.map((definition) => {
    switch (definition.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INTERFACE_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_EXTENSION: {
        const node = markType(definition);
        return { ...node, fields: markFields(node.name.value, node.fields) };
      }
      case Kind.ENUM_TYPE_DEFINITION:
      case Kind.ENUM_TYPE_EXTENSION: {
        const node = markType(definition);
        const values = (node.values ?? []).map((v) =>
          mark(v, `${node.name.value}.${v.name.value}`),
        );
        return { ...node, values };
      }
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
      case Kind.INPUT_OBJECT_TYPE_EXTENSION: {
        const node = markType(definition);
        const fields = (node.fields ?? []).map((f) =>
          mark(f, `${node.name.value}.${f.name.value}`),
        );
        return { ...node, fields };
      }
      case Kind.UNION_TYPE_DEFINITION:
      case Kind.UNION_TYPE_EXTENSION:
      case Kind.SCALAR_TYPE_DEFINITION:
      case Kind.SCALAR_TYPE_EXTENSION:
        return markType(definition);
      default:
        return definition;
    }
  });

  if (supergraph.inaccessibleName !== undefined || hidden.size === 0) {
    return { kind: Kind.DOCUMENT, definitions };
  }
  // Link the inaccessible spec through the bootstrap directive (`@link`, or `@core` in Fed 1).
  const bootstrap = features.bootstrap;
  const urlArgument = bootstrap.name === 'core' ? 'feature' : 'url';
  const link: ConstDirectiveNode = {
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: bootstrap.nameInSchema },
    arguments: [
      {
        kind: Kind.ARGUMENT,
        name: { kind: Kind.NAME, value: urlArgument },
        value: { kind: Kind.STRING, value: INACCESSIBLE_URL },
      },
      ...(bootstrap.version === 'v0.1' && bootstrap.name === 'core'
        ? []
        : [
            {
              kind: Kind.ARGUMENT,
              name: { kind: Kind.NAME, value: 'for' },
              value: { kind: Kind.ENUM, value: 'SECURITY' },
            } as const,
          ]),
    ],
  };
  let linked = false;
  const withLink = definitions.map((definition) => {
    if (linked || definition.kind !== Kind.SCHEMA_DEFINITION) return definition;
    linked = true;
    return { ...definition, directives: [...(definition.directives ?? []), link] };
  });
  return { kind: Kind.DOCUMENT, definitions: [...withLink, INACCESSIBLE_DEFINITION] };
}
