/**
 * Everything done once per (supergraph, operation text): parse, validate against the API schema
 * (plus plugin rules and checks), plan, prepare the plan, and set up response shapes. Failures are
 * compiled too, so a client repeating a bad operation costs one cache lookup.
 *
 * @module
 */
import type { QueryPlanner } from '@orrery/query-planner';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type ValidationRule,
  GraphQLError,
  Kind,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { graphQLError, type GraphQLErrorJson } from '../errors.js';
import { preparePlan, type PreparedPlan } from '../execution/prepare-plan.js';
import {
  compileOperationShape,
  conditionVariables,
  type OperationShape,
} from '../execution/shape.js';
import type { GatewayPlugin, GraphQLExchange, PhaseTiming } from '../plugin.js';

/** When the phases of one compilation ran (for traces and metrics; see `GraphQLExchange`). */
export type CompilePhases = NonNullable<GraphQLExchange['phases']>;

/** An operation ready to execute. */
export interface CompiledOperation {
  readonly ok: true;
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly prepared: PreparedPlan;
  /** Variables read by `@skip`/`@include`: their values pick the response shape. */
  readonly conditionVariables: readonly string[];
  /** Response shapes by condition-variable values (`"10"`: first true, second false). */
  readonly shapes: Map<string, OperationShape>;
  /** The operation reduced to its `__schema`/`__type` root fields, when it has any. */
  readonly introspection: DocumentNode | undefined;
  readonly phases: CompilePhases;
}

/** An operation that cannot run: request errors (no `data` in the response). */
export interface RejectedOperation {
  readonly ok: false;
  readonly errors: readonly GraphQLErrorJson[];
  /** The phases that ran before the refusal (set by `compileOperation`). */
  phases?: CompilePhases;
}

export interface CompileContext {
  readonly schema: GraphQLSchema;
  readonly planner: QueryPlanner;
  readonly plugins: readonly GatewayPlugin[];
  /** `maxTokens` for graphql-js `parse` (plugins may change it in `onParse`). */
  readonly maxTokens: number | undefined;
}

const reject = (code: string, message: string, error?: GraphQLError): RejectedOperation => {
  const out = graphQLError(code, message);
  if (error?.locations)
    out.locations = error.locations.map(({ line, column }) => ({ line, column }));
  return { ok: false, errors: [out] };
};

/** A phase's start (epoch ms) from a `performance.now()` reading, and its length until now. */
function timing(start: number): PhaseTiming {
  return { startTime: performance.timeOrigin + start, durationMs: performance.now() - start };
}

/** Compiles one operation; never throws for bad input. */
export function compileOperation(
  context: CompileContext,
  source: string,
  operationName: string | undefined,
): CompiledOperation | RejectedOperation {
  const phases: { parse?: PhaseTiming; validate?: PhaseTiming; plan?: PhaseTiming } = {};
  const compiled = compilePhases(context, source, operationName, phases);
  if (!compiled.ok) compiled.phases = phases;
  return compiled;
}

function compilePhases(
  context: CompileContext,
  source: string,
  operationName: string | undefined,
  phases: { parse?: PhaseTiming; validate?: PhaseTiming; plan?: PhaseTiming },
): CompiledOperation | RejectedOperation {
  const parseOptions: { maxTokens?: number } =
    context.maxTokens === undefined ? {} : { maxTokens: context.maxTokens };
  for (const plugin of context.plugins) plugin.onParse?.({ source, parseOptions });
  let document: DocumentNode;
  let start = performance.now();
  try {
    document = parse(source, { noLocation: false, ...parseOptions });
    phases.parse = timing(start);
  } catch (error) {
    phases.parse = timing(start);
    if (!(error instanceof GraphQLError)) throw error;
    if (/Document contains more tha[nt] \d+ tokens/.test(error.message)) {
      return reject('ERR_GATEWAY_LIMIT_EXCEEDED', `${error.message} (maxTokens)`, error);
    }
    return reject('GRAPHQL_PARSE_FAILED', error.message, error);
  }

  const rules: ValidationRule[] = [...specifiedRules];
  const reported: GraphQLErrorJson[] = [];
  for (const plugin of context.plugins) {
    plugin.onValidate?.({
      schema: context.schema,
      document,
      addRule: (rule) => rules.push(rule),
      reportError: (error) => reported.push(error),
    });
  }
  start = performance.now();
  const validationErrors = validate(context.schema, document, rules, { maxErrors: 100 });
  phases.validate = timing(start);
  if (validationErrors.length > 0 || reported.length > 0) {
    return {
      ok: false,
      errors: [
        ...reported,
        ...validationErrors.map((e) => {
          const code =
            typeof e.extensions['code'] === 'string'
              ? e.extensions['code']
              : 'GRAPHQL_VALIDATION_FAILED';
          const out = graphQLError(code, e.message);
          if (e.locations)
            out.locations = e.locations.map(({ line, column }) => ({ line, column }));
          return out;
        }),
      ],
    };
  }

  const operation = pickOperation(document, operationName);
  if (typeof operation === 'string') return reject('GRAPHQL_VALIDATION_FAILED', operation);
  if (operation.variableDefinitions?.some((v) => v.variable.name.value === 'representations')) {
    // Entity fetches send `$representations`; a client variable of that name would collide.
    return reject(
      'GRAPHQL_VALIDATION_FAILED',
      'The variable name "$representations" is reserved by the gateway.',
    );
  }

  start = performance.now();
  const planned = context.planner.plan(
    document,
    operationName === undefined ? {} : { operationName },
  );
  phases.plan = timing(start);
  if (!planned.ok) {
    return {
      ok: false,
      errors: planned.errors.map((e) =>
        graphQLError('ERR_GATEWAY_OPERATION_NOT_PLANNABLE', `${e.code}: ${e.message}`),
      ),
    };
  }
  for (const plugin of context.plugins) {
    plugin.onPlan?.({ document, operationName, plan: planned.plan });
  }
  const prepared = preparePlan(planned.plan);
  if (prepared.unsupported) {
    return reject('ERR_GATEWAY_UNSUPPORTED_PLAN_NODE', prepared.unsupported);
  }
  return {
    ok: true,
    document,
    operation,
    prepared,
    conditionVariables: conditionVariables(document),
    shapes: new Map(),
    introspection: introspectionDocument(document, operation),
    phases,
  };
}

/** The response shape for these variable values, compiled on first use. */
export function shapeFor(
  schema: GraphQLSchema,
  compiled: CompiledOperation,
  variables: Readonly<Record<string, unknown>>,
): OperationShape {
  let key = '';
  for (const name of compiled.conditionVariables) key += variables[name] === true ? '1' : '0';
  let shape = compiled.shapes.get(key);
  if (!shape) {
    shape = compileOperationShape(schema, compiled.document, compiled.operation, variables);
    compiled.shapes.set(key, shape);
  }
  return shape;
}

function pickOperation(
  document: DocumentNode,
  name: string | undefined,
): OperationDefinitionNode | string {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (name === undefined) {
    if (operations.length === 1) return operations[0]!;
    return operations.length === 0
      ? 'The document has no operation.'
      : 'The document has several operations: "operationName" is required.';
  }
  return operations.find((o) => o.name?.value === name) ?? `Unknown operation named "${name}".`;
}

const INTROSPECTION_ROOT_FIELDS = new Set(['__schema', '__type']);

/**
 * The operation with only its `__schema`/`__type` root fields (fragments at the root inlined),
 * run with graphql-js against the API schema; `undefined` when there are none.
 */
function introspectionDocument(
  document: DocumentNode,
  operation: OperationDefinitionNode,
): DocumentNode | undefined {
  if (operation.operation !== 'query') return undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  }
  const filter = (set: SelectionSetNode, seen: Set<string>): SelectionNode[] => {
    const out: SelectionNode[] = [];
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (INTROSPECTION_ROOT_FIELDS.has(selection.name.value)) out.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const inner = filter(selection.selectionSet, seen);
        if (inner.length)
          out.push({ ...selection, selectionSet: { kind: Kind.SELECTION_SET, selections: inner } });
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        const inner = filter(fragment.selectionSet, new Set([...seen, fragment.name.value]));
        if (inner.length) {
          out.push({
            kind: Kind.INLINE_FRAGMENT,
            typeCondition: fragment.typeCondition,
            directives: selection.directives ?? [],
            selectionSet: { kind: Kind.SELECTION_SET, selections: inner },
          });
        }
      }
    }
    return out;
  };
  const selections = filter(operation.selectionSet, new Set());
  if (selections.length === 0) return undefined;
  return {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        ...operation,
        selectionSet: { kind: Kind.SELECTION_SET, selections },
      },
      ...fragments.values(),
    ],
  };
}
