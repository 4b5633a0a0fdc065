/**
 * The response shape of one client operation, compiled once per (supergraph, operation,
 * `@skip`/`@include` values): for every object the response holds, the fields to copy in query
 * order with their response names, their types' nullability and list nesting, and the shapes
 * below them. {@link shapeResponse} walks it over the merged subgraph data; nothing here runs
 * graphql-js on the request path.
 *
 * Abstract types are compiled per runtime object type, lazily, the first time data of that type
 * is seen (so an interface with 200 implementations costs only the ones that occur).
 *
 * @module
 */
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  isAbstractType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
} from 'graphql';

/** How a field's value is completed. */
export type FieldKind = 'typename' | 'leaf' | 'enum' | 'composite' | 'introspection';

/** One level of a field's type: nullability, and the item type when it is a list. */
export interface TypeLevel {
  readonly nonNull: boolean;
  /** The item level when this level is a list; `null` at the named type. */
  readonly item: TypeLevel | null;
}

/** A field to copy into the response. */
export interface ShapeField {
  readonly responseName: string;
  readonly fieldName: string;
  /** `Parent.field`, for error messages. */
  readonly coordinate: string;
  readonly kind: FieldKind;
  readonly type: TypeLevel;
  /** For enums: the values the API schema has (others are invalid). */
  readonly enumValues?: ReadonlySet<string>;
  /** For composite fields: the shape of the object(s) below. */
  readonly child?: CompositeShape;
}

/** The fields of one object type's selection. */
export interface ObjectShape {
  readonly typeName: string;
  readonly fields: readonly ShapeField[];
}

/** The selection below a composite field: one object shape per runtime type. */
export interface CompositeShape {
  /** The field's named type. */
  readonly typeName: string;
  /** True for interfaces and unions: the runtime type comes from the data's `__typename`. */
  readonly abstract: boolean;
  /** The shape for a runtime object type; `undefined` when the type is not a possible type. */
  forType(typeName: string): ObjectShape | undefined;
}

/** The compiled operation. */
export interface OperationShape {
  readonly root: ObjectShape;
  /** True when some root field is `__schema` or `__type`: answered from the API schema. */
  readonly hasIntrospection: boolean;
}

/**
 * Every variable `@skip(if:)`/`@include(if:)` read in the operation (with fragments): their
 * values select which compiled shape a request uses.
 */
export function conditionVariables(document: DocumentNode): readonly string[] {
  const names = new Set<string>();
  const visitSet = (set: SelectionSetNode | undefined): void => {
    if (!set) return;
    for (const selection of set.selections) {
      for (const directive of selection.directives ?? []) {
        if (directive.name.value !== 'skip' && directive.name.value !== 'include') continue;
        for (const arg of directive.arguments ?? []) {
          if (arg.value.kind === Kind.VARIABLE) names.add(arg.value.name.value);
        }
      }
      if (selection.kind !== Kind.FRAGMENT_SPREAD) visitSet(selection.selectionSet);
    }
  };
  for (const definition of document.definitions) {
    if (
      definition.kind === Kind.OPERATION_DEFINITION ||
      definition.kind === Kind.FRAGMENT_DEFINITION
    ) {
      visitSet(definition.selectionSet);
    }
  }
  return [...names];
}

/**
 * Compiles the response shape of `operation` for the given (coerced) variable values, which
 * only matter for `@skip`/`@include`.
 */
export function compileOperationShape(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
): OperationShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  const rootType =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!rootType) throw new Error(`The schema has no ${operation.operation} type`);
  const compiler = new ShapeCompiler(schema, fragments, variables);
  const root = compiler.objectShape(rootType, [operation.selectionSet]);
  return {
    root,
    hasIntrospection: root.fields.some((f) => f.kind === 'introspection'),
  };
}

class ShapeCompiler {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly variables: Readonly<Record<string, unknown>>,
  ) {}

  objectShape(type: GraphQLObjectType, sets: readonly SelectionSetNode[]): ObjectShape {
    const grouped = new Map<string, FieldNode[]>();
    for (const set of sets) this.collect(type, set, grouped, new Set());
    const fields: ShapeField[] = [];
    for (const [responseName, nodes] of grouped) {
      fields.push(this.field(type, responseName, nodes));
    }
    return { typeName: type.name, fields };
  }

  private field(parent: GraphQLObjectType, responseName: string, nodes: FieldNode[]): ShapeField {
    const first = nodes[0]!;
    const fieldName = first.name.value;
    const coordinate = `${parent.name}.${fieldName}`;
    if (fieldName === TypeNameMetaFieldDef.name) {
      return { responseName, fieldName, coordinate, kind: 'typename', type: LEAF_NON_NULL };
    }
    const isRoot = parent === this.schema.getQueryType();
    if (isRoot && (fieldName === SchemaMetaFieldDef.name || fieldName === TypeMetaFieldDef.name)) {
      return { responseName, fieldName, coordinate, kind: 'introspection', type: LEAF_NULLABLE };
    }
    const definition: GraphQLField<unknown, unknown> | undefined = parent.getFields()[fieldName];
    if (!definition)
      throw new Error(`Unknown field ${coordinate} (the operation was not validated)`);
    const { level, named } = typeLevels(definition.type);
    if (isEnumType(named)) {
      const enumValues = new Set(named.getValues().map((v) => v.name));
      return { responseName, fieldName, coordinate, kind: 'enum', type: level, enumValues };
    }
    if (!isObjectType(named) && !isAbstractType(named)) {
      return { responseName, fieldName, coordinate, kind: 'leaf', type: level };
    }
    const sets: SelectionSetNode[] = [];
    for (const node of nodes) if (node.selectionSet) sets.push(node.selectionSet);
    return {
      responseName,
      fieldName,
      coordinate,
      kind: 'composite',
      type: level,
      child: this.compositeShape(named, sets),
    };
  }

  private compositeShape(
    type: GraphQLCompositeType,
    sets: readonly SelectionSetNode[],
  ): CompositeShape {
    if (isObjectType(type)) {
      // Compiled on first use too: a recursive operation never compiles parts it never reaches.
      let shape: ObjectShape | undefined;
      return {
        typeName: type.name,
        abstract: false,
        forType: (name) => {
          if (name !== type.name) return undefined;
          shape ??= this.objectShape(type, sets);
          return shape;
        },
      };
    }
    const byType = new Map<string, ObjectShape | null>();
    return {
      typeName: type.name,
      abstract: true,
      forType: (name) => {
        let shape = byType.get(name);
        if (shape === undefined) {
          const runtime = this.schema.getType(name);
          shape =
            isObjectType(runtime) && this.schema.isSubType(type, runtime)
              ? this.objectShape(runtime, sets)
              : null;
          byType.set(name, shape);
        }
        return shape ?? undefined;
      },
    };
  }

  /** graphql-js's CollectFields, with `@skip`/`@include` read from the known variables. */
  private collect(
    type: GraphQLObjectType,
    set: SelectionSetNode,
    into: Map<string, FieldNode[]>,
    visited: Set<string>,
  ): void {
    for (const selection of set.selections) {
      if (!this.included(selection.directives)) continue;
      switch (selection.kind) {
        case Kind.FIELD: {
          const name = selection.alias?.value ?? selection.name.value;
          const list = into.get(name);
          if (list) list.push(selection);
          else into.set(name, [selection]);
          break;
        }
        case Kind.INLINE_FRAGMENT:
          if (selection.typeCondition && !this.applies(selection.typeCondition.name.value, type)) {
            break;
          }
          this.collect(type, selection.selectionSet, into, visited);
          break;
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          if (visited.has(name)) break;
          visited.add(name);
          const fragment = this.fragments.get(name);
          if (!fragment || !this.applies(fragment.typeCondition.name.value, type)) break;
          this.collect(type, fragment.selectionSet, into, visited);
          break;
        }
      }
    }
  }

  private applies(condition: string, type: GraphQLObjectType): boolean {
    if (condition === type.name) return true;
    const conditionType = this.schema.getType(condition);
    return isAbstractType(conditionType) && this.schema.isSubType(conditionType, type);
  }

  private included(directives: FieldNode['directives']): boolean {
    if (!directives) return true;
    for (const directive of directives) {
      const name = directive.name.value;
      if (name !== 'skip' && name !== 'include') continue;
      const arg = directive.arguments?.find((a) => a.name.value === 'if');
      if (!arg) continue;
      const value = this.booleanValue(arg.value);
      if (name === 'skip' && value) return false;
      if (name === 'include' && !value) return false;
    }
    return true;
  }

  private booleanValue(node: ValueNode): boolean {
    if (node.kind === Kind.BOOLEAN) return node.value;
    if (node.kind === Kind.VARIABLE) return this.variables[node.name.value] === true;
    return false;
  }
}

const LEAF_NON_NULL: TypeLevel = { nonNull: true, item: null };
const LEAF_NULLABLE: TypeLevel = { nonNull: false, item: null };

function typeLevels(type: GraphQLOutputType): {
  level: TypeLevel;
  named: Exclude<GraphQLOutputType, { ofType: unknown }>;
} {
  let nonNull = false;
  let current = type;
  if (isNonNullType(current)) {
    nonNull = true;
    current = current.ofType;
  }
  if (isListType(current)) {
    const inner = typeLevels(current.ofType);
    return { level: { nonNull, item: inner.level }, named: inner.named };
  }
  return {
    level: { nonNull, item: null },
    named: current as Exclude<GraphQLOutputType, { ofType: unknown }>,
  };
}
