/**
 * One subgraph operation out of several entity fetch operations, so that entity fetches to the
 * same subgraph in the same plan level share one HTTP request:
 *
 *   query($representations_0:[_Any!]!,$representations_1:[_Any!]!){
 *     _0:_entities(representations:$representations_0){...on User{reviews{id}}}
 *     _1:_entities(representations:$representations_1){...on Product{reviews{id}}}}
 *
 * Each operation keeps its selection set as the planner printed it and gets its own alias and
 * representations variable; client variables are shared (the planner copies their definitions
 * from the client operation, so one name has one type), and fragment definitions, if any, are
 * renamed per operation. Built once per combination of operations and cached with the plan.
 *
 * @module
 */
import {
  Kind,
  parse,
  print,
  stripIgnoredCharacters,
  visit,
  type DefinitionNode,
  type FieldNode,
  type OperationDefinitionNode,
  type SelectionNode,
  type VariableDefinitionNode,
} from 'graphql';

/** The merged operation: the request body's start, and the response field of each operation. */
export interface BatchOperation {
  /** `{"query":"...","operationName":"..."` — the body without variables and closing brace. */
  readonly bodyPrefix: string;
  /** For operation `i` of the input: its alias in the response, and its variable's name. */
  readonly aliases: readonly string[];
  readonly variables: readonly string[];
}

const REPRESENTATIONS = 'representations';

/**
 * Merges `operations` (each an entity fetch: one `_entities(representations:
 * $representations)` field at the top) into one. `undefined` when they cannot share a request
 * (a shape this does not expect, or one client variable name declared with two types); the
 * caller then sends them one by one.
 */
export function mergeEntityOperations(
  operations: readonly string[],
  operationName: string | undefined,
): BatchOperation | undefined {
  let documents: OperationParts[];
  try {
    documents = operations.map((text) => split(text));
  } catch {
    return undefined;
  }
  // A variable name no client variable of any of the operations uses.
  const clientNames = new Set<string>();
  for (const parts of documents) {
    for (const definition of parts.variables) clientNames.add(definition.variable.name.value);
  }
  let base = REPRESENTATIONS;
  while (documents.some((_, i) => clientNames.has(`${base}_${i}`))) base = `_${base}`;

  const definitions = new Map<string, VariableDefinitionNode>();
  const printed = new Map<string, string>();
  const selections: SelectionNode[] = [];
  const fragments: DefinitionNode[] = [];
  const aliases: string[] = [];
  const variables: string[] = [];
  for (let i = 0; i < documents.length; i++) {
    const parts = documents[i]!;
    const variable = `${base}_${i}`;
    const alias = `_${i}`;
    const renamed = renameOperation(parts, variable, `__${i}`);
    for (const definition of renamed.variables) {
      const name = definition.variable.name.value;
      const text = print(definition);
      const seen = printed.get(name);
      if (seen !== undefined && seen !== text) return undefined;
      if (seen === undefined) {
        printed.set(name, text);
        definitions.set(name, definition);
      }
    }
    selections.push({ ...renamed.entities, alias: { kind: Kind.NAME, value: alias } });
    fragments.push(...renamed.fragments);
    aliases.push(alias);
    variables.push(variable);
  }
  const operation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: 'query' as OperationDefinitionNode['operation'],
    ...(operationName ? { name: { kind: Kind.NAME, value: operationName } } : {}),
    variableDefinitions: [...definitions.values()],
    directives: [],
    selectionSet: { kind: Kind.SELECTION_SET, selections },
  };
  const text = stripIgnoredCharacters(
    print({ kind: Kind.DOCUMENT, definitions: [operation, ...fragments] }),
  );
  let bodyPrefix = `{"query":${JSON.stringify(text)}`;
  if (operationName) bodyPrefix += `,"operationName":${JSON.stringify(operationName)}`;
  return { bodyPrefix, aliases, variables };
}

interface OperationParts {
  readonly variables: readonly VariableDefinitionNode[];
  readonly entities: FieldNode;
  readonly fragments: readonly DefinitionNode[];
}

/** The parts of an entity fetch operation, or throws when it is not one. */
function split(text: string): OperationParts {
  const document = parse(text, { noLocation: true });
  let operation: OperationDefinitionNode | undefined;
  const fragments: DefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      if (operation) throw new Error('two operations');
      operation = definition;
    } else if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.push(definition);
    } else {
      throw new Error('unexpected definition');
    }
  }
  if (!operation || operation.operation !== 'query' || operation.directives?.length) {
    throw new Error('not a query');
  }
  const [entities, ...rest] = operation.selectionSet.selections;
  if (
    rest.length > 0 ||
    entities?.kind !== Kind.FIELD ||
    entities.name.value !== '_entities' ||
    entities.alias
  ) {
    throw new Error('not one _entities field');
  }
  return { variables: operation.variableDefinitions ?? [], entities, fragments };
}

/** `$representations` becomes `$<variable>`, fragment `F` becomes `F<suffix>`. */
function renameOperation(parts: OperationParts, variable: string, suffix: string): OperationParts {
  const fragmentNames = new Set<string>();
  for (const fragment of parts.fragments) {
    if (fragment.kind === Kind.FRAGMENT_DEFINITION) fragmentNames.add(fragment.name.value);
  }
  const visitor = {
    Variable: (node: { readonly name: { readonly value: string } }) =>
      node.name.value === REPRESENTATIONS
        ? { ...node, name: { kind: Kind.NAME, value: variable } }
        : undefined,
    FragmentSpread: (node: { readonly name: { readonly value: string } }) =>
      fragmentNames.has(node.name.value)
        ? { ...node, name: { kind: Kind.NAME, value: `${node.name.value}${suffix}` } }
        : undefined,
    FragmentDefinition: (node: { readonly name: { readonly value: string } }) => ({
      ...node,
      name: { kind: Kind.NAME, value: `${node.name.value}${suffix}` },
    }),
  };
  return {
    variables: parts.variables.map((d) => visit(d, visitor)),
    entities: visit(parts.entities, visitor),
    fragments: parts.fragments.map((f) => visit(f, visitor)),
  };
}
