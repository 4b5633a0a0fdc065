/**
 * The schema coordinates an operation references, as `UsageOperation.coordinates` documents
 * them (`@orrery/registry-client`, `wire-usage.ts`):
 *
 * - every named type it touches: the root type, field return types (scalars and enums too),
 *   type conditions, variable types, argument and input field types;
 * - `Type.field` for each selected field, and a field selected on an interface also as
 *   `Object.field` for every object type implementing it in the API schema;
 * - `Type.field(arg:)` for each argument passed;
 * - `Input.field` for each input field given, in a literal or in a variable's value (values as
 *   coerced: an input field filled in from its schema default counts as given);
 * - `Enum.VALUE` for each enum value sent, in a literal or in a variable's value (nested in
 *   lists and input objects too);
 * - `@directive` for each directive of the schema the operation uses (on the operation, its
 *   variables, fields, fragments and spreads; `@skip` and `@include` too) and
 *   `@directive(arg:)` for each argument passed to one, its literal walked as above: checks
 *   tell who a change to an executable directive breaks.
 *
 * `__typename` and introspection fields (`__schema`, `__type`) are not coordinates.
 *
 * Variable values differ per request, so the work is split: {@link analyzeOperation} runs once
 * per compiled operation and gives the coordinates that do not depend on variables plus the
 * (usually empty) list of variables whose values can add some (input objects and enums, or
 * lists of them); {@link variableCoordinates} walks only those, per request.
 *
 * @module
 */
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  typeFromAST,
  type DirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** A variable whose value can add coordinates, with its (schema) type. */
export interface ValueVariable {
  readonly name: string;
  readonly type: GraphQLInputType;
}

/** What {@link analyzeOperation} finds once per compiled operation. */
export interface OperationAnalysis {
  /** Coordinates that do not depend on variable values (a set, unsorted). */
  readonly coordinates: ReadonlySet<string>;
  /** Variables whose values must be walked per request (input objects, enums, lists of them). */
  readonly valueVariables: readonly ValueVariable[];
}

/**
 * Sorted unique coordinates of the operation for these (coerced) variable values: the static
 * part and what the values add.
 */
export function collectCoordinates(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Readonly<Record<string, unknown>> = {},
): string[] {
  const operation = findOperation(document, operationName);
  if (!operation) return [];
  const analysis = analyzeOperation(schema, document, operation);
  const all = new Set(analysis.coordinates);
  variableCoordinates(analysis.valueVariables, variables, all);
  return [...all].sort();
}

/** The operation `name` picks (the only one when `name` is undefined), as the gateway does. */
export function findOperation(
  document: DocumentNode,
  name: string | undefined,
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (name === undefined) return operations.length === 1 ? operations[0] : undefined;
  return operations.find((o) => o.name?.value === name);
}

/** The variable-independent coordinates and the variables to walk per request. */
export function analyzeOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): OperationAnalysis {
  const out = new Set<string>();
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  }
  const valueVariables: ValueVariable[] = [];
  const directives = (nodes: readonly DirectiveNode[] | undefined): void => {
    for (const node of nodes ?? []) {
      const directive = schema.getDirective(node.name.value);
      if (!directive) continue;
      out.add(`@${directive.name}`);
      for (const argument of node.arguments ?? []) {
        const arg = directive.args.find((a) => a.name === argument.name.value);
        if (!arg) continue;
        out.add(`@${directive.name}(${arg.name}:)`);
        out.add(getNamedType(arg.type).name);
        literal(argument.value, arg.type, out);
      }
    }
  };
  directives(operation.directives);
  for (const definition of operation.variableDefinitions ?? []) {
    directives(definition.directives);
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (!type) continue;
    const named = getNamedType(type);
    out.add(named.name);
    if (definition.defaultValue) literal(definition.defaultValue, type, out);
    if (isInputObjectType(named) || isEnumType(named)) {
      valueVariables.push({ name: definition.variable.name.value, type });
    }
  }
  const root = schema.getRootType(operation.operation);
  if (root) {
    out.add(root.name);
    const visited = new Set<string>();
    const walk = (set: SelectionSetNode, parent: GraphQLCompositeType): void => {
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          field(selection, parent);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          directives(selection.directives);
          const condition = selection.typeCondition
            ? schema.getType(selection.typeCondition.name.value)
            : parent;
          if (!condition) continue;
          out.add(condition.name);
          walk(selection.selectionSet, condition as GraphQLCompositeType);
        } else {
          // A fragment's coordinates do not depend on where it is spread: walk it once.
          directives(selection.directives);
          const name = selection.name.value;
          if (visited.has(name)) continue;
          visited.add(name);
          const fragment = fragments.get(name);
          const condition = fragment && schema.getType(fragment.typeCondition.name.value);
          if (!fragment || !condition) continue;
          directives(fragment.directives);
          out.add(condition.name);
          walk(fragment.selectionSet, condition as GraphQLCompositeType);
        }
      }
    };
    const field = (
      node: Extract<SelectionSetNode['selections'][number], { kind: Kind.FIELD }>,
      parent: GraphQLCompositeType,
    ): void => {
      const name = node.name.value;
      directives(node.directives);
      if (name.startsWith('__')) return;
      if (!isObjectType(parent) && !isInterfaceType(parent)) return;
      const definition = parent.getFields()[name];
      if (!definition) return;
      out.add(`${parent.name}.${name}`);
      if (isInterfaceType(parent)) {
        for (const object of schema.getPossibleTypes(parent)) out.add(`${object.name}.${name}`);
      }
      for (const argument of node.arguments ?? []) {
        const arg = definition.args.find((a) => a.name === argument.name.value);
        if (!arg) continue;
        out.add(`${parent.name}.${name}(${arg.name}:)`);
        out.add(getNamedType(arg.type).name);
        literal(argument.value, arg.type, out);
      }
      const type = getNamedType(definition.type);
      out.add(type.name);
      if (node.selectionSet) walk(node.selectionSet, type as GraphQLCompositeType);
    };
    walk(operation.selectionSet, root);
  }
  return { coordinates: out, valueVariables };
}

/** Input fields and enum values of a literal of type `type` (variables inside are skipped). */
function literal(value: ValueNode, type: GraphQLInputType, out: Set<string>): void {
  const nullable = getNullableType(type);
  switch (value.kind) {
    case Kind.LIST: {
      const item = isListType(nullable) ? (nullable.ofType as GraphQLInputType) : nullable;
      for (const v of value.values) literal(v, item, out);
      return;
    }
    case Kind.OBJECT: {
      if (!isInputObjectType(nullable)) return;
      out.add(nullable.name);
      const fields = nullable.getFields();
      for (const f of value.fields) {
        const definition = fields[f.name.value];
        if (!definition) continue;
        out.add(`${nullable.name}.${definition.name}`);
        out.add(getNamedType(definition.type).name);
        literal(f.value, definition.type, out);
      }
      return;
    }
    case Kind.ENUM: {
      const named = getNamedType(nullable);
      if (isEnumType(named)) out.add(`${named.name}.${value.value}`);
      return;
    }
    default:
      // A list-typed position given one value is coerced as a list of it (GraphQL input coercion).
      if (isListType(nullable) && value.kind !== Kind.NULL && value.kind !== Kind.VARIABLE) {
        literal(value, nullable.ofType as GraphQLInputType, out);
      }
  }
}

/**
 * Adds to `out` what the (coerced) values of `variables` reference: `Input.field` per field
 * present, the input field types, and `Enum.VALUE` per enum value, at any depth.
 */
export function variableCoordinates(
  valueVariables: readonly ValueVariable[],
  variables: Readonly<Record<string, unknown>>,
  out: Set<string>,
): void {
  for (const { name, type } of valueVariables) {
    const value = variables[name];
    if (value !== undefined && value !== null) walkValue(value, type, out);
  }
}

function walkValue(value: unknown, type: GraphQLInputType, out: Set<string>): void {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const item = nullable.ofType as GraphQLInputType;
    if (Array.isArray(value)) {
      for (const v of value) if (v !== null && v !== undefined) walkValue(v, item, out);
    } else {
      walkValue(value, item, out);
    }
    return;
  }
  if (isEnumType(nullable)) {
    // Coerced enum values are internal values; serialize maps them back to names.
    try {
      const serialized = nullable.serialize(value);
      if (typeof serialized === 'string') out.add(`${nullable.name}.${serialized}`);
    } catch {
      // Not a value of this enum (cannot happen after coercion): nothing to add.
    }
    return;
  }
  if (isInputObjectType(nullable) && typeof value === 'object') {
    out.add(nullable.name);
    const fields = nullable.getFields();
    for (const key in value as Record<string, unknown>) {
      const definition = fields[key];
      if (!definition) continue;
      out.add(`${nullable.name}.${key}`);
      const named = getNamedType(definition.type);
      out.add(named.name);
      const v = (value as Record<string, unknown>)[key];
      if (v !== null && v !== undefined && (isInputObjectType(named) || isEnumType(named))) {
        walkValue(v, definition.type, out);
      }
    }
  }
}
