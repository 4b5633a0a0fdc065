import type { ConstValueNode, StringValueNode, TypeNode, ValueNode } from 'graphql';
import { Kind } from 'graphql';

/*
 * The leaves of the supergraph printer: values, type references and descriptions, written the
 * way `@apollo/composition` writes them (observed, see test/print/).
 */

/**
 * A string value as composition prints it: JSON escaping (`\"`, `\\`, `\n`, `\u0001` with
 * lower-case hex), everything else raw, including U+007F-U+009F and U+2028. Block strings in
 * argument values are printed as ordinary strings too.
 */
export function printStringValue(value: string): string {
  return JSON.stringify(value);
}

/** A value in an argument or default value: `{a: 1, b: [1, 2]}` style, no line breaks. */
export function printValue(node: ValueNode | ConstValueNode): string {
  switch (node.kind) {
    case Kind.STRING:
      return printStringValue(node.value);
    case Kind.INT:
    case Kind.FLOAT:
    case Kind.ENUM:
      return node.value;
    case Kind.BOOLEAN:
      return node.value ? 'true' : 'false';
    case Kind.NULL:
      return 'null';
    case Kind.LIST: {
      let out = '[';
      for (let i = 0; i < node.values.length; i++) {
        if (i > 0) out += ', ';
        out += printValue(node.values[i] as ValueNode);
      }
      return out + ']';
    }
    case Kind.OBJECT: {
      let out = '{';
      for (let i = 0; i < node.fields.length; i++) {
        const field = node.fields[i];
        if (field === undefined) continue;
        if (i > 0) out += ', ';
        out += `${field.name.value}: ${printValue(field.value)}`;
      }
      return out + '}';
    }
    case Kind.VARIABLE:
      return `$${node.name.value}`;
  }
}

/** A type reference: `[String!]!`. */
export function printTypeReference(node: TypeNode): string {
  switch (node.kind) {
    case Kind.NAMED_TYPE:
      return node.name.value;
    case Kind.LIST_TYPE:
      return `[${printTypeReference(node.type)}]`;
    case Kind.NON_NULL_TYPE:
      return `${printTypeReference(node.type)}!`;
  }
}

function isWhiteSpace(code: number | undefined): boolean {
  return code === 0x20 || code === 0x09;
}

/**
 * A description as a block string, following GraphQL's block-string printing rules (the
 * graphql-js algorithm, which composition uses): one line when it fits (70 characters or less,
 * no line break, no trailing quote or backslash), otherwise the text between `"""` lines.
 */
export function printBlockString(value: string): string {
  const escaped = value.replaceAll('"""', '\\"""');
  const lines = escaped.split(/\r\n|[\n\r]/g);
  const isSingleLine = lines.length === 1;
  // A leading line break keeps indentation of later lines from being read as common indentation.
  const forceLeadingNewLine =
    lines.length > 1 &&
    lines.slice(1).every((line) => line.length === 0 || isWhiteSpace(line.charCodeAt(0)));
  const hasTrailingTripleQuotes = escaped.endsWith('\\"""');
  const hasTrailingQuote = value.endsWith('"') && !hasTrailingTripleQuotes;
  const hasTrailingSlash = value.endsWith('\\');
  const forceTrailingNewLine = hasTrailingQuote || hasTrailingSlash;
  const multipleLines =
    !isSingleLine ||
    value.length > 70 ||
    forceTrailingNewLine ||
    forceLeadingNewLine ||
    hasTrailingTripleQuotes;
  // A single line starting with a space would lose that space to the block-string dedent.
  const skipLeadingNewLine = isSingleLine && isWhiteSpace(value.charCodeAt(0));
  let out = '"""';
  if ((multipleLines && !skipLeadingNewLine) || forceLeadingNewLine) out += '\n';
  out += escaped;
  if (multipleLines || forceTrailingNewLine) out += '\n';
  return out + '"""';
}

/**
 * The description line(s) of an element at `indent`, ending in a line break, or '' without
 * one. Every line of a multi-line description gets the indentation, blank lines included.
 */
export function printDescription(
  description: StringValueNode | undefined,
  indent: string,
  firstInBlock: boolean,
): string {
  if (description === undefined) return '';
  const block = printBlockString(description.value);
  const body = indent === '' ? block : block.replaceAll('\n', `\n${indent}`);
  return `${firstInBlock ? '' : '\n'}${indent}${body}\n`;
}
