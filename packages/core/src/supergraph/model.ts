import type { NamedTypeKind } from '../graphql/type-kind.js';
import type { DocumentNode, SelectionSetNode, TypeNode } from 'graphql';
import type { Diagnostic } from '../errors/index.js';

/**
 * The typed model of a supergraph that `readSupergraph` builds: plain data, keyed by subgraph
 * *name* (the `@join__graph(name:)`, not the `join__Graph` enum value), so that composition's
 * satisfiability check, the query planner and the gateway never look at `join__*` directives.
 */

/** One subgraph, as `enum join__Graph` lists it. */
export interface SupergraphSubgraph {
  /** The `join__Graph` enum value (`ACCOUNTS`). */
  readonly enumValue: string;
  /** The subgraph's name (`accounts`), used everywhere else in the model. */
  readonly name: string;
  /** The routing URL (may be empty for subgraphs without one). */
  readonly url: string;
}

export type SupergraphTypeKind = NamedTypeKind;

/** A FieldSet (`"id org { id }"`) both as written and parsed into a selection set. */
export interface FieldSet {
  readonly source: string;
  readonly selectionSet: SelectionSetNode;
}

/** One `@key` of a type in one subgraph. */
export interface KeyDefinition {
  readonly fields: FieldSet;
  /** False for `@key(resolvable: false)`: the subgraph references the entity, nothing jumps in. */
  readonly resolvable: boolean;
  /** Declared on a type extension (or a type with `@extends`). */
  readonly extension: boolean;
}

/** What one subgraph says about a type. */
export interface TypeInSubgraph {
  readonly subgraph: string;
  /** Every key (empty when the type is no entity there). */
  readonly keys: readonly KeyDefinition[];
  /** Some `@join__type` entry for this subgraph was an extension. */
  readonly extension: boolean;
  /** The subgraph models this (supergraph) interface as an `@interfaceObject` object type. */
  readonly isInterfaceObject: boolean;
  /** Interfaces the type implements in this subgraph (objects and interfaces). */
  readonly interfaces: readonly string[];
  /** Union members in this subgraph (unions only). */
  readonly unionMembers: readonly string[];
  /** Enum values in this subgraph (enums only). */
  readonly enumValues: readonly string[];
}

/** A `@fromContext` argument as `join__field(contextArguments:)` records it (join v0.5). */
export interface ContextArgument {
  readonly name: string;
  readonly type: string;
  readonly context: string;
  readonly selection: string;
}

/** What one subgraph says about a field (from `@join__field`, or implied by its absence). */
export interface FieldInSubgraph {
  readonly subgraph: string;
  /** The field's type in that subgraph, printed (`[User!]`); the supergraph's when not given. */
  readonly type: string;
  readonly external: boolean;
  readonly requires?: FieldSet;
  readonly provides?: FieldSet;
  /** `@override(from:)`: the subgraph this one took the field over from. */
  readonly override?: string;
  /** Progressive override label: the field is served here only when the label is on (or, for the source, off). */
  readonly overrideLabel?: string;
  /** The field was overridden away but the subgraph still uses it (in a key, `@requires`, ...). */
  readonly usedOverridden: boolean;
  readonly contextArguments: readonly ContextArgument[];
}

/** An argument of a field, kept so witness queries and subgraph extraction can print it. */
export interface SupergraphArgument {
  readonly name: string;
  readonly type: TypeNode;
  readonly inaccessible: boolean;
}

export interface SupergraphField {
  readonly name: string;
  /** The supergraph's (merged) type. */
  readonly type: TypeNode;
  /** The named type at the bottom of `type`. */
  readonly namedType: string;
  readonly args: readonly SupergraphArgument[];
  readonly inaccessible: boolean;
  /**
   * Per subgraph that defines the field. A bare `@join__field` (no graph: reached only through an
   * `@interfaceObject`) gives no entry.
   */
  readonly subgraphs: ReadonlyMap<string, FieldInSubgraph>;
}

export interface SupergraphType {
  readonly name: string;
  readonly kind: SupergraphTypeKind;
  readonly inaccessible: boolean;
  /** Per subgraph that defines the type. */
  readonly subgraphs: ReadonlyMap<string, TypeInSubgraph>;
  /** Fields of objects, interfaces and input objects, in declaration order. */
  readonly fields: ReadonlyMap<string, SupergraphField>;
  /** Interfaces implemented in the supergraph. */
  readonly interfaces: readonly string[];
  /** Members of a union in the supergraph. */
  readonly unionMembers: readonly string[];
  /** Enum values in the supergraph, with whether each is `@inaccessible`. */
  readonly enumValues: readonly { readonly name: string; readonly inaccessible: boolean }[];
  /**
   * The contexts this type sets (`@context(name:)`, names prefixed with their subgraph:
   * `a__userCtx`): a `@fromContext` argument below it in a query can read its fields.
   */
  readonly contexts: readonly string[];
}

export interface SupergraphRoots {
  readonly query?: string;
  readonly mutation?: string;
  readonly subscription?: string;
}

/** A linked feature (`@link` or `@core`) of the supergraph. */
export interface SupergraphFeature {
  readonly url: string;
  /** The spec name (`join`) and version (`0.5`) from the URL. */
  readonly name: string;
  readonly version: string;
  /** The prefix its elements use (`join` unless renamed with `as:`). */
  readonly prefix: string;
  readonly purpose?: string;
}

export interface SupergraphModel {
  /** `link` (link v1.0) or `core` (core v0.1/v0.2, fed1-era). */
  readonly bootstrap: 'link' | 'core';
  /** The join spec version, `0.1` to `0.5`. */
  readonly joinVersion: string;
  readonly features: readonly SupergraphFeature[];
  readonly subgraphs: readonly SupergraphSubgraph[];
  readonly roots: SupergraphRoots;
  /** Every type of the supergraph except the linked features' own types (`join__*`, `link__*`). */
  readonly types: ReadonlyMap<string, SupergraphType>;
  /** Object types implementing each interface in the supergraph (computed once). */
  readonly implementations: ReadonlyMap<string, readonly string[]>;
  readonly document: DocumentNode;
}

export type ReadSupergraphResult =
  | { readonly ok: true; readonly supergraph: SupergraphModel }
  | { readonly ok: false; readonly errors: readonly Diagnostic[] };
