import * as graphql from 'graphql';
import {
  type ASTNode,
  type DocumentNode,
  ExecutableDefinitionsRule,
  type GraphQLSchema,
  FieldsOnCorrectTypeRule,
  FragmentsOnCompositeTypesRule,
  KnownArgumentNamesRule,
  KnownDirectivesRule,
  KnownFragmentNamesRule,
  KnownTypeNamesRule,
  Kind,
  LoneAnonymousOperationRule,
  NoFragmentCyclesRule,
  NoUndefinedVariablesRule,
  NoUnusedFragmentsRule,
  NoUnusedVariablesRule,
  OperationTypeNode,
  OverlappingFieldsCanBeMergedRule,
  PossibleFragmentSpreadsRule,
  ProvidedRequiredArgumentsRule,
  ScalarLeafsRule,
  SingleFieldSubscriptionsRule,
  UniqueArgumentNamesRule,
  UniqueDirectivesPerLocationRule,
  UniqueFragmentNamesRule,
  UniqueInputFieldNamesRule,
  UniqueOperationNamesRule,
  UniqueVariableNamesRule,
  type ValidationRule,
  ValuesOfCorrectTypeRule,
  VariablesAreInputTypesRule,
  VariablesInAllowedPositionRule,
} from 'graphql';

/** What an executable document contains, as far as choosing validation rules goes. */
export interface DocumentFeatures {
  /** Node kinds present anywhere in the document. */
  readonly kinds: ReadonlySet<string>;
  readonly operations: number;
  readonly subscription: boolean;
  /** The names of the types the document names (type conditions, variable types). */
  readonly typeNames: ReadonlySet<string>;
}

/** One walk over the document (no callbacks, no type information): the features present. */
export function scanDocument(
  document: DocumentNode,
  keys: Readonly<Record<string, readonly string[]>>,
): DocumentFeatures {
  const kinds = new Set<string>();
  const typeNames = new Set<string>();
  const walk = (node: ASTNode): void => {
    kinds.add(node.kind);
    if (node.kind === Kind.NAMED_TYPE) typeNames.add(node.name.value);
    const record = node as unknown as Record<string, unknown>;
    for (const key of keys[node.kind] ?? []) {
      const child = record[key];
      if (Array.isArray(child)) for (const item of child) walk(item as ASTNode);
      else if (child) walk(child as ASTNode);
    }
  };
  walk(document);
  let operations = 0;
  let subscription = false;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    operations++;
    if (definition.operation === OperationTypeNode.SUBSCRIPTION) subscription = true;
  }
  return { kinds, operations, subscription, typeNames };
}

/**
 * When each specified rule can report anything: a rule whose condition fails has nothing to look
 * at in the document (no variables for the variable rules, no fragments for the fragment rules,
 * ...) and is not run. Conditions are conservative: rules that spend graphql-js's fragment-work
 * budget (which aborts validation on pathological documents) keep running whenever there is a
 * fragment spread, so the budget is spent exactly as graphql-js spends it. Rules not listed here
 * (other graphql versions' additions, custom rules) always run.
 */
const CONDITIONS = new Map<ValidationRule, (f: DocumentFeatures, schema: GraphQLSchema) => boolean>(
  [
    // Only executable definitions reach this path (see validateOperation).
    [ExecutableDefinitionsRule, () => false],
    [UniqueOperationNamesRule, (f) => f.operations > 1],
    [LoneAnonymousOperationRule, (f) => f.operations > 1],
    [SingleFieldSubscriptionsRule, (f) => f.subscription],
    // Only an unknown name can be reported; the rule itself lists every type of the schema on each
    // call (for suggestions), thousands of names on a large supergraph.
    [KnownTypeNamesRule, (f, schema) => [...f.typeNames].some((name) => !schema.getType(name))],
    [
      FragmentsOnCompositeTypesRule,
      (f) => f.kinds.has(Kind.INLINE_FRAGMENT) || f.kinds.has(Kind.FRAGMENT_DEFINITION),
    ],
    [VariablesAreInputTypesRule, (f) => f.kinds.has(Kind.VARIABLE_DEFINITION)],
    [FieldsOnCorrectTypeRule, () => true],
    [UniqueFragmentNamesRule, (f) => f.kinds.has(Kind.FRAGMENT_DEFINITION)],
    [KnownFragmentNamesRule, (f) => f.kinds.has(Kind.FRAGMENT_SPREAD)],
    [
      NoUnusedFragmentsRule,
      (f) => f.kinds.has(Kind.FRAGMENT_DEFINITION) || f.kinds.has(Kind.FRAGMENT_SPREAD),
    ],
    [
      PossibleFragmentSpreadsRule,
      (f) => f.kinds.has(Kind.INLINE_FRAGMENT) || f.kinds.has(Kind.FRAGMENT_SPREAD),
    ],
    [NoFragmentCyclesRule, (f) => f.kinds.has(Kind.FRAGMENT_DEFINITION)],
    [UniqueVariableNamesRule, (f) => f.kinds.has(Kind.VARIABLE_DEFINITION)],
    [
      NoUndefinedVariablesRule,
      (f) => f.kinds.has(Kind.VARIABLE) || f.kinds.has(Kind.FRAGMENT_SPREAD),
    ],
    [
      NoUnusedVariablesRule,
      (f) => f.kinds.has(Kind.VARIABLE_DEFINITION) || f.kinds.has(Kind.FRAGMENT_SPREAD),
    ],
    [KnownDirectivesRule, (f) => f.kinds.has(Kind.DIRECTIVE)],
    [UniqueDirectivesPerLocationRule, (f) => f.kinds.has(Kind.DIRECTIVE)],
    [KnownArgumentNamesRule, (f) => f.kinds.has(Kind.ARGUMENT)],
    [UniqueArgumentNamesRule, (f) => f.kinds.has(Kind.ARGUMENT)],
    [
      ValuesOfCorrectTypeRule,
      (f) => f.kinds.has(Kind.ARGUMENT) || f.kinds.has(Kind.VARIABLE_DEFINITION),
    ],
    [
      VariablesInAllowedPositionRule,
      (f) => f.kinds.has(Kind.VARIABLE) || f.kinds.has(Kind.FRAGMENT_SPREAD),
    ],
    [UniqueInputFieldNamesRule, (f) => f.kinds.has(Kind.OBJECT)],
  ],
);

/** Whether `rule` can report anything on a document with these features. */
export function ruleApplies(
  rule: ValidationRule,
  features: DocumentFeatures,
  schema: GraphQLSchema,
): boolean {
  return CONDITIONS.get(rule)?.(features, schema) ?? true;
}

/**
 * The rules `fast-path.ts` checks: graphql 16's specified rules. Under another set (a graphql
 * version adding rules) the fast path is off.
 */
export const KNOWN_RULES: ReadonlySet<ValidationRule> = new Set(
  [
    ...CONDITIONS.keys(),
    ScalarLeafsRule,
    ProvidedRequiredArgumentsRule,
    OverlappingFieldsCanBeMergedRule,
    // Since graphql 16.9 (a named import would fail to link on older versions).
    (graphql as { MaxIntrospectionDepthRule?: ValidationRule }).MaxIntrospectionDepthRule,
  ].filter((rule): rule is ValidationRule => rule !== undefined),
);
