import type {
  ConstValueNode,
  DirectiveDefinitionNode,
  DirectiveNode,
  EnumValueDefinitionNode,
  FieldDefinitionNode,
  InputValueDefinitionNode,
  SchemaDefinitionNode,
  TypeDefinitionNode,
  TypeExtensionNode,
  TypeNode,
} from 'graphql';
import type { LinkResolution } from './links.js';

/**
 * A directive application, with its name made canonical: federation and linked-spec directives
 * use their spec names (`key`, `shareable`, ...) whatever the subgraph imported them as; other
 * directives keep their names.
 */
export interface AppliedDirective {
  readonly name: string;
  readonly args: ReadonlyMap<string, ConstValueNode>;
  readonly node: DirectiveNode;
  /** Written on a type extension (`extend type`) rather than the definition. */
  readonly onExtension: boolean;
  /** The subgraph it is applied in (some directives keep per-subgraph data in the supergraph). */
  readonly graph: string;
}

export interface ArgumentState {
  readonly name: string;
  readonly type: TypeNode;
  readonly defaultValue: ConstValueNode | undefined;
  readonly description: string | undefined;
  readonly directives: readonly AppliedDirective[];
  readonly node: InputValueDefinitionNode;
}

export interface FieldState {
  readonly name: string;
  /** Parent type name (after root renaming). */
  readonly parent: string;
  type: TypeNode;
  readonly args: Map<string, ArgumentState>;
  readonly description: string | undefined;
  /** Default value (input object fields only). */
  readonly defaultValue: ConstValueNode | undefined;
  directives: AppliedDirective[];
  /** Declared in an extension of its type. */
  readonly onExtension: boolean;
  readonly node: FieldDefinitionNode | InputValueDefinitionNode;
  /** Computed after building: marked `@external` (directly or through the type). */
  external: boolean;
  /** Marked `@shareable` (directly or through its type declaration), or a key field. */
  shareable: boolean;
  /** Used by a `@key`, `@requires` or `@provides` of this subgraph (set by the field-set pass). */
  usedInFieldSet: boolean;
  /** Part of a `@key` of its type. */
  isKeyField: boolean;
  /** Provided by some `@provides` of this subgraph. */
  provided: boolean;
}

export interface EnumValueState {
  readonly name: string;
  readonly description: string | undefined;
  readonly directives: readonly AppliedDirective[];
  readonly node: EnumValueDefinitionNode;
}

export type TypeKind = 'object' | 'interface' | 'union' | 'enum' | 'input' | 'scalar';

/** A key declared on a type. */
export interface KeyState {
  readonly fields: string;
  readonly resolvable: boolean;
  /** Declared on an extension or on a type marked `@extends`. */
  readonly extension: boolean;
  readonly directive: AppliedDirective;
}

export interface TypeState {
  readonly name: string;
  readonly kind: TypeKind;
  description: string | undefined;
  readonly fields: Map<string, FieldState>;
  /** Implemented interfaces, in declaration order. */
  readonly interfaces: string[];
  /** Union members, in declaration order. */
  readonly members: string[];
  readonly values: Map<string, EnumValueState>;
  directives: AppliedDirective[];
  keys: KeyState[];
  /** Has a plain definition (not only `extend`), or is a root type. */
  hasDefinition: boolean;
  /** Marked `@extends`, or only defined through `extend`. */
  isExtension: boolean;
  /** All AST nodes (definition and extensions), for locations. */
  readonly nodes: (TypeDefinitionNode | TypeExtensionNode)[];
}

/** One subgraph, normalised: canonical directive names, roots renamed, locations kept. */
export interface SubgraphState {
  readonly name: string;
  readonly url: string;
  /** The label used in diagnostics' locations. */
  readonly source: string;
  readonly links: LinkResolution;
  /** Federation 2 minor version (Fed 1 subgraphs: 0). */
  readonly minor: number;
  readonly isFed1: boolean;
  readonly types: Map<string, TypeState>;
  /** Custom directive definitions (not federation, link or built-in ones), by local name. */
  readonly directiveDefinitions: Map<string, DirectiveDefinitionNode>;
  /** The root type names before renaming, for messages. */
  readonly originalRoots: ReadonlyMap<string, string>;
  /** The description of the schema definition, and the definition (for locations). */
  readonly schemaDescription?: { readonly text: string; readonly node: SchemaDefinitionNode };
}

export function hasDirective(
  element: { readonly directives: readonly AppliedDirective[] },
  name: string,
): boolean {
  return element.directives.some((d) => d.name === name);
}

export function directivesNamed(
  element: { readonly directives: readonly AppliedDirective[] },
  name: string,
): AppliedDirective[] {
  return element.directives.filter((d) => d.name === name);
}

/** A string argument of a directive application. */
export function stringArgument(directive: AppliedDirective, name: string): string | undefined {
  const value = directive.args.get(name);
  return value?.kind === 'StringValue' ? value.value : undefined;
}

/** The named type at the bottom of list and non-null wrappers. */
export function namedType(type: TypeNode): string {
  return type.kind === 'NamedType' ? type.name.value : namedType(type.type);
}

export const ROOT_TYPE_NAMES = ['Query', 'Mutation', 'Subscription'] as const;
