import {
  astFromValue,
  Kind,
  print,
  type ConstValueNode,
  type GraphQLArgument,
  type GraphQLInputField,
} from 'graphql';

/**
 * The default value of an argument or input field as a canonical GraphQL literal, or undefined
 * when it has none. Two defaults are the same when these strings are equal.
 *
 * The value is taken from the schema's coerced `defaultValue` (so `[1]` and `1` on a list type,
 * or a reordered `{b: 1, a: 2}`, compare equal), printed back through the type; object fields
 * are sorted by name. When the value cannot be printed through its type (a custom scalar holding
 * an object), the literal from the SDL is used, and as a last resort its JSON.
 */
export function printDefaultValue(input: GraphQLArgument | GraphQLInputField): string | undefined {
  if (input.defaultValue === undefined) return undefined;
  let ast: ConstValueNode | null | undefined;
  try {
    ast = astFromValue(input.defaultValue, input.type) as ConstValueNode | null;
  } catch {
    ast = undefined;
  }
  ast ??= input.astNode?.defaultValue;
  return ast ? print(sortObjectFields(ast)) : JSON.stringify(input.defaultValue);
}

function sortObjectFields(node: ConstValueNode): ConstValueNode {
  switch (node.kind) {
    case Kind.LIST:
      return { ...node, values: node.values.map(sortObjectFields) };
    case Kind.OBJECT:
      return {
        ...node,
        fields: [...node.fields]
          .sort((a, b) => (a.name.value < b.name.value ? -1 : a.name.value > b.name.value ? 1 : 0))
          .map((field) => ({ ...field, value: sortObjectFields(field.value) })),
      };
    default:
      return node;
  }
}
