/**
 * `usageSignature(document, operationName)`: Apollo's default usage-reporting signature of an
 * operation (`@apollo/utils.usagereporting`), written on graphql-js:
 *
 * `printWithReducedWhitespace(sortAST(removeAliases(hideLiterals(dropUnusedDefinitions(doc)))))`
 *
 * 1. unused definitions dropped (`separateOperations`: the operation and the fragments it uses);
 * 2. literals hidden: Int and Float `0`, String `""`, lists `[]`, objects `{}` (booleans, enums,
 *    `null` and variables are kept: they carry no user data and change the meaning);
 * 3. aliases removed;
 * 4. sorted as Apollo sorts: definitions by kind then name (fragments first), selections by kind
 *    then name (fields, then fragment spreads, then inline fragments in their original order),
 *    arguments of fields and directives by name, variable definitions by name, and directives
 *    of fragment spreads, inline fragments and fragment definitions by name. Apollo leaves the
 *    directives of fields and operations in document order, and so does this, so that the same
 *    operation has the same signature here and in Apollo's tooling;
 * 5. printed with minimal whitespace (a space only between two name characters).
 *
 * Raw literals never leave the gateway: the signature is what gets reported.
 *
 * @module
 */
import {
  print,
  separateOperations,
  visit,
  type ASTNode,
  type DocumentNode,
  type StringValueNode,
} from 'graphql';

/** The usage-reporting signature of `operationName` (`undefined` or `''` for the only/anonymous one). */
export function usageSignature(document: DocumentNode, operationName: string | undefined): string {
  return printWithReducedWhitespace(
    sortAST(removeAliases(hideLiterals(dropUnusedDefinitions(document, operationName ?? '')))),
  );
}

/** The operation named `name` (`''`: anonymous) with only the fragments it uses. */
export function dropUnusedDefinitions(document: DocumentNode, name: string): DocumentNode {
  // separateOperations keys an anonymous operation by ''; an unknown name keeps the document.
  return separateOperations(document)[name] ?? document;
}

/** Numbers `0`, strings `""`, lists `[]`, objects `{}`. */
export function hideLiterals(document: DocumentNode): DocumentNode {
  return visit(document, {
    IntValue: (node) => ({ ...node, value: '0' }),
    FloatValue: (node) => ({ ...node, value: '0' }),
    StringValue: (node) => ({ ...node, value: '', block: false }),
    // The replacements have no children: nothing inside a list or object literal is kept.
    ListValue: (node) => ({ ...node, values: [] }),
    ObjectValue: (node) => ({ ...node, fields: [] }),
  });
}

export function removeAliases(document: DocumentNode): DocumentNode {
  return visit(document, {
    Field: (node) => ({ ...node, alias: undefined }),
  });
}

type Key = (node: never) => string | undefined;

const byKind: Key = (node: { kind: string }) => node.kind;
const byName: Key = (node: { name?: { value: string } }) => node.name?.value;
const byVariable: Key = (node: { variable: { name: { value: string } } }) =>
  node.variable.name.value;

/**
 * lodash `sortBy` order: ascending by each key in turn, `undefined` after every value, stable
 * (Array.prototype.sort is stable), and a new array.
 */
function sortBy<T>(items: readonly T[] | undefined, ...keys: Key[]): T[] | undefined {
  if (!items) return undefined;
  return [...items].sort((a, b) => {
    for (const key of keys) {
      const x = (key as (node: T) => string | undefined)(a);
      const y = (key as (node: T) => string | undefined)(b);
      if (x === y) continue;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      return x < y ? -1 : 1;
    }
    return 0;
  });
}

export function sortAST(document: DocumentNode): DocumentNode {
  return visit(document, {
    Document: (node) => ({ ...node, definitions: sortBy(node.definitions, byKind, byName)! }),
    OperationDefinition: (node) => ({
      ...node,
      variableDefinitions: sortBy(node.variableDefinitions, byVariable),
    }),
    SelectionSet: (node) => ({ ...node, selections: sortBy(node.selections, byKind, byName)! }),
    Field: (node) => ({ ...node, arguments: sortBy(node.arguments, byName) }),
    FragmentSpread: (node) => ({ ...node, directives: sortBy(node.directives, byName) }),
    InlineFragment: (node) => ({ ...node, directives: sortBy(node.directives, byName) }),
    FragmentDefinition: (node) => ({
      ...node,
      directives: sortBy(node.directives, byName),
      variableDefinitions: sortBy(node.variableDefinitions, byVariable),
    }),
    Directive: (node) => ({ ...node, arguments: sortBy(node.arguments, byName) }),
  });
}

/**
 * graphql-js `print`, then whitespace squeezed: runs of whitespace become one space, and a space
 * next to anything but a name character goes. Strings are the only place whitespace means
 * something, so they are printed as hex while squeezing and put back as JSON strings after.
 */
export function printWithReducedWhitespace(document: ASTNode): string {
  const sanitized = visit(document, {
    StringValue: (node): StringValueNode => ({
      ...node,
      value: Buffer.from(node.value, 'utf8').toString('hex'),
      block: false,
    }),
  });
  return print(sanitized)
    .replace(/\s+/g, ' ')
    .replace(/([^_a-zA-Z0-9]) /g, '$1')
    .replace(/ ([^_a-zA-Z0-9])/g, '$1')
    .replace(/"([a-f0-9]+)"/g, (_, hex: string) =>
      JSON.stringify(Buffer.from(hex, 'hex').toString('utf8')),
    );
}
