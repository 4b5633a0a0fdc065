/**
 * Prints a query plan in Apollo's text format, the one `prettyFormatQueryPlan` from
 * `@apollo/query-planner` produces and Apollo's golden tests compare against. Byte-for-byte
 * equality is checked in `test/print/` by printing Apollo's own plans with both printers.
 *
 * The format is indentation-sensitive: two spaces per level, every child of `Sequence`,
 * `Parallel`, `Flatten` and the root followed by `,`, while the single child of a condition,
 * a defer chunk or a subscription part is not. Subgraph operations are re-parsed and printed
 * with graphql-js, without their operation header: entity fetches show only what is selected
 * inside `_entities`. Rewrites are not part of the text.
 *
 * @module
 */
import {
  Kind,
  parse,
  print,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import type {
  ConditionNode,
  DeferNode,
  DeferredNode,
  FetchNode,
  FlattenNode,
  PlanNode,
  PlanSelection,
  QueryPlan,
  SubscriptionNode,
} from '../query-plan.js';

const INDENT = '  ';

/**
 * Prints `plan` exactly as Apollo's `prettyFormatQueryPlan` does.
 *
 * @example
 * ```ts
 * const result = planner.plan(parse('{ me { name } }'));
 * if (result.ok) console.log(printQueryPlan(result.plan));
 * // QueryPlan {
 * //   Fetch(service: "accounts") {
 * //     {
 * //       me {
 * //         name
 * //       }
 * //     }
 * //   },
 * // }
 * ```
 */
export function printQueryPlan(plan: QueryPlan): string {
  if (!plan.node) return 'QueryPlan {}';
  return `QueryPlan {\n${INDENT}${printNode(plan.node, 1)},\n}`;
}

/** Prints one node whose first line starts at indentation `level` (the caller writes it). */
function printNode(node: PlanNode | SubscriptionNode, level: number): string {
  switch (node.kind) {
    case 'Sequence':
    case 'Parallel':
      // An empty group prints as its bare kind, braces and all omitted.
      if (node.nodes.length === 0) return node.kind;
      return `${node.kind} {${node.nodes.map((child) => `\n${pad(level + 1)}${printNode(child, level + 1)},`).join('')}\n${pad(level)}}`;
    case 'Flatten':
      return printFlatten(node, level);
    case 'Fetch':
      return printFetch(node, level);
    case 'Condition':
      return printCondition(node, level);
    case 'Defer':
      return printDefer(node, level);
    case 'Subscription':
      return printSubscription(node, level);
  }
}

function printFlatten(node: FlattenNode, level: number): string {
  const path = node.path.join('.');
  return `Flatten(path: "${path}") {\n${pad(level + 1)}${printNode(node.node, level + 1)},\n${pad(level)}}`;
}

function printFetch(node: FetchNode, level: number): string {
  const id = node.id === undefined ? '' : `, id: ${node.id}`;
  const inner = pad(level + 1);
  const requires =
    node.requires === undefined
      ? ''
      : `${indentBlock(print(toSelectionSet(node.requires)), inner)} =>\n`;
  return `Fetch(service: "${node.serviceName}"${id}) {\n${requires}${indentBlock(printOperationBody(node), inner)}\n${pad(level)}}`;
}

function printCondition(node: ConditionNode, level: number): string {
  const variable = `$${node.condition}`;
  const { ifClause, elseClause } = node;
  if (ifClause && elseClause) {
    return (
      `Condition(if: ${variable}) {\n${pad(level + 1)}Then {\n${pad(level + 2)}${printNode(ifClause, level + 2)}` +
      `\n${pad(level + 1)}} Else {\n${pad(level + 2)}${printNode(elseClause, level + 2)}\n${pad(level + 1)}}\n${pad(level)}}`
    );
  }
  const [name, branch] = ifClause ? ['Include', ifClause] : ['Skip', elseClause];
  const body = branch ? `\n${pad(level + 1)}${printNode(branch, level + 1)}` : '';
  return `${name}(if: ${variable}) {${body}\n${pad(level)}}`;
}

function printDefer(node: DeferNode, level: number): string {
  const inner = pad(level + 2);
  const { subselection, node: primaryNode } = node.primary;
  const primary =
    `${pad(level + 1)}Primary {\n` +
    `${subselection === undefined ? inner : indentBlock(printSubselection(subselection), inner)}:` +
    `${primaryNode ? `\n${inner}${printNode(primaryNode, level + 2)}` : ''}\n${pad(level + 1)}}`;
  // Chunks are joined by newlines inside `[` and `]`, so an empty list leaves a blank line.
  const deferred = node.deferred
    .map((chunk) => `${inner}${printDeferred(chunk, level + 2)},`)
    .join('\n');
  return `Defer {\n${primary}, [\n${deferred}\n${pad(level + 1)}]\n${pad(level)}}`;
}

function printDeferred(chunk: DeferredNode, level: number): string {
  const depends = chunk.depends
    .map((d) => (d.deferLabel === undefined ? d.id : `${d.id}:"${d.deferLabel}"`))
    .join(', ');
  const label = chunk.label === undefined ? '' : `, label: "${chunk.label}"`;
  const inner = pad(level + 1);
  const subselection =
    chunk.subselection === undefined
      ? ''
      : `\n${indentBlock(printSubselection(chunk.subselection), inner)}:`;
  const body = chunk.node ? `\n${inner}${printNode(chunk.node, level + 1)}` : '';
  return `Deferred(depends: [${depends}], path: "${chunk.queryPath.join('/')}"${label}) {${subselection}${body}\n${pad(level)}}`;
}

function printSubscription(node: SubscriptionNode, level: number): string {
  const inner = pad(level + 2);
  // Without `rest`, Apollo still closes the (unopened) `Rest` block; kept for byte equality.
  const rest = node.rest
    ? `\n${pad(level + 1)}Rest: {\n${inner}${printNode(node.rest, level + 2)}`
    : '';
  return (
    `Subscription {\n${pad(level + 1)}Primary: {\n${inner}${printNode(node.primary, level + 2)}\n${pad(level + 1)}},` +
    `${rest}\n${pad(level + 1)}}\n${pad(level)}}`
  );
}

/**
 * The fetch's operation without its header: the root selection set (or, for an entity fetch,
 * the selection set inside `_entities`), then its fragment definitions.
 */
function printOperationBody(node: FetchNode): string {
  const document = parse(node.operation);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) return node.operation;
  const selectionSet =
    node.requires === undefined ? operation.selectionSet : entitiesSelection(operation);
  const fragments = document.definitions.filter(
    (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
  );
  return [print(selectionSet), ...fragments.map((f) => print(f))].join('\n\n');
}

/** The selection set of the `_entities` field of an entity fetch (the whole set if absent). */
function entitiesSelection(operation: OperationDefinitionNode): SelectionSetNode {
  const [first] = operation.selectionSet.selections;
  if (first?.kind === Kind.FIELD && first.name.value === '_entities' && first.selectionSet) {
    return first.selectionSet;
  }
  return operation.selectionSet;
}

/** A defer chunk's subselection is GraphQL selection text; it is shown re-printed. */
function printSubselection(text: string): string {
  let document: DocumentNode;
  try {
    document = parse(text);
  } catch {
    return text;
  }
  return print(document);
}

function toSelectionSet(selections: readonly PlanSelection[]): SelectionSetNode {
  return { kind: Kind.SELECTION_SET, selections: selections.map(toSelectionNode) };
}

function toSelectionNode(selection: PlanSelection): SelectionNode {
  if (selection.kind === 'InlineFragment') {
    return {
      kind: Kind.INLINE_FRAGMENT,
      ...(selection.typeCondition === undefined
        ? {}
        : {
            typeCondition: {
              kind: Kind.NAMED_TYPE,
              name: { kind: Kind.NAME, value: selection.typeCondition },
            },
          }),
      selectionSet: toSelectionSet(selection.selections),
    };
  }
  // Apollo's text shows `requires` fields by name only, aliases left out.
  return {
    kind: Kind.FIELD,
    name: { kind: Kind.NAME, value: selection.name },
    ...(selection.selections === undefined
      ? {}
      : { selectionSet: toSelectionSet(selection.selections) }),
  };
}

function pad(level: number): string {
  return INDENT.repeat(level);
}

/** Indents every line of `text`, blank ones included (Apollo's output has them padded too). */
function indentBlock(text: string, indent: string): string {
  return text
    .split('\n')
    .map((line) => indent + line)
    .join('\n');
}
