import type {
  ConstDirectiveNode,
  DefinitionNode,
  DirectiveDefinitionNode,
  DirectiveNode,
  DocumentNode,
  EnumTypeDefinitionNode,
  FieldDefinitionNode,
  InputObjectTypeDefinitionNode,
  InputValueDefinitionNode,
  InterfaceTypeDefinitionNode,
  NamedTypeNode,
  ObjectTypeDefinitionNode,
  ScalarTypeDefinitionNode,
  SchemaDefinitionNode,
  TypeDefinitionNode,
  UnionTypeDefinitionNode,
} from 'graphql';
import { Kind, print } from 'graphql';

import { printDescription, printTypeReference, printValue } from './print-values.js';

/*
 * A hand-written printer for supergraph documents. graphql-js `print()` lays definitions out
 * differently (directives inline, no sorting), and running it per node costs more than building
 * the text directly; this printer is one pass over the (sorted) definitions.
 *
 * Layout, as `@apollo/composition` prints a supergraph:
 * - the schema definition first, then directive definitions, then types, each group sorted by
 *   name with a locale collation (`a_b` < `a1` < `A2` < `aa`);
 * - a type's own directives one per line, its `{` on a line of its own when it has any;
 * - a field's directives on the field's line; arguments inline unless one has a description.
 */

// Composition sorts with `localeCompare`; a fixed-locale collator gives the same order for
// GraphQL names and does not depend on the machine's locale.
const collator = new Intl.Collator('en');

function compareByName(a: { name: { value: string } }, b: { name: { value: string } }): number {
  return collator.compare(a.name.value, b.name.value);
}

function printDirectives(directives: readonly DirectiveNode[] | undefined): string {
  if (directives === undefined || directives.length === 0) return '';
  let out = '';
  for (const directive of directives) out += ` ${printDirective(directive)}`;
  return out;
}

/** `@name(arg: value, ...)`. */
export function printDirective(node: DirectiveNode | ConstDirectiveNode): string {
  const args = node.arguments;
  if (args === undefined || args.length === 0) return `@${node.name.value}`;
  let out = `@${node.name.value}(`;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === undefined) continue;
    if (i > 0) out += ', ';
    out += `${arg.name.value}: ${printValue(arg.value)}`;
  }
  return out + ')';
}

/** A type's or the schema's directives: one per line, indented. */
function printDirectiveLines(directives: readonly DirectiveNode[] | undefined): string {
  if (directives === undefined) return '';
  let out = '';
  for (const directive of directives) out += `\n  ${printDirective(directive)}`;
  return out;
}

function printInputValue(node: InputValueDefinitionNode): string {
  let out = `${node.name.value}: ${printTypeReference(node.type)}`;
  if (node.defaultValue !== undefined) out += ` = ${printValue(node.defaultValue)}`;
  return out + printDirectives(node.directives);
}

/** `(a: Int, b: String)`, or one argument per line when any argument has a description. */
function printArguments(
  args: readonly InputValueDefinitionNode[] | undefined,
  indent: string,
): string {
  if (args === undefined || args.length === 0) return '';
  if (args.every((arg) => arg.description === undefined)) {
    return `(${args.map(printInputValue).join(', ')})`;
  }
  const inner = `${indent}  `;
  let out = '(\n';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === undefined) continue;
    out += `${printDescription(arg.description, inner, i === 0)}${inner}${printInputValue(arg)}\n`;
  }
  return `${out}${indent})`;
}

/** The `{ ... }` block of a type: ` {` after the head, or `\n{` after directive lines. */
function printBlock(hasDirectiveLines: boolean, lines: readonly string[]): string {
  if (lines.length === 0) return '';
  return `${hasDirectiveLines ? '\n{' : ' {'}\n${lines.join('\n')}\n}`;
}

function printField(node: FieldDefinitionNode, first: boolean): string {
  return (
    printDescription(node.description, '  ', first) +
    `  ${node.name.value}${printArguments(node.arguments, '  ')}: ${printTypeReference(node.type)}` +
    printDirectives(node.directives)
  );
}

function printImplements(interfaces: readonly NamedTypeNode[] | undefined): string {
  if (interfaces === undefined || interfaces.length === 0) return '';
  return ` implements ${interfaces.map((i) => i.name.value).join(' & ')}`;
}

function hasAny(directives: readonly DirectiveNode[] | undefined): boolean {
  return directives !== undefined && directives.length > 0;
}

function printObjectLike(
  keyword: 'type' | 'interface',
  node: ObjectTypeDefinitionNode | InterfaceTypeDefinitionNode,
): string {
  const fields = node.fields ?? [];
  return (
    printDescription(node.description, '', true) +
    `${keyword} ${node.name.value}${printImplements(node.interfaces)}` +
    printDirectiveLines(node.directives) +
    printBlock(
      hasAny(node.directives),
      fields.map((field, i) => printField(field, i === 0)),
    )
  );
}

function printEnum(node: EnumTypeDefinitionNode): string {
  const values = node.values ?? [];
  return (
    printDescription(node.description, '', true) +
    `enum ${node.name.value}` +
    printDirectiveLines(node.directives) +
    printBlock(
      hasAny(node.directives),
      values.map(
        (value, i) =>
          `${printDescription(value.description, '  ', i === 0)}  ${value.name.value}${printDirectives(value.directives)}`,
      ),
    )
  );
}

function printInputObject(node: InputObjectTypeDefinitionNode): string {
  const fields = node.fields ?? [];
  return (
    printDescription(node.description, '', true) +
    `input ${node.name.value}` +
    printDirectiveLines(node.directives) +
    printBlock(
      hasAny(node.directives),
      fields.map(
        (field, i) =>
          `${printDescription(field.description, '  ', i === 0)}  ${printInputValue(field)}`,
      ),
    )
  );
}

function printUnion(node: UnionTypeDefinitionNode): string {
  const members = node.types ?? [];
  const head =
    printDescription(node.description, '', true) +
    `union ${node.name.value}` +
    printDirectiveLines(node.directives);
  if (members.length === 0) return head;
  // With directive lines the member list starts on its own line, after a single space.
  const separator = hasAny(node.directives) ? '\n = ' : ' = ';
  return head + separator + members.map((m) => m.name.value).join(' | ');
}

function printScalar(node: ScalarTypeDefinitionNode): string {
  return (
    printDescription(node.description, '', true) +
    `scalar ${node.name.value}` +
    printDirectiveLines(node.directives)
  );
}

function printSchemaDefinition(node: SchemaDefinitionNode): string {
  const operations = node.operationTypes.map((op) => `  ${op.operation}: ${op.type.name.value}`);
  return (
    printDescription(node.description, '', true) +
    'schema' +
    printDirectiveLines(node.directives) +
    printBlock(hasAny(node.directives), operations)
  );
}

/** A directive definition: `directive @name(args) repeatable on A | B`. */
function printDirectiveDefinition(node: DirectiveDefinitionNode): string {
  return (
    printDescription(node.description, '', true) +
    `directive @${node.name.value}${printArguments(node.arguments, '')}` +
    (node.repeatable ? ' repeatable' : '') +
    ` on ${node.locations.map((l) => l.value).join(' | ')}`
  );
}

/** Prints one type definition in supergraph layout. */
export function printTypeDefinition(node: TypeDefinitionNode): string {
  switch (node.kind) {
    case Kind.OBJECT_TYPE_DEFINITION:
      return printObjectLike('type', node);
    case Kind.INTERFACE_TYPE_DEFINITION:
      return printObjectLike('interface', node);
    case Kind.UNION_TYPE_DEFINITION:
      return printUnion(node);
    case Kind.ENUM_TYPE_DEFINITION:
      return printEnum(node);
    case Kind.INPUT_OBJECT_TYPE_DEFINITION:
      return printInputObject(node);
    case Kind.SCALAR_TYPE_DEFINITION:
      return printScalar(node);
  }
}

function isTypeDefinition(node: DefinitionNode): node is TypeDefinitionNode {
  switch (node.kind) {
    case Kind.OBJECT_TYPE_DEFINITION:
    case Kind.INTERFACE_TYPE_DEFINITION:
    case Kind.UNION_TYPE_DEFINITION:
    case Kind.ENUM_TYPE_DEFINITION:
    case Kind.INPUT_OBJECT_TYPE_DEFINITION:
    case Kind.SCALAR_TYPE_DEFINITION:
      return true;
    default:
      return false;
  }
}

/**
 * Prints a supergraph document exactly as `@apollo/composition` prints it: schema definition,
 * then directive definitions, then types, each group sorted by name; blank lines between
 * definitions; no trailing line break. Fields, enum values, arguments and directive applications
 * keep the document's order (composition decides it). Definitions a supergraph never contains
 * (extensions, operations) are printed last, with graphql-js, in document order.
 */
export function printSupergraphSdl(document: DocumentNode): string {
  const schemas: SchemaDefinitionNode[] = [];
  const directives: DirectiveDefinitionNode[] = [];
  const types: TypeDefinitionNode[] = [];
  const others: DefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.SCHEMA_DEFINITION) schemas.push(definition);
    else if (definition.kind === Kind.DIRECTIVE_DEFINITION) directives.push(definition);
    else if (isTypeDefinition(definition)) types.push(definition);
    else others.push(definition);
  }
  directives.sort(compareByName);
  types.sort(compareByName);

  const parts: string[] = [];
  for (const schema of schemas) parts.push(printSchemaDefinition(schema));
  for (const directive of directives) parts.push(printDirectiveDefinition(directive));
  for (const type of types) parts.push(printTypeDefinition(type));
  for (const other of others) parts.push(print(other));
  return parts.join('\n\n');
}
