import {
  buildQueryGraph,
  createDiagnostic,
  type Diagnostic,
  type QueryGraph,
  readSupergraph,
  type SupergraphModel,
} from '@orrery/core';
import {
  type DocumentNode,
  type GraphQLSchema,
  GraphQLError,
  parse,
  validateSchema,
} from 'graphql';
import { DEFAULT_LIMITS, PlanLimitError, type PlannerLimits } from './limits.js';
import { normalizeOperation, pickOperation } from './operation/operation.js';
import { assemblePlan } from './planning/assemble.js';
import { deferVariables, planDeferConditions } from './planning/defer-conditions.js';
import { PlannerSchema } from './planning/planner-schema.js';
import { planRootFields } from './planning/root.js';
import { PlanWalker } from './planning/walk.js';
import type { QueryPlan } from './query-plan.js';
import { buildApiSchema } from './schema/api-schema.js';
import { parseSdl } from './schema/parse-sdl.js';
import { validateOperation } from './validation/validate-operation.js';

export interface QueryPlannerOptions {
  /** Guards against hostile operations; see {@link PlannerLimits} for each default. */
  readonly limits?: Partial<PlannerLimits>;
  /**
   * Progressive `@override` labels that are on (Apollo's "override conditions"). A field
   * overridden with `label: "x"` is served by the overriding subgraph when `x` is here, by the
   * original one otherwise. Per-plan labels given to `plan()` replace these. Default: none.
   */
  readonly overrideLabels?: Iterable<string>;
  /**
   * Validate operations against the API schema before planning (default true). Turn it off only
   * when the caller (a gateway) has validated them already.
   */
  readonly validate?: boolean;
  /**
   * `@defer` support (Apollo's option of the same name): with `enableDefer`, deferred fragments
   * become `Defer` nodes (a primary part and deferred chunks, nested for nested fragments), on
   * entities, root fields of queries and abstract types; `@defer(if: $v)` plans both cases under
   * a `Condition` on `$v`. Without it (the default) `@defer` is planned as if absent, as Apollo's
   * planner does; in subscriptions it always is.
   */
  readonly incrementalDelivery?: { readonly enableDefer?: boolean };
}

export interface PlanOptions {
  readonly operationName?: string;
  /** Progressive override labels that are on for this plan (replaces the planner's). */
  readonly overrideLabels?: Iterable<string>;
}

export type PlanResult =
  | { readonly ok: true; readonly plan: QueryPlan }
  | { readonly ok: false; readonly errors: readonly Diagnostic[] };

export interface QueryPlanner {
  /** The supergraph's typed model, as read once. */
  readonly supergraph: SupergraphModel;
  /** The API schema operations are validated against (built on first use). */
  readonly apiSchema: GraphQLSchema;
  /** Plans one operation of `document` (a string is parsed first). Never throws on bad input. */
  plan(document: DocumentNode | string, options?: PlanOptions): PlanResult;
}

export type CreateQueryPlannerResult =
  | { readonly ok: true; readonly planner: QueryPlanner }
  | { readonly ok: false; readonly errors: readonly Diagnostic[] };

/**
 * Builds a planner for one supergraph: reads it and builds its query graph once (what a gateway
 * pays on hot reload); the API schema is built lazily, on the first operation validated.
 * Throws an `Error` carrying `ERR_PLAN_INVALID_SUPERGRAPH` diagnostics when the supergraph cannot
 * be read; use {@link tryCreateQueryPlanner} for a result instead.
 *
 * @example
 * const planner = createQueryPlanner(supergraphSdl);
 * const result = planner.plan('{ me { name } }');
 * if (result.ok) console.log(result.plan);
 */
export function createQueryPlanner(
  supergraph: string | SupergraphModel,
  options: QueryPlannerOptions = {},
): QueryPlanner {
  const result = tryCreateQueryPlanner(supergraph, options);
  if (!result.ok) {
    throw new Error(result.errors.map((e) => `${e.code}: ${e.message}`).join('\n'));
  }
  return result.planner;
}

/** {@link createQueryPlanner}, returning diagnostics instead of throwing. */
export function tryCreateQueryPlanner(
  supergraph: string | SupergraphModel,
  options: QueryPlannerOptions = {},
): CreateQueryPlannerResult {
  let model: SupergraphModel;
  if (typeof supergraph === 'string') {
    // Parsed here without locations (nothing reads them; on a 200-subgraph supergraph they are
    // two thirds of the AST's memory and a good part of the parse), by a parser made for
    // supergraph SDL (graphql-js's for anything else), same message as the reader's.
    let document: DocumentNode;
    try {
      document = parseSdl(supergraph);
    } catch (error) {
      return {
        ok: false,
        errors: [
          createDiagnostic(
            'ERR_PLAN_INVALID_SUPERGRAPH',
            `INVALID_FEDERATION_SUPERGRAPH: The supergraph does not parse: ${(error as Error).message}`,
          ),
        ],
      };
    }
    const read = readSupergraph(document);
    if (!read.ok) {
      return {
        ok: false,
        errors: read.errors.map((e) =>
          createDiagnostic('ERR_PLAN_INVALID_SUPERGRAPH', `${e.code}: ${e.message}`),
        ),
      };
    }
    model = read.supergraph;
  } else {
    model = supergraph;
  }
  const graph = buildQueryGraph(model);
  return { ok: true, planner: new Planner(model, graph, options) };
}

class Planner implements QueryPlanner {
  private readonly limits: PlannerLimits;
  private readonly labels: ReadonlySet<string>;
  private readonly schema: PlannerSchema;
  private api: GraphQLSchema | undefined;

  constructor(
    readonly supergraph: SupergraphModel,
    private readonly graph: QueryGraph,
    private readonly options: QueryPlannerOptions,
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.labels = new Set(options.overrideLabels ?? []);
    this.schema = new PlannerSchema(supergraph);
  }

  /**
   * Built and validated together, so that the first operation does not pay graphql-js's schema
   * validation (which `validate` would otherwise run, and cache, on first use). Throws when the
   * supergraph gives no valid API schema.
   */
  get apiSchema(): GraphQLSchema {
    if (!this.api) {
      const api = buildApiSchema(this.supergraph);
      const [first] = validateSchema(api);
      if (first) throw first;
      this.api = api;
    }
    return this.api;
  }

  plan(source: DocumentNode | string, options: PlanOptions = {}): PlanResult {
    const invalid = (message: string): PlanResult => ({
      ok: false,
      errors: [createDiagnostic('ERR_PLAN_INVALID_OPERATION', message)],
    });
    let document: DocumentNode;
    try {
      document = typeof source === 'string' ? parse(source) : source;
    } catch (error) {
      return invalid(error instanceof GraphQLError ? error.message : String(error));
    }
    if (this.options.validate !== false) {
      let schema: GraphQLSchema;
      try {
        schema = this.apiSchema;
      } catch (error) {
        return {
          ok: false,
          errors: [
            createDiagnostic(
              'ERR_PLAN_INVALID_SUPERGRAPH',
              `The supergraph gives no valid API schema: ${error instanceof Error ? error.message : String(error)}`,
            ),
          ],
        };
      }
      const errors = validateOperation(schema, document);
      if (errors.length > 0) {
        return {
          ok: false,
          errors: errors.map((e) =>
            createDiagnostic('ERR_PLAN_INVALID_OPERATION', e.message, {
              locations: e.locations ?? [],
            }),
          ),
        };
      }
    }
    const operation = pickOperation(document, options.operationName);
    if (typeof operation === 'string') return invalid(operation);
    try {
      const normalized = normalizeOperation(this.supergraph, document, operation, this.limits);
      const labels = options.overrideLabels ? new Set(options.overrideLabels) : this.labels;
      // `@defer` is not planned for subscriptions (Apollo refuses it there too).
      const defer =
        this.options.incrementalDelivery?.enableDefer === true &&
        normalized.kind !== 'subscription';
      let fetches = 0;
      const planBranch = (on: ReadonlySet<string> | undefined): QueryPlan => {
        const walker = new PlanWalker(
          this.graph,
          this.schema,
          this.limits,
          labels,
          on ? { on } : undefined,
          fetches,
        );
        const roots = planRootFields(walker, normalized);
        const assembled = assemblePlan(
          normalized,
          roots,
          walker.groups,
          this.schema,
          { blocks: walker.deferBlocks, fragments: walker.deferredFragments },
          fetches,
        );
        fetches += assembled.fetches;
        return assembled.plan;
      };
      if (!defer) return { ok: true, plan: planBranch(undefined) };
      return {
        ok: true,
        plan: planDeferConditions(deferVariables(normalized.selections), this.limits, planBranch),
      };
    } catch (error) {
      if (error instanceof PlanLimitError) {
        return { ok: false, errors: [createDiagnostic(error.code, error.message)] };
      }
      throw error;
    }
  }
}

/**
 * Plans one operation against a supergraph, building a throw-away planner: for scripts and
 * tests. Gateways keep a {@link createQueryPlanner} per supergraph instead.
 */
export function planQuery(
  supergraph: string | SupergraphModel,
  document: DocumentNode | string,
  options: PlanOptions & QueryPlannerOptions = {},
): PlanResult {
  const created = tryCreateQueryPlanner(supergraph, options);
  if (!created.ok) return created;
  return created.planner.plan(document, options);
}
