/**
 * A cheap walk over a supergraph document's type-system elements, for the questions the API
 * schema's fast path asks without building a graphql-js schema.
 *
 * @module
 */
import { Kind, type DirectiveNode, type DocumentNode, type ValueNode } from 'graphql';

/** What an element may carry that the questions look at. */
export interface ElementNode {
  readonly directives?: readonly DirectiveNode[] | undefined;
  readonly defaultValue?: ValueNode | undefined;
}

/**
 * Whether `test` holds for one element: a type definition or extension, the schema definition,
 * a field, an argument (of a field or a directive definition), an input field or an enum value.
 */
export function someElement(document: DocumentNode, test: (node: ElementNode) => boolean): boolean {
  const some = (nodes: readonly ElementNode[] | undefined): boolean => nodes?.some(test) ?? false;
  return document.definitions.some((definition) => {
    switch (definition.kind) {
      case Kind.DIRECTIVE_DEFINITION:
        return some(definition.arguments);
      case Kind.SCHEMA_DEFINITION:
      case Kind.SCHEMA_EXTENSION:
      case Kind.SCALAR_TYPE_DEFINITION:
      case Kind.SCALAR_TYPE_EXTENSION:
      case Kind.UNION_TYPE_DEFINITION:
      case Kind.UNION_TYPE_EXTENSION:
        return test(definition);
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INTERFACE_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_EXTENSION:
        return (
          test(definition) ||
          (definition.fields?.some((field) => test(field) || some(field.arguments)) ?? false)
        );
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
      case Kind.INPUT_OBJECT_TYPE_EXTENSION:
        return test(definition) || some(definition.fields);
      case Kind.ENUM_TYPE_DEFINITION:
      case Kind.ENUM_TYPE_EXTENSION:
        return test(definition) || some(definition.values);
      default:
        return false;
    }
  });
}

/** Whether an element carries the directive `name` (its name in this document). */
export function appliesDirective(document: DocumentNode, name: string): boolean {
  return someElement(
    document,
    (node) => node.directives?.some((d) => d.name.value === name) ?? false,
  );
}

/** Whether an object value (in a default or a directive argument) repeats a field: `{x: 1, x: 2}`. */
export function hasRepeatedInputFields(document: DocumentNode): boolean {
  const repeats = (value: ValueNode): boolean => {
    if (value.kind === Kind.LIST) return value.values.some(repeats);
    if (value.kind !== Kind.OBJECT) return false;
    const names = new Set(value.fields.map((f) => f.name.value));
    return names.size < value.fields.length || value.fields.some((f) => repeats(f.value));
  };
  return someElement(
    document,
    (node) =>
      (node.defaultValue !== undefined && repeats(node.defaultValue)) ||
      (node.directives?.some((d) => d.arguments?.some((a) => repeats(a.value))) ?? false),
  );
}
