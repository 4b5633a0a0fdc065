import type { SupergraphModel } from '@orrery/core';
import {
  type ArgumentNode,
  type DirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';
import { PlanLimitError, type PlannerLimits } from '../limits.js';

/**
 * The client operation, normalised for planning: one operation picked, named fragments inlined
 * (a spread becomes an inline fragment on the fragment's type), `@skip`/`@include` read into
 * `conditions` (constant ones applied), each field annotated with its named type.
 */

/** `@include(if: $v)` is `{ variable: 'v', include: true }`; `@skip(if: $v)` has `include: false`. */
export interface Condition {
  readonly variable: string;
  readonly include: boolean;
}

export interface OpField {
  readonly kind: 'Field';
  readonly name: string;
  readonly alias: string | undefined;
  readonly responseName: string;
  readonly arguments: readonly ArgumentNode[];
  /** Directives other than `@skip`/`@include` (and `@defer`, planned as if absent). */
  readonly directives: readonly DirectiveNode[];
  readonly conditions: readonly Condition[];
  /** The field's named type in the supergraph (`__typename`: `String`). */
  readonly type: string;
  /** Undefined for leaves. */
  readonly selections: readonly OpSelection[] | undefined;
}

export interface OpFragment {
  readonly kind: 'Fragment';
  readonly typeCondition: string | undefined;
  readonly directives: readonly DirectiveNode[];
  readonly conditions: readonly Condition[];
  readonly selections: readonly OpSelection[];
  /**
   * `@defer` on this fragment (unless `if: false`): planned as a `Defer` chunk when the planner's
   * `incrementalDelivery.enableDefer` is on, as if absent otherwise.
   */
  readonly defer: DeferDirective | undefined;
}

/** A fragment's `@defer` as written: its label, and the `if:` variable when it has one. */
export interface DeferDirective {
  readonly label: string | undefined;
  /** `if: $variable`: the fragment is deferred only when the variable is true. */
  readonly variable: string | undefined;
}

export type OpSelection = OpField | OpFragment;

export interface NormalizedOperation {
  readonly kind: 'query' | 'mutation' | 'subscription';
  readonly name: string | undefined;
  readonly rootType: string;
  readonly variables: readonly VariableDefinitionNode[];
  readonly selections: readonly OpSelection[];
}

/** Picks the operation to plan; undefined (with a reason) when the name does not match. */
export function pickOperation(
  document: DocumentNode,
  operationName: string | undefined,
): OperationDefinitionNode | string {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName !== undefined) {
    return (
      operations.find((o) => o.name?.value === operationName) ??
      `Unknown operation named "${operationName}".`
    );
  }
  if (operations.length === 1 && operations[0]) return operations[0];
  return operations.length === 0
    ? 'The document holds no operation.'
    : 'The document holds several operations: give an operation name.';
}

/**
 * Normalises a validated operation. Throws {@link PlanLimitError} when the selections nest deeper
 * than `maxSelectionDepth` or expand to more than `maxSelections`.
 */
export function normalizeOperation(
  model: SupergraphModel,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  limits: PlannerLimits,
): NormalizedOperation {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  }
  const rootType = model.roots[operation.operation] ?? operation.operation;
  let count = 0;

  const visit = (set: SelectionSetNode, parentType: string, depth: number): OpSelection[] => {
    if (depth > limits.maxSelectionDepth) {
      throw new PlanLimitError(
        'ERR_PLAN_SELECTION_TOO_DEEP',
        `The operation nests selections deeper than ${limits.maxSelectionDepth} levels (maxSelectionDepth).`,
      );
    }
    const out: OpSelection[] = [];
    for (const selection of set.selections) {
      if (++count > limits.maxSelections) {
        throw new PlanLimitError(
          'ERR_PLAN_SELECTION_TOO_DEEP',
          `The operation expands to more than ${limits.maxSelections} selections once fragments are inlined (maxSelections).`,
        );
      }
      const read = readDirectives(selection.directives);
      if (!read) continue;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const type =
          name === '__typename'
            ? 'String'
            : (model.types.get(parentType)?.fields.get(name)?.namedType ?? 'String');
        out.push({
          kind: 'Field',
          name,
          alias: selection.alias?.value,
          responseName: selection.alias?.value ?? name,
          arguments: selection.arguments ?? [],
          directives: read.directives,
          conditions: read.conditions,
          type,
          selections: selection.selectionSet
            ? visit(selection.selectionSet, type, depth + 1)
            : undefined,
        });
      } else {
        let typeCondition: string | undefined;
        let selectionSet: SelectionSetNode;
        if (selection.kind === Kind.INLINE_FRAGMENT) {
          typeCondition = selection.typeCondition?.name.value;
          selectionSet = selection.selectionSet;
        } else {
          const fragment = fragments.get(selection.name.value);
          if (!fragment) continue;
          typeCondition = fragment.typeCondition.name.value;
          selectionSet = fragment.selectionSet;
        }
        out.push({
          kind: 'Fragment',
          typeCondition,
          directives: read.directives,
          conditions: read.conditions,
          selections: visit(selectionSet, typeCondition ?? parentType, depth + 1),
          defer: read.defer,
        });
      }
    }
    return out;
  };

  return {
    kind: operation.operation as 'query' | 'mutation' | 'subscription',
    name: operation.name?.value,
    rootType,
    variables: operation.variableDefinitions ?? [],
    selections: visit(operation.selectionSet, rootType, 1),
  };
}

/**
 * Splits `@skip`/`@include` from other directives; null when a constant condition excludes the
 * selection. `@defer` is read into `defer` (label, `if:` variable), not kept as a directive.
 */
function readDirectives(directives: readonly DirectiveNode[] | undefined): {
  directives: DirectiveNode[];
  conditions: Condition[];
  defer: DeferDirective | undefined;
} | null {
  const kept: DirectiveNode[] = [];
  const conditions: Condition[] = [];
  let defer: DeferDirective | undefined;
  for (const directive of directives ?? []) {
    const name = directive.name.value;
    if (name === 'skip' || name === 'include') {
      const value = directive.arguments?.find((a) => a.name.value === 'if')?.value;
      const include = name === 'include';
      if (value?.kind === Kind.BOOLEAN) {
        if (value.value !== include) return null;
        // Apollo's planner forwards a constant condition that keeps the selection as written.
        kept.push(directive);
      } else if (value?.kind === Kind.VARIABLE) {
        conditions.push({ variable: value.name.value, include });
      }
    } else if (name === 'defer') {
      // `if: false` turns it off; `if: $var` is kept: the planner plans both cases under a
      // `Condition` on the variable (as Apollo does).
      const on = directive.arguments?.find((a) => a.name.value === 'if')?.value;
      const variable = on?.kind === Kind.VARIABLE ? on.name.value : undefined;
      if (on === undefined || variable !== undefined || (on.kind === Kind.BOOLEAN && on.value)) {
        const label = directive.arguments?.find((a) => a.name.value === 'label')?.value;
        defer = { label: label?.kind === Kind.STRING ? label.value : undefined, variable };
      }
    } else {
      kept.push(directive);
    }
  }
  return { directives: kept, conditions, defer };
}
