import {
  type ArgumentNode,
  type DirectiveNode,
  type DocumentNode,
  doTypesOverlap,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLCompositeType,
  GraphQLEnumType,
  type GraphQLInputType,
  GraphQLInterfaceType,
  GraphQLList,
  type GraphQLNamedType,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  type GraphQLSchema,
  type GraphQLType,
  GraphQLUnionType,
  getNamedType,
  isCompositeType,
  isInputType,
  isLeafType,
  isNonNullType,
  isRequiredArgument,
  isTypeSubTypeOf,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  specifiedRules,
  typeFromAST,
  type ValidationRule,
  type ValueNode,
  type VariableDefinitionNode,
} from 'graphql';
import { KNOWN_RULES } from './rule-selection.js';

/**
 * A certificate of validity for the documents gateways plan most: one query or mutation, fields,
 * arguments with variables or scalar/enum literals, directives, inline and named fragments. When
 * it returns true, graphql-js's specified rules report nothing on the document (checked rule by
 * rule below); false means "not shown valid here" (invalid, or outside the subset:
 * subscriptions, list/object/null literals, introspection fields, a response name selected twice
 * in one selection set once fragments are flattened, several operations, very large expansions)
 * and the rules run as before, for their exact errors.
 *
 * Why: on small operations the rules' per-call set-up (one visitor object per rule, ~25 of them,
 * each with its own maps) costs more than planning; this walk does the same checks once, with no
 * allocation per rule.
 */
export function certainlyValid(
  schema: GraphQLSchema,
  document: DocumentNode,
  rules: readonly ValidationRule[],
): boolean {
  if (!rulesAreSpecified(rules)) return false;
  let operation: OperationDefinitionNode | undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      // UniqueOperationNames, LoneAnonymousOperation: one operation only.
      if (operation) return false;
      operation = definition;
    } else if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      // UniqueFragmentNames; fragment variables (experimental) left to the rules.
      const name = definition.name.value;
      if (fragments.has(name) || definition.variableDefinitions) return false;
      fragments.set(name, definition);
    } else {
      return false;
    }
  }
  return operation !== undefined && checkOperation(schema, operation, fragments);
}

/**
 * Selections walked, fragments expanded at each spread, before giving up: a document nesting
 * spreads of spreads can expand exponentially; the rules (with their own budget) handle it.
 */
const MAX_VISITS = 5_000;

let specifiedAreKnown: boolean | undefined;

/**
 * Only graphql-js's own specified rules, and only when they are the ones checked here (another
 * graphql version may add rules this file does not know about).
 */
function rulesAreSpecified(rules: readonly ValidationRule[]): boolean {
  if (rules !== specifiedRules) return false;
  specifiedAreKnown ??=
    specifiedRules.length === KNOWN_RULES.size && specifiedRules.every((r) => KNOWN_RULES.has(r));
  return specifiedAreKnown;
}

function checkOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): boolean {
  // SingleFieldSubscriptions; operation directives (KnownDirectives' locations) left to the rules.
  if (operation.operation === 'subscription' || (operation.directives?.length ?? 0) > 0) {
    return false;
  }
  const root = schema.getRootType(operation.operation);
  if (!root) return false;
  const variables = new Map<string, VariableDefinitionNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    // UniqueVariableNames; directives on variables left to the rules.
    if (variables.has(name) || (definition.directives?.length ?? 0) > 0) return false;
    // KnownTypeNames, VariablesAreInputTypes.
    const type = typeFromAST(schema, definition.type);
    if (!type || !isInputType(type)) return false;
    // ValuesOfCorrectType on the default value.
    if (definition.defaultValue && !literalFits(definition.defaultValue, type)) return false;
    variables.set(name, definition);
  }
  const walker = new Walker(schema, variables, fragments);
  for (const fragment of fragments.values()) {
    if (!walker.directives(fragment.directives, 'FRAGMENT_DEFINITION')) return false;
  }
  if (!walker.selectionSet(operation.selectionSet, root)) return false;
  // NoUnusedVariables, NoUnusedFragments.
  return walker.used.size === variables.size && walker.spread.size === fragments.size;
}

class Walker {
  /** The variables used anywhere (NoUndefinedVariables is checked at each use). */
  readonly used = new Set<string>();
  /** The fragments spread anywhere. */
  readonly spread = new Set<string>();
  /** The fragments being expanded (NoFragmentCycles). */
  private readonly expanding = new Set<string>();
  private visits = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly variables: ReadonlyMap<string, VariableDefinitionNode>,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  ) {}

  /**
   * One field-level selection set. OverlappingFieldsCanBeMerged compares only fields of the same
   * response name, inline fragments flattened into their parent set: with every response name
   * unique there is nothing to compare, here or in any sub-selection.
   */
  selectionSet(set: SelectionSetNode, parent: GraphQLCompositeType): boolean {
    // ScalarLeafs: a composite field selects at least one field.
    if (set.selections.length === 0) return false;
    return this.selections(set, parent, new Set());
  }

  private selections(
    set: SelectionSetNode,
    parent: GraphQLCompositeType,
    responseNames: Set<string>,
  ): boolean {
    for (const selection of set.selections) {
      if (++this.visits > MAX_VISITS) return false;
      if (selection.kind === Kind.FIELD) {
        const responseName = selection.alias?.value ?? selection.name.value;
        if (responseNames.has(responseName)) return false;
        responseNames.add(responseName);
        if (!this.directives(selection.directives, 'FIELD')) return false;
        const name = selection.name.value;
        if (name === '__typename') {
          // TypeNameMetaFieldDef: no arguments, a leaf.
          if ((selection.arguments?.length ?? 0) > 0 || selection.selectionSet) return false;
          continue;
        }
        // __schema / __type: MaxIntrospectionDepth and meta fields are left to the rules.
        // FieldsOnCorrectType: unions have no fields but __typename.
        if (
          name.startsWith('__') ||
          !(parent instanceof GraphQLObjectType || parent instanceof GraphQLInterfaceType)
        ) {
          return false;
        }
        const field = parent.getFields()[name];
        if (!field) return false;
        if (!this.arguments(selection.arguments, field.args)) return false;
        // ScalarLeafs.
        const named = unwrap(field.type);
        if (named instanceof GraphQLScalarType || named instanceof GraphQLEnumType) {
          if (selection.selectionSet) return false;
        } else if (
          !(
            named instanceof GraphQLObjectType ||
            named instanceof GraphQLInterfaceType ||
            named instanceof GraphQLUnionType
          ) ||
          !selection.selectionSet ||
          !this.selectionSet(selection.selectionSet, named)
        ) {
          return false;
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!this.directives(selection.directives, 'INLINE_FRAGMENT')) return false;
        const type = selection.typeCondition
          ? this.condition(selection.typeCondition.name.value, parent)
          : parent;
        if (!type || selection.selectionSet.selections.length === 0) return false;
        if (!this.selections(selection.selectionSet, type, responseNames)) return false;
      } else {
        if (!this.directives(selection.directives, 'FRAGMENT_SPREAD')) return false;
        // KnownFragmentNames, NoFragmentCycles.
        const name = selection.name.value;
        const fragment = this.fragments.get(name);
        if (!fragment || this.expanding.has(name)) return false;
        this.spread.add(name);
        const type = this.condition(fragment.typeCondition.name.value, parent);
        if (!type || fragment.selectionSet.selections.length === 0) return false;
        this.expanding.add(name);
        const ok = this.selections(fragment.selectionSet, type, responseNames);
        this.expanding.delete(name);
        if (!ok) return false;
      }
    }
    return true;
  }

  /**
   * A fragment's type condition: KnownTypeNames, FragmentsOnCompositeTypes and
   * PossibleFragmentSpreads (it can overlap the parent type). Undefined when one fails.
   */
  private condition(name: string, parent: GraphQLCompositeType): GraphQLCompositeType | undefined {
    const type = this.schema.getType(name);
    if (!type || !isCompositeType(type) || !doTypesOverlap(this.schema, type, parent)) {
      return undefined;
    }
    return type;
  }

  /** KnownDirectives (name, location), UniqueDirectivesPerLocation, and their arguments. */
  directives(directives: readonly DirectiveNode[] | undefined, location: string): boolean {
    if (!directives || directives.length === 0) return true;
    for (let i = 0; i < directives.length; i++) {
      const node = directives[i] as DirectiveNode;
      const name = node.name.value;
      const directive = this.schema.getDirective(name);
      if (!directive || !directive.locations.includes(location as never)) return false;
      if (!directive.isRepeatable && sameNameBefore(directives, i)) return false;
      if (!this.arguments(node.arguments, directive.args)) return false;
    }
    return true;
  }

  /**
   * KnownArgumentNames, UniqueArgumentNames, ProvidedRequiredArguments, ValuesOfCorrectType and,
   * for a variable, NoUndefinedVariables and VariablesInAllowedPosition.
   */
  private arguments(
    nodes: readonly ArgumentNode[] | undefined,
    definitions: readonly GraphQLArgument[],
  ): boolean {
    if (nodes && nodes.length > MAX_ARGUMENTS) return false;
    for (let i = 0; i < (nodes?.length ?? 0); i++) {
      const node = (nodes as readonly ArgumentNode[])[i] as ArgumentNode;
      if (sameNameBefore(nodes as readonly ArgumentNode[], i)) return false;
      const name = node.name.value;
      let definition: GraphQLArgument | undefined;
      for (const d of definitions) {
        if (d.name === name) {
          definition = d;
          break;
        }
      }
      if (!definition || !this.value(node.value, definition)) return false;
    }
    for (const definition of definitions) {
      if (isRequiredArgument(definition) && !nodes?.some((n) => n.name.value === definition.name)) {
        return false;
      }
    }
    return true;
  }

  private value(node: ValueNode, argument: GraphQLArgument): boolean {
    if (node.kind !== Kind.VARIABLE) return literalFits(node, argument.type);
    const name = node.name.value;
    const variable = this.variables.get(name);
    if (!variable) return false;
    this.used.add(name);
    const type = typeFromAST(this.schema, variable.type);
    if (!type) return false;
    // graphql-js's allowedVariableUsage, for a variable that is the whole argument value.
    if (isNonNullType(argument.type) && !isNonNullType(type)) {
      const variableDefault =
        variable.defaultValue !== undefined && variable.defaultValue.kind !== Kind.NULL;
      if (!variableDefault && argument.defaultValue === undefined) return false;
      return isTypeSubTypeOf(this.schema, type, argument.type.ofType);
    }
    return isTypeSubTypeOf(this.schema, type, argument.type);
  }
}

/** Arguments on one field or directive beyond which the rules check (names compared pairwise). */
const MAX_ARGUMENTS = 32;

/** Whether a node before `index` has the same name (directives, arguments: a handful each). */
function sameNameBefore(
  nodes: readonly { readonly name: { readonly value: string } }[],
  index: number,
): boolean {
  const name = (nodes[index] as { readonly name: { readonly value: string } }).name.value;
  for (let i = 0; i < index; i++) {
    if ((nodes[i] as { readonly name: { readonly value: string } }).name.value === name) {
      return true;
    }
  }
  return false;
}

/**
 * The named type under list and non-null wrappers. `instanceof`, as graphql-js's own checks are in
 * production builds: in development builds its `isX` checks cost far more when they fail, and
 * a failing check here only means "not shown valid".
 */
function unwrap(type: GraphQLType): GraphQLNamedType {
  let t = type;
  while (t instanceof GraphQLList || t instanceof GraphQLNonNull) t = t.ofType as GraphQLType;
  return t as GraphQLNamedType;
}

/**
 * ValuesOfCorrectType for a scalar or enum literal: graphql-js asks the named type's
 * `parseLiteral` (a literal of a list type is one item). Lists, objects and null (whose checks
 * depend on the position's nullability and fields) are left to the rules.
 */
function literalFits(node: ValueNode, type: GraphQLInputType): boolean {
  if (
    node.kind === Kind.LIST ||
    node.kind === Kind.OBJECT ||
    node.kind === Kind.NULL ||
    node.kind === Kind.VARIABLE
  ) {
    return false;
  }
  const named = getNamedType(type);
  if (!isLeafType(named)) return false;
  try {
    return named.parseLiteral(node, undefined) !== undefined;
  } catch {
    return false;
  }
}
