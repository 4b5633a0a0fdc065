/**
 * Rewrites a supergraph document into the API schema's document: every linked feature's
 * directives (definitions and applications) and types go, and so does every `@inaccessible`
 * element, with the union memberships and interface implementations that pointed at a removed
 * type. Everything else (descriptions, `@deprecated`, `@specifiedBy`, `@oneOf`, executable
 * directive definitions, other directives) stays as written.
 *
 * Runs after the `@inaccessible` rules passed, so what remains references only what remains.
 *
 * @module
 */
import {
  Kind,
  type ConstDirectiveNode,
  type DefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  type NamedTypeNode,
} from 'graphql';
import type { SupergraphModel } from './read-supergraph.js';

/**
 * User-defined `@defer`/`@stream` definitions are dropped: whether a gateway offers incremental
 * delivery is its runtime option, not part of the schema.
 */
const RUNTIME_DIRECTIVES = new Set(['defer', 'stream']);

/** The API schema's document, derived from a supergraph that passed the `@inaccessible` rules. */
export function removeFeaturesAndInaccessible(
  supergraph: Pick<SupergraphModel, 'document' | 'features' | 'inaccessibleName'>,
  hiddenTypes: ReadonlySet<string>,
): DocumentNode {
  const { features, inaccessibleName } = supergraph;
  const removedType = (name: string): boolean => hiddenTypes.has(name) || features.ownsType(name);
  const hidden = (node: { readonly directives?: readonly ConstDirectiveNode[] }): boolean =>
    inaccessibleName !== undefined &&
    (node.directives?.some((d) => d.name.value === inaccessibleName) ?? false);
  // Elements that lose nothing are kept as they are (most fields of a supergraph): copying every
  // node of a large supergraph costs more than the checks.
  const owned = (d: ConstDirectiveNode) => features.ownsDirective(d.name.value);
  const keepDirectives = (
    directives: readonly ConstDirectiveNode[] | undefined,
  ): readonly ConstDirectiveNode[] =>
    directives === undefined
      ? []
      : directives.some(owned)
        ? directives.filter((d) => !owned(d))
        : directives;
  const keepNamed = (types: readonly NamedTypeNode[] | undefined): NamedTypeNode[] =>
    (types ?? []).filter((t) => !removedType(t.name.value));
  const inputValue = (value: InputValueDefinitionNode): InputValueDefinitionNode => {
    const directives = keepDirectives(value.directives);
    return directives === value.directives ? value : { ...value, directives };
  };
  const inputValues = (
    values: readonly InputValueDefinitionNode[] | undefined,
  ): readonly InputValueDefinitionNode[] => {
    if (values === undefined) return [];
    const kept = values.filter((value) => !hidden(value)).map(inputValue);
    return kept.length === values.length && kept.every((v, i) => v === values[i]) ? values : kept;
  };
  const field = (node: FieldDefinitionNode): FieldDefinitionNode => {
    const args = inputValues(node.arguments);
    const directives = keepDirectives(node.directives);
    return args === node.arguments && directives === node.directives
      ? node
      : { ...node, arguments: args, directives };
  };
  const fields = (values: readonly FieldDefinitionNode[] | undefined): FieldDefinitionNode[] =>
    (values ?? []).filter((node) => !hidden(node)).map(field);

  const definitions: DefinitionNode[] = [];
  for (const definition of supergraph.document.definitions) {
    switch (definition.kind) {
      case Kind.SCHEMA_DEFINITION:
      case Kind.SCHEMA_EXTENSION: {
        const operationTypes = (definition.operationTypes ?? []).filter(
          (op) => !removedType(op.type.name.value),
        );
        const directives = keepDirectives(definition.directives);
        if (
          definition.kind === Kind.SCHEMA_EXTENSION &&
          !operationTypes.length &&
          !directives.length
        ) {
          break;
        }
        definitions.push({ ...definition, operationTypes, directives });
        break;
      }
      case Kind.DIRECTIVE_DEFINITION:
        if (features.ownsDirective(definition.name.value)) break;
        if (RUNTIME_DIRECTIVES.has(definition.name.value)) break;
        definitions.push({ ...definition, arguments: inputValues(definition.arguments) });
        break;
      case Kind.SCALAR_TYPE_DEFINITION:
      case Kind.SCALAR_TYPE_EXTENSION:
        if (removedType(definition.name.value)) break;
        definitions.push({ ...definition, directives: keepDirectives(definition.directives) });
        break;
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INTERFACE_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_EXTENSION:
        if (removedType(definition.name.value)) break;
        definitions.push({
          ...definition,
          directives: keepDirectives(definition.directives),
          interfaces: keepNamed(definition.interfaces),
          fields: fields(definition.fields),
        });
        break;
      case Kind.UNION_TYPE_DEFINITION:
      case Kind.UNION_TYPE_EXTENSION:
        if (removedType(definition.name.value)) break;
        definitions.push({
          ...definition,
          directives: keepDirectives(definition.directives),
          types: keepNamed(definition.types),
        });
        break;
      case Kind.ENUM_TYPE_DEFINITION:
      case Kind.ENUM_TYPE_EXTENSION:
        if (removedType(definition.name.value)) break;
        definitions.push({
          ...definition,
          directives: keepDirectives(definition.directives),
          values: (definition.values ?? [])
            .filter((value) => !hidden(value))
            .map((value) => ({ ...value, directives: keepDirectives(value.directives) })),
        });
        break;
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
      case Kind.INPUT_OBJECT_TYPE_EXTENSION:
        if (removedType(definition.name.value)) break;
        definitions.push({
          ...definition,
          directives: keepDirectives(definition.directives),
          fields: inputValues(definition.fields),
        });
        break;
      default:
        // Executable definitions have no place in a supergraph; graphql-js ignores them too.
        break;
    }
  }
  return { kind: Kind.DOCUMENT, definitions };
}
