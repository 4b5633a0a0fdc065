import type { SupergraphField, SupergraphModel } from '@orrery/core';
import {
  type ConstValueNode,
  type FieldNode,
  Kind,
  type OperationTypeNode,
  print,
  type SelectionNode,
  type TypeNode,
} from 'graphql';

/** One step of a path in the API schema: a field, or a type condition on an abstract type. */
export type Step =
  | { readonly kind: 'field'; readonly field: SupergraphField }
  | { readonly kind: 'downcast'; readonly type: string };

/** Where a placeholder for "any selection" goes; printed as `...` like Apollo does. */
const ELLIPSIS = '...';

/**
 * Prints the minimal query that reaches a failing point: the steps from the root, arguments
 * filled with made-up values, and `{ ... }` under a composite last step. The layout (graphql-js's
 * printer) matches `@apollo/composition`'s messages.
 */
export function printWitness(
  supergraph: SupergraphModel,
  operation: OperationTypeNode,
  steps: readonly Step[],
): string {
  let inner: SelectionNode[] | undefined;
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i] as Step;
    const last = i === steps.length - 1;
    if (step.kind === 'field') {
      const composite = isComposite(supergraph, step.field.namedType);
      const selections = inner ?? (last && composite ? [ellipsis()] : undefined);
      const node: FieldNode = {
        kind: Kind.FIELD,
        name: { kind: Kind.NAME, value: step.field.name },
        arguments: step.field.args
          .filter((a) => !a.inaccessible)
          .map((a) => ({
            kind: Kind.ARGUMENT,
            name: { kind: Kind.NAME, value: a.name },
            value: sampleValue(supergraph, a.type, 0),
          })),
        ...(selections ? { selectionSet: { kind: Kind.SELECTION_SET, selections } } : {}),
      };
      inner = [node];
    } else {
      inner = [
        {
          kind: Kind.INLINE_FRAGMENT,
          typeCondition: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: step.type } },
          selectionSet: { kind: Kind.SELECTION_SET, selections: inner ?? [ellipsis()] },
        },
      ];
    }
  }
  return print({
    kind: Kind.OPERATION_DEFINITION,
    operation,
    selectionSet: { kind: Kind.SELECTION_SET, selections: inner ?? [ellipsis()] },
  });
}

function ellipsis(): FieldNode {
  return { kind: Kind.FIELD, name: { kind: Kind.NAME, value: ELLIPSIS } };
}

function isComposite(supergraph: SupergraphModel, type: string): boolean {
  const kind = supergraph.types.get(type)?.kind;
  return kind === 'OBJECT' || kind === 'INTERFACE' || kind === 'UNION';
}

/** A made-up value of a type, as Apollo's witness queries show them. */
function sampleValue(supergraph: SupergraphModel, type: TypeNode, depth: number): ConstValueNode {
  if (type.kind === Kind.NON_NULL_TYPE) return sampleValue(supergraph, type.type, depth);
  if (type.kind === Kind.LIST_TYPE) return { kind: Kind.LIST, values: [] };
  const name = type.name.value;
  switch (name) {
    case 'Int':
      return { kind: Kind.INT, value: '0' };
    case 'Float':
      return { kind: Kind.FLOAT, value: '3.14' };
    case 'Boolean':
      return { kind: Kind.BOOLEAN, value: true };
    case 'String':
      return { kind: Kind.STRING, value: 'A string value' };
    case 'ID':
      return { kind: Kind.STRING, value: '<any id>' };
  }
  const definition = supergraph.types.get(name);
  if (definition?.kind === 'ENUM') {
    const value = definition.enumValues.find((v) => !v.inaccessible);
    if (value) return { kind: Kind.ENUM, value: value.name };
  }
  if (definition?.kind === 'INPUT_OBJECT' && depth < 16) {
    // Only required fields, so the example stays short.
    const fields = [...definition.fields.values()].filter(
      (f) => f.type.kind === Kind.NON_NULL_TYPE && !f.inaccessible,
    );
    return {
      kind: Kind.OBJECT,
      fields: fields.map((f) => ({
        kind: Kind.OBJECT_FIELD,
        name: { kind: Kind.NAME, value: f.name },
        value: sampleValue(supergraph, f.type, depth + 1),
      })),
    };
  }
  return { kind: Kind.STRING, value: '<some value>' };
}
