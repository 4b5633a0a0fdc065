import {
  assertValidSchema,
  type ASTNode,
  type ASTVisitor,
  BREAK,
  type DocumentNode,
  getEnterLeaveForKind,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  specifiedRules,
  TypeInfo,
  validate,
  ValidationContext,
  type ValidationRule,
} from 'graphql';
import { certainlyValid } from './fast-path.js';
import { ruleApplies, scanDocument } from './rule-selection.js';

/**
 * The child keys of executable AST nodes, in graphql-js's visiting order (its `QueryDocumentKeys`
 * without `description`, which validation skips). A document with any other kind of definition
 * goes to graphql-js's `validate` unchanged.
 */
const KEYS: Readonly<Record<string, readonly string[]>> = {
  Name: [],
  Document: ['definitions'],
  OperationDefinition: ['name', 'variableDefinitions', 'directives', 'selectionSet'],
  VariableDefinition: ['variable', 'type', 'defaultValue', 'directives'],
  Variable: ['name'],
  SelectionSet: ['selections'],
  Field: ['alias', 'name', 'arguments', 'directives', 'selectionSet'],
  Argument: ['name', 'value'],
  FragmentSpread: ['name', 'directives'],
  InlineFragment: ['typeCondition', 'directives', 'selectionSet'],
  FragmentDefinition: [
    'name',
    'variableDefinitions',
    'typeCondition',
    'directives',
    'selectionSet',
  ],
  IntValue: [],
  FloatValue: [],
  StringValue: [],
  BooleanValue: [],
  NullValue: [],
  EnumValue: [],
  ListValue: ['values'],
  ObjectValue: ['fields'],
  ObjectField: ['name', 'value'],
  Directive: ['name', 'arguments'],
  NamedType: ['name'],
  ListType: ['type'],
  NonNullType: ['type'],
};

type VisitFn = (this: unknown, ...args: unknown[]) => unknown;

/** Per node kind: the rule visitors that act on it, as parallel index/function lists. */
interface KindEntry {
  readonly enterIndexes: number[];
  readonly enterFns: VisitFn[];
  readonly leaveIndexes: number[];
  readonly leaveFns: VisitFn[];
}

const MAX_ERRORS = 100;

type VariableUsages = ReturnType<ValidationContext['getVariableUsages']>;
type VariableUsage = VariableUsages[number];

/**
 * graphql-js's context, with `getVariableUsages` (which the variable rules call per operation and
 * per fragment, each time running a full generic `visit` with fresh visitor set-up) done by a
 * direct walk: same usages, same order (pre-order, variable definitions skipped).
 */
class FastValidationContext extends ValidationContext {
  private readonly usagesByNode = new Map<ASTNode, VariableUsages>();

  override getVariableUsages(node: Parameters<ValidationContext['getVariableUsages']>[0]) {
    let usages = this.usagesByNode.get(node);
    if (usages) return usages;
    const out: VariableUsage[] = [];
    const typeInfo = new TypeInfo(this.getSchema());
    const walk = (n: ASTNode): void => {
      typeInfo.enter(n);
      if (n.kind === Kind.VARIABLE_DEFINITION) {
        typeInfo.leave(n);
        return;
      }
      if (n.kind === Kind.VARIABLE) {
        out.push({
          node: n,
          type: typeInfo.getInputType(),
          defaultValue: typeInfo.getDefaultValue(),
          parentType: typeInfo.getParentInputType(),
        });
      }
      const record = n as unknown as Record<string, unknown>;
      for (const key of KEYS[n.kind] ?? []) {
        const child = record[key];
        if (Array.isArray(child)) for (const item of child) walk(item as ASTNode);
        else if (child) walk(child as ASTNode);
      }
      typeInfo.leave(n);
    };
    walk(node);
    usages = out;
    this.usagesByNode.set(node, usages);
    return usages;
  }
}

/**
 * graphql-js's `validate(schema, document)` with its specified rules, same errors in the same
 * order, minus most of its fixed cost. graphql-js merges the rules' visitors for every one of
 * the ~60 AST kinds on every call and walks with a generic, edit-capable visitor; on the small
 * operations a gateway plans that set-up is most of validation. Here the rules run unchanged
 * (same `ValidationContext`, `TypeInfo`, skip and break semantics, same `key`/`parent`/
 * `ancestors` arguments) from a recursive walk over executable nodes, and a kind's visitors are
 * merged only when a node of that kind is met.
 *
 * The schema must be valid (`validateSchema` ran, as `validate` would assert).
 */
export function validateOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  rules: readonly ValidationRule[] = specifiedRules,
): readonly GraphQLError[] {
  for (const definition of document.definitions) {
    if (
      definition.kind !== Kind.OPERATION_DEFINITION &&
      definition.kind !== Kind.FRAGMENT_DEFINITION
    ) {
      return validate(schema, document, rules);
    }
  }
  assertValidSchema(schema);
  if (certainlyValid(schema, document, rules)) return [];
  const features = scanDocument(document, KEYS);
  const active = rules.filter((rule) => ruleApplies(rule, features, schema));
  const errors: GraphQLError[] = [];
  const abort = {};
  const typeInfo = new TypeInfo(schema);
  const context = new FastValidationContext(schema, document, typeInfo, (error) => {
    if (errors.length >= MAX_ERRORS) {
      errors.push(
        new GraphQLError('Too many validation errors, error limit reached. Validation aborted.'),
      );
      throw abort;
    }
    errors.push(error);
  });
  const visitors: ASTVisitor[] = active.map((rule) => rule(context));
  const count = visitors.length;
  if (count === 0) return errors;
  /** Per visitor: null when active, the node whose subtree it skips, or BREAK. */
  const skipping: unknown[] = new Array<unknown>(count).fill(null);
  let skipped = 0;
  const kinds = new Map<string, KindEntry>();
  const entryFor = (kind: Kind): KindEntry => {
    let entry = kinds.get(kind);
    if (entry) return entry;
    entry = { enterIndexes: [], enterFns: [], leaveIndexes: [], leaveFns: [] };
    for (let i = 0; i < count; i++) {
      const { enter, leave } = getEnterLeaveForKind(visitors[i] as ASTVisitor, kind);
      if (enter) {
        entry.enterIndexes.push(i);
        entry.enterFns.push(enter as VisitFn);
      }
      if (leave) {
        entry.leaveIndexes.push(i);
        entry.leaveFns.push(leave as VisitFn);
      }
    }
    kinds.set(kind, entry);
    return entry;
  };
  const path: (string | number)[] = [];
  const ancestors: unknown[] = [];
  const names = entryFor(Kind.NAME);
  const visitsNames = names.enterFns.length > 0 || names.leaveFns.length > 0;

  const visitNode = (node: ASTNode, key: string | number | undefined, parent: unknown): void => {
    typeInfo.enter(node);
    const entry = entryFor(node.kind);
    const { enterIndexes, enterFns } = entry;
    for (let j = 0; j < enterIndexes.length; j++) {
      const i = enterIndexes[j] as number;
      if (skipping[i] !== null) continue;
      const result = (enterFns[j] as VisitFn).call(visitors[i], node, key, parent, path, ancestors);
      if (result === false) {
        skipping[i] = node;
        skipped++;
      } else if (result === BREAK) {
        skipping[i] = BREAK;
        skipped++;
      }
    }
    if (skipped < count) {
      if (parent !== undefined) ancestors.push(parent);
      const record = node as unknown as Record<string, unknown>;
      for (const childKey of KEYS[node.kind] ?? []) {
        const child = record[childKey];
        if (child === null || child === undefined) continue;
        path.push(childKey);
        // Name nodes are leaves TypeInfo ignores: visit them only if some rule looks at them.
        if ((child as ASTNode).kind === Kind.NAME && !visitsNames) continue;
        if (Array.isArray(child)) {
          ancestors.push(node);
          for (let index = 0; index < child.length; index++) {
            const item = child[index] as ASTNode | null | undefined;
            if (item === null || item === undefined) continue;
            path.push(index);
            visitNode(item, index, child);
            path.pop();
          }
          ancestors.pop();
        } else {
          visitNode(child as ASTNode, childKey, node);
        }
        path.pop();
      }
      if (parent !== undefined) ancestors.pop();
    }
    if (skipped === 0) {
      const { leaveIndexes, leaveFns } = entry;
      for (let j = 0; j < leaveIndexes.length; j++) {
        const i = leaveIndexes[j] as number;
        const result = (leaveFns[j] as VisitFn).call(
          visitors[i],
          node,
          key,
          parent,
          path,
          ancestors,
        );
        if (result === BREAK && skipping[i] === null) {
          skipping[i] = BREAK;
          skipped++;
        }
      }
    } else {
      // Slow path, as graphql-js's visitInParallel: skipping visitors get no leave, and the one
      // that skipped this very node resumes after it.
      const { leaveIndexes, leaveFns } = entry;
      let j = 0;
      for (let i = 0; i < count; i++) {
        const fn = leaveIndexes[j] === i ? leaveFns[j++] : undefined;
        if (skipping[i] === null) {
          const result = fn?.call(visitors[i], node, key, parent, path, ancestors);
          if (result === BREAK) {
            skipping[i] = BREAK;
            skipped++;
          }
        } else if (skipping[i] === node) {
          skipping[i] = null;
          skipped--;
        }
      }
    }
    typeInfo.leave(node);
  };

  try {
    visitNode(document, undefined, undefined);
  } catch (error) {
    if (error === abort) return errors;
    // graphql-js's own abort (a rule giving up on a too-costly document) is reported as an error.
    if (error instanceof GraphQLError && error.message === 'Validation aborted.') {
      errors.push(error);
      return errors;
    }
    throw error;
  }
  return errors;
}
