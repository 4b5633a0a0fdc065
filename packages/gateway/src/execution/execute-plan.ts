/**
 * Runs a prepared query plan as waves of subgraph requests (see schedule.ts): a wave's requests
 * go out together once the previous wave's data is merged. A root fetch is one request that
 * merges into the result; the entity fetches of a wave that go to the same subgraph share one
 * request, their representations deduplicated across all of them (per operation), and each
 * entity is merged into every object it came from. A failed request never fails the client
 * request: an error is recorded at the client path of what each of its fetches owned, and
 * dependent fetches find no data and skip.
 *
 * @module
 */
import type { FetchNode } from '@orrery/query-planner';
import { parse, Kind } from 'graphql';
import { graphQLError, SubgraphRequestError, type GraphQLErrorJson } from '../errors.js';
import type { SubgraphResponse } from '../fetch/subgraph-fetcher.js';
import { mergeEntityOperations, type BatchOperation } from './batch-operation.js';
import {
  applyRewrites,
  collectAtPath,
  createRepresentationCache,
  deepMerge,
  NULL_ENTITY,
  pathsAtPath,
  type JsonObject,
  type TypeMatcher,
} from './data.js';
import type { InterfaceObjectName, NullEntityTest, PreparedPlan } from './prepare-plan.js';
import { scheduleFor, type Batch, type ScheduledFetch } from './schedule.js';

/** Sends one subgraph request; resolves to the parsed response or rejects with a `SubgraphRequestError`. */
export type PlanFetch = (serviceName: string, body: string) => Promise<SubgraphResponse>;

export interface ExecutePlanOptions {
  /** Coerced request variables. */
  readonly variables: Readonly<Record<string, unknown>>;
  readonly fetch: PlanFetch;
  readonly matches: TypeMatcher;
  /** True for object type names of the supergraph (keeps concrete `__typename`s on merge). */
  readonly isObjectType: (name: unknown) => boolean;
  /** The `__typename` an `@interfaceObject` subgraph expects in a representation. */
  readonly interfaceObjectName?: InterfaceObjectName;
  /** Whether a null entity from a subgraph makes the object null (see {@link NullEntityTest}). */
  readonly nullEntity?: NullEntityTest;
}

export interface ExecutionResult {
  /** The merged data, keyed by response names, ready for response shaping. */
  readonly data: JsonObject;
  readonly errors: GraphQLErrorJson[];
}

type Path = readonly (string | number)[];

/** Runs `prepared` and returns the merged data with every fetch error. */
export async function executePlan(
  prepared: PreparedPlan,
  options: ExecutePlanOptions,
): Promise<ExecutionResult> {
  const data: JsonObject = {};
  const errors: GraphQLErrorJson[] = [];
  const executor = new Executor(prepared, options, data, errors);
  for (const wave of scheduleFor(prepared, options.variables).waves) {
    if (wave.length === 1) {
      await executor.runBatch(wave[0]!);
    } else {
      // Every batch reads its objects before its first await, so no batch of this wave sees
      // another's data: the plan never orders fetches of one wave.
      await Promise.all(wave.map((batch) => executor.runBatch(batch)));
    }
  }
  return { data, errors };
}

/** An entity fetch of a batch, with the objects it was run on. */
interface EntityRun {
  readonly fetch: ScheduledFetch;
  readonly objects: JsonObject[];
  /** Per object, the index of its representation in its operation's list; -1 when not sent. */
  readonly repOf: Int32Array;
  /** The objects' response paths, computed only when an error needs them. */
  paths?: Path[];
}

/** The entity fetches of a batch that share one operation (and so one representation list). */
interface OperationGroup {
  readonly operationIndex: number;
  readonly runs: EntityRun[];
  /** The representations as JSON, deduplicated (the JSON is the deduplication key). */
  readonly representations: string[];
  readonly seen: Map<string, number>;
}

class Executor {
  constructor(
    private readonly prepared: PreparedPlan,
    private readonly options: ExecutePlanOptions,
    private readonly data: JsonObject,
    private readonly errors: GraphQLErrorJson[],
  ) {}

  runBatch(batch: Batch): Promise<void> {
    const first = batch.fetches[0]!;
    if (batch.fetches.length === 1 && !first.node.requires) return this.rootFetch(first);
    return this.entityBatch(batch);
  }

  private paths(fetch: ScheduledFetch): Path[] {
    return pathsAtPath([{ value: this.data, path: [] }], fetch.path);
  }

  /** `"name":value` for each client variable `nodes` use, comma-separated (may be empty). */
  private clientVariables(nodes: Iterable<FetchNode>): string {
    let out = '';
    let seen: Set<string> | undefined;
    for (const node of nodes) {
      const usages = node.variableUsages;
      if (!usages) continue;
      for (const name of usages) {
        if (seen?.has(name)) continue;
        (seen ??= new Set()).add(name);
        const value = this.options.variables[name];
        if (value === undefined) continue;
        out += `${out ? ',' : ''}${JSON.stringify(name)}:${JSON.stringify(value)}`;
      }
    }
    return out;
  }

  private async send(
    serviceName: string,
    body: string,
  ): Promise<SubgraphResponse | SubgraphRequestError> {
    try {
      return await this.options.fetch(serviceName, body);
    } catch (error) {
      if (error instanceof SubgraphRequestError) return error;
      return new SubgraphRequestError(
        serviceName,
        'request',
        `HTTP fetch failed from "${serviceName}": ${(error as Error)?.message ?? String(error)}`,
        { cause: error },
      );
    }
  }

  private async rootFetch(fetch: ScheduledFetch): Promise<void> {
    const { node, prepared } = fetch;
    const objects = fetch.path.length === 0 ? [this.data] : collectAtPath([this.data], fetch.path);
    if (objects.length === 0) return;
    const variables = this.clientVariables([node]);
    const body = `${prepared.bodyPrefix}${variables ? `,"variables":{${variables}}` : ''}}`;
    const response = await this.send(node.serviceName, body);
    const base = (): Path | undefined =>
      fetch.path.length === 0 ? [] : objects.length === 1 ? this.paths(fetch)[0] : undefined;
    if (response instanceof SubgraphRequestError) {
      const at = base() ?? [];
      for (const field of rootFieldsOf(fetch)) this.failure(response, [...at, field]);
      return;
    }
    if (response.errors) {
      const at = base();
      for (const error of response.errors) {
        const path = Array.isArray(error.path) && at ? [...at, ...error.path] : undefined;
        this.subgraphError(node.serviceName, error, path);
      }
    }
    const data = response.data;
    if (!data) return;
    if (node.outputRewrites) applyRewrites(data, node.outputRewrites, this.options.matches);
    for (const object of objects) deepMerge(object, data);
  }

  private async entityBatch(batch: Batch): Promise<void> {
    const groups = this.collect(batch);
    if (groups.length === 0) return;
    const { serviceName } = batch;
    const merged = groups.length > 1 ? this.batchOperation(groups) : undefined;
    if (groups.length > 1 && !merged) {
      // Operations that cannot share a request (see mergeEntityOperations): one request each.
      await Promise.all(groups.map((group) => this.request(serviceName, [group], undefined)));
      return;
    }
    await this.request(serviceName, groups, merged);
  }

  /** Builds every fetch's representations, grouped by operation; groups with none are dropped. */
  private collect(batch: Batch): OperationGroup[] {
    const { matches, interfaceObjectName } = this.options;
    const groups: OperationGroup[] = [];
    for (const fetch of batch.fetches) {
      const { node } = fetch;
      const objects = collectAtPath([this.data], fetch.path);
      if (objects.length === 0) continue;
      const operationIndex = fetch.prepared.operationIndex;
      let group =
        operationIndex < 0 ? undefined : groups.find((g) => g.operationIndex === operationIndex);
      if (!group) {
        group = { operationIndex, runs: [], representations: [], seen: new Map() };
        groups.push(group);
      }
      const repOf = new Int32Array(objects.length);
      let sent = false;
      // One representation (built, rewritten, serialised) per distinct content.
      const representationOf = createRepresentationCache(node.requires!, matches, (rep) => {
        if (node.inputRewrites) applyRewrites(rep, node.inputRewrites, matches);
        const renamed = interfaceObjectName?.(node.serviceName, rep['__typename']);
        if (renamed !== undefined) rep['__typename'] = renamed;
        return JSON.stringify(rep);
      });
      for (let j = 0; j < objects.length; j++) {
        const key = representationOf(objects[j]!);
        if (key === undefined) {
          repOf[j] = -1;
          continue;
        }
        let index = group.seen.get(key);
        if (index === undefined) {
          index = group.representations.length;
          group.representations.push(key);
          group.seen.set(key, index);
        }
        repOf[j] = index;
        sent = true;
      }
      if (sent) group.runs.push({ fetch, objects, repOf });
    }
    return groups.filter((group) => group.representations.length > 0);
  }

  /** The merged operation for `groups` (cached with the plan), or `undefined` if none. */
  private batchOperation(groups: readonly OperationGroup[]): BatchOperation | undefined {
    const key = groups.map((g) => g.operationIndex).join(',');
    let merged = this.prepared.batches.get(key);
    if (merged === undefined) {
      const nodes = groups.map((g) => this.prepared.operations[g.operationIndex]!);
      merged =
        mergeEntityOperations(
          nodes.map((n) => n.operation),
          nodes[0]!.operationName,
        ) ?? null;
      this.prepared.batches.set(key, merged);
    }
    return merged ?? undefined;
  }

  /** Sends `groups` as one request (`merged` when several) and merges what comes back. */
  private async request(
    serviceName: string,
    groups: readonly OperationGroup[],
    merged: BatchOperation | undefined,
  ): Promise<void> {
    const nodes = groups.flatMap((g) => g.runs.map((r) => r.fetch.node));
    let variables = this.clientVariables(nodes);
    let bodyPrefix: string;
    if (merged) {
      bodyPrefix = merged.bodyPrefix;
      groups.forEach((group, i) => {
        variables += `${variables ? ',' : ''}"${merged.variables[i]}":[${group.representations.join(',')}]`;
      });
    } else {
      bodyPrefix = groups[0]!.runs[0]!.fetch.prepared.bodyPrefix;
      variables += `${variables ? ',' : ''}"representations":[${groups[0]!.representations.join(',')}]`;
    }
    const response = await this.send(serviceName, `${bodyPrefix},"variables":{${variables}}}`);
    const fieldOf = (i: number): string => (merged ? merged.aliases[i]! : '_entities');

    if (response instanceof SubgraphRequestError) {
      for (const group of groups) {
        for (const run of group.runs) this.failure(response, this.firstPath(run));
      }
      return;
    }
    if (response.errors) {
      for (const error of response.errors) this.entityError(serviceName, error, groups, fieldOf);
    }
    const data = response.data;
    if (data === null || data === undefined) return;
    groups.forEach((group, i) => {
      const field = fieldOf(i);
      const entities = data[field];
      const count = group.representations.length;
      if (!Array.isArray(entities) || entities.length !== count) {
        const got = Array.isArray(entities) ? entities.length : 'none';
        const error = new SubgraphRequestError(
          serviceName,
          'invalid-response',
          `Invalid response from "${serviceName}": expected ${count} entities in "${field}", got ${got}`,
        );
        for (const run of group.runs) this.failure(error, this.firstPath(run));
        return;
      }
      this.mergeEntities(serviceName, group, entities);
    });
  }

  /** Merges each entity into every object it was asked for. */
  private mergeEntities(serviceName: string, group: OperationGroup, entities: unknown[]): void {
    const { matches, isObjectType, nullEntity } = this.options;
    const outputRewrites = group.runs[0]!.fetch.node.outputRewrites;
    if (outputRewrites) {
      for (const entity of entities) applyRewrites(entity, outputRewrites, matches);
    }
    // An entity merged by one fetch is copied for the next: objects the target lacks are merged
    // by reference, and two fetches' later fetches must not write into each other's objects.
    const mergedBy = group.runs.length > 1 ? new Int32Array(entities.length).fill(-1) : undefined;
    group.runs.forEach((run, r) => {
      const { objects, repOf } = run;
      for (let j = 0; j < objects.length; j++) {
        const index = repOf[j]!;
        if (index < 0) continue;
        const entity = entities[index] as unknown;
        const target = objects[j]!;
        if (entity === null) {
          // No such entity (or it failed, with an error at its path): null for the client, when
          // this subgraph is where the object's data lives.
          if (nullEntity?.(serviceName, target['__typename']))
            (target as { [NULL_ENTITY]?: true })[NULL_ENTITY] = true;
          continue;
        }
        if (typeof entity !== 'object' || Array.isArray(entity)) continue;
        let copy = false;
        if (mergedBy) {
          if (mergedBy[index] === -1) mergedBy[index] = r;
          else copy = mergedBy[index] !== r;
        }
        const typename = target['__typename'];
        deepMerge(target, entity as JsonObject, copy);
        // An @interfaceObject subgraph answers with the interface's name: keep the concrete type.
        if (typename !== target['__typename'] && isObjectType(typename))
          target['__typename'] = typename;
      }
    });
  }

  /** A subgraph error of an entity request, at the client path of every object it concerns. */
  private entityError(
    serviceName: string,
    error: GraphQLErrorJson,
    groups: readonly OperationGroup[],
    fieldOf: (i: number) => string,
  ): void {
    const path = error.path;
    const i =
      Array.isArray(path) && typeof path[1] === 'number'
        ? groups.findIndex((_, g) => fieldOf(g) === path[0])
        : -1;
    if (i < 0) {
      this.subgraphError(serviceName, error, undefined);
      return;
    }
    const index = path![1] as number;
    const rest = path!.slice(2);
    let found = false;
    for (const run of groups[i]!.runs) {
      for (let j = 0; j < run.repOf.length; j++) {
        if (run.repOf[j] !== index) continue;
        run.paths ??= this.paths(run.fetch);
        this.subgraphError(serviceName, error, [...(run.paths[j] ?? []), ...rest]);
        found = true;
      }
    }
    if (!found) this.subgraphError(serviceName, error, undefined);
  }

  /** The path of the first object a run sent a representation for. */
  private firstPath(run: EntityRun): Path | undefined {
    const j = run.repOf.findIndex((index) => index >= 0);
    if (j < 0) return undefined;
    run.paths ??= this.paths(run.fetch);
    return run.paths[j];
  }

  private subgraphError(
    serviceName: string,
    error: GraphQLErrorJson,
    path: Path | undefined,
  ): void {
    const message =
      typeof error?.message === 'string' && error.message
        ? error.message
        : `Error while fetching subquery from service "${serviceName}"`;
    const extensions = (typeof error?.extensions === 'object' && error.extensions) || {};
    const out: GraphQLErrorJson = { message };
    if (path) out.path = path;
    out.extensions = {
      ...extensions,
      code:
        typeof extensions['code'] === 'string' ? extensions['code'] : 'DOWNSTREAM_SERVICE_ERROR',
      serviceName,
    };
    this.errors.push(out);
  }

  private failure(error: SubgraphRequestError, path: Path | undefined): void {
    const extensions: Record<string, unknown> = { serviceName: error.serviceName };
    if (error.status !== undefined) extensions['status'] = error.status;
    this.errors.push(
      graphQLError(error.code, error.message, path ? { path, extensions } : { extensions }),
    );
  }
}

/** The top-level response names of a root fetch's operation (parsed once, on first failure). */
function rootFieldsOf(fetch: ScheduledFetch): readonly string[] {
  const { node, prepared } = fetch;
  if (!prepared.rootFields) {
    const names: string[] = [];
    try {
      const document = parse(node.operation);
      for (const definition of document.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        for (const selection of definition.selectionSet.selections) {
          if (selection.kind === Kind.FIELD)
            names.push(selection.alias?.value ?? selection.name.value);
        }
      }
    } catch {
      // An operation the planner printed always parses; without names the error has no path.
    }
    prepared.rootFields = names;
  }
  return prepared.rootFields;
}
