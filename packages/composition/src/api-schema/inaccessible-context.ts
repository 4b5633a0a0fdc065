/**
 * What the `@inaccessible` rules share: the supergraph, questions about what is hidden, and a
 * sink for diagnostics. Each rule (in `rules/`) is a function of this context.
 *
 * @module
 */
import { createDiagnostic, type Diagnostic, type ErrorCode } from '@orrery/core';
import {
  getLocation,
  isIntrospectionType,
  isSpecifiedScalarType,
  type ASTNode,
  type ConstDirectiveNode,
  type GraphQLNamedType,
} from 'graphql';
import type { SupergraphModel } from './read-supergraph.js';

/** Anything graphql-js built from AST: types, fields, arguments, enum values. */
export interface InaccessibleElement {
  readonly astNode?: { readonly directives?: readonly ConstDirectiveNode[] } | null | undefined;
  readonly extensionASTNodes?: readonly {
    readonly directives?: readonly ConstDirectiveNode[];
  }[];
}

export interface InaccessibleContext {
  readonly supergraph: SupergraphModel;
  /** Whether the element carries `@inaccessible` (under its name in this supergraph). */
  isInaccessible(element: InaccessibleElement): boolean;
  /**
   * Whether a named type is absent from the API schema because it is `@inaccessible` (a
   * feature's own types are removed too, but they are not the user's to reference).
   */
  isHiddenType(type: GraphQLNamedType): boolean;
  /** User types the rules look at: not built-in, not introspection, not a feature's. */
  userTypes(): readonly GraphQLNamedType[];
  report(code: ErrorCode, message: string, node?: ASTNode | null): void;
  readonly diagnostics: readonly Diagnostic[];
}

/** Creates the context the `@inaccessible` rules run in. */
export function createInaccessibleContext(supergraph: SupergraphModel): InaccessibleContext {
  const diagnostics: Diagnostic[] = [];
  const name = supergraph.inaccessibleName;
  const isInaccessible = (element: InaccessibleElement): boolean => {
    if (name === undefined) return false;
    const carries = (node: { readonly directives?: readonly ConstDirectiveNode[] } | null) =>
      node?.directives?.some((d) => d.name.value === name) ?? false;
    return carries(element.astNode ?? null) || (element.extensionASTNodes ?? []).some(carries);
  };
  const userTypes = Object.values(supergraph.schema.getTypeMap()).filter(
    (type) =>
      !isIntrospectionType(type) &&
      !isSpecifiedScalarType(type) &&
      !supergraph.features.ownsType(type.name),
  );
  return {
    supergraph,
    isInaccessible,
    isHiddenType: (type) => isInaccessible(type),
    userTypes: () => userTypes,
    report(code, message, node) {
      const locations =
        node?.loc === undefined ? [] : [locationOf(node.loc.source, node.loc.start)];
      diagnostics.push(createDiagnostic(code, message, { locations }));
    },
    diagnostics,
  };
}

function locationOf(
  source: Parameters<typeof getLocation>[0],
  position: number,
): { line: number; column: number; source?: string } {
  const { line, column } = getLocation(source, position);
  return source.name && source.name !== 'GraphQL request'
    ? { source: source.name, line, column }
    : { line, column };
}
