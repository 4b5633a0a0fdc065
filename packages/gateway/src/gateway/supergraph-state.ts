/**
 * Everything built from one supergraph: its planner and API schema, the type tests the executor
 * needs, subgraph URLs and the operation cache. Built off the request path when a supergraph
 * loads; a request takes the current state once and keeps it until it ends, which is what lets
 * in-flight requests finish on the old supergraph during a hot swap.
 *
 * @module
 */
import { toApiSchema } from '@orrery/composition';
import { tryCreateQueryPlanner, type QueryPlanner } from '@orrery/query-planner';
import { stripIgnoredCharacters, type GraphQLSchema } from 'graphql';
import { SupergraphLoadError } from '../errors.js';
import type { TypeMatcher } from '../execution/data.js';
import {
  createInterfaceObjectName,
  createNullEntityTest,
  createObjectTypeTest,
  createTypeMatcher,
  type InterfaceObjectName,
  type NullEntityTest,
} from '../execution/prepare-plan.js';
import type { GatewayPlugin } from '../plugin.js';
import {
  compileOperation,
  type CompiledOperation,
  type RejectedOperation,
} from './compile-operation.js';

export interface SupergraphStateOptions {
  readonly plugins: readonly GatewayPlugin[];
  readonly maxTokens: number | undefined;
  /** Subgraph URL overrides by subgraph name. */
  readonly urls: Readonly<Record<string, string>>;
  readonly overrideLabels: readonly string[];
  /** Entries kept in each of the operation caches. */
  readonly cacheSize: number;
}

type Compiled = CompiledOperation | RejectedOperation;

/** One loaded supergraph. */
export class SupergraphState {
  readonly planner: QueryPlanner;
  readonly schema: GraphQLSchema;
  readonly matches: TypeMatcher;
  readonly isObjectType: (name: unknown) => boolean;
  readonly interfaceObjectName: InterfaceObjectName;
  readonly nullEntity: NullEntityTest;
  readonly urls: ReadonlyMap<string, string>;
  /** By exact operation text (the hot path: one lookup). */
  private readonly byText = new Map<string, Compiled>();
  /** By normalised text, so differently formatted copies of one operation share a plan. */
  private readonly byNormalized = new Map<string, Compiled>();

  constructor(
    readonly supergraphSdl: string,
    private readonly options: SupergraphStateOptions,
  ) {
    const created = tryCreateQueryPlanner(supergraphSdl, {
      validate: false,
      overrideLabels: options.overrideLabels,
    });
    if (!created.ok) {
      throw new SupergraphLoadError(
        `The supergraph cannot be read: ${created.errors.map((e) => e.message).join('; ')}`,
      );
    }
    this.planner = created.planner;
    // Composition's API schema, not the planner's: the planner's is built for validating
    // operations only (no descriptions, and it offers `@defer`, which this gateway refuses),
    // while clients introspect this one and must see exactly what the schema's authors wrote.
    const api = toApiSchema(supergraphSdl);
    if (!api.ok) {
      throw new SupergraphLoadError(
        `The supergraph gives no valid API schema: ${api.errors.map((e) => e.message).join('; ')}`,
      );
    }
    this.schema = api.schema;
    const model = this.planner.supergraph;
    this.matches = createTypeMatcher(model);
    this.isObjectType = createObjectTypeTest(model);
    this.interfaceObjectName = createInterfaceObjectName(model);
    this.nullEntity = createNullEntityTest(model);
    const urls = new Map<string, string>();
    for (const subgraph of model.subgraphs) {
      urls.set(subgraph.name, options.urls[subgraph.name] ?? subgraph.url);
    }
    this.urls = urls;
  }

  /** The compiled operation for this text and name, from the cache when possible. */
  operation(source: string, operationName: string | undefined): Compiled {
    return this.lookup(source, operationName).compiled;
  }

  /** {@link operation}, saying whether the cache answered (for plan cache metrics). */
  lookup(
    source: string,
    operationName: string | undefined,
  ): { compiled: Compiled; cached: boolean } {
    const key = operationName === undefined ? source : `${operationName}\u0000${source}`;
    const hit = this.byText.get(key);
    if (hit) return { compiled: hit, cached: true };
    let normalizedKey: string | undefined;
    try {
      normalizedKey = `${operationName ?? ''}\u0000${stripIgnoredCharacters(source)}`;
    } catch {
      // Unparseable text: compileOperation reports the syntax error.
    }
    let compiled = normalizedKey === undefined ? undefined : this.byNormalized.get(normalizedKey);
    const cached = compiled !== undefined;
    if (!compiled) {
      compiled = compileOperation(
        {
          schema: this.schema,
          planner: this.planner,
          plugins: this.options.plugins,
          maxTokens: this.options.maxTokens,
        },
        source,
        operationName,
      );
      if (normalizedKey !== undefined)
        remember(this.byNormalized, normalizedKey, compiled, this.options.cacheSize);
    }
    remember(this.byText, key, compiled, this.options.cacheSize);
    return { compiled, cached };
  }
}

/** A bounded cache: past `size` entries the oldest goes (insertion order). */
function remember<V>(cache: Map<string, V>, key: string, value: V, size: number): void {
  if (cache.size >= size) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, value);
}
