/**
 * Runs a prepared query plan: `Sequence` in order, `Parallel` concurrently, `Flatten` on the
 * objects at its path, `Condition` on a variable, and `Fetch` as one request to one subgraph
 * (root fetches merge into the result, entity fetches send deduplicated representations and
 * merge each entity into the objects it came from). A failed fetch never fails the request: its
 * error is recorded with the client path of what it owned, and dependent fetches find no data
 * and skip.
 *
 * @module
 */
import type { FetchNode, PlanNode } from '@orrery/query-planner';
import { parse, Kind } from 'graphql';
import { graphQLError, SubgraphRequestError, type GraphQLErrorJson } from '../errors.js';
import type { SubgraphResponse } from '../fetch/subgraph-fetcher.js';
import {
  applyRewrites,
  buildRepresentation,
  collectAtPath,
  deepMerge,
  NULL_ENTITY,
  pathsAtPath,
  type JsonObject,
  type TypeMatcher,
} from './data.js';
import type {
  InterfaceObjectName,
  NullEntityTest,
  PreparedFetch,
  PreparedPlan,
} from './prepare-plan.js';

/** Sends one fetch of the plan; resolves to the parsed response or rejects with a `SubgraphRequestError`. */
export type PlanFetch = (
  serviceName: string,
  body: string,
  node: FetchNode,
) => Promise<SubgraphResponse>;

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

/** Where a node runs: objects in the result, and (computed on demand) their response paths. */
interface Cursor {
  readonly objects: JsonObject[];
  paths(): Path[];
}

/** Runs `prepared` and returns the merged data with every fetch error. */
export async function executePlan(
  prepared: PreparedPlan,
  options: ExecutePlanOptions,
): Promise<ExecutionResult> {
  const data: JsonObject = {};
  const errors: GraphQLErrorJson[] = [];
  const node = prepared.plan.node;
  if (node && node.kind !== 'Subscription') {
    const root: Cursor = { objects: [data], paths: () => [[]] };
    await new Executor(prepared, options, errors).run(node, root);
  }
  return { data, errors };
}

class Executor {
  constructor(
    private readonly prepared: PreparedPlan,
    private readonly options: ExecutePlanOptions,
    private readonly errors: GraphQLErrorJson[],
  ) {}

  async run(node: PlanNode, cursor: Cursor): Promise<void> {
    switch (node.kind) {
      case 'Sequence':
        for (const child of node.nodes) await this.run(child, cursor);
        return;
      case 'Parallel':
        await Promise.all(node.nodes.map((child) => this.run(child, cursor)));
        return;
      case 'Flatten': {
        const objects = collectAtPath(cursor.objects, node.path);
        if (objects.length === 0) return;
        let paths: Path[] | undefined;
        const next: Cursor = {
          objects,
          paths: () => {
            const parents = cursor.paths();
            paths ??= pathsAtPath(
              cursor.objects.map((value, i) => ({ value, path: parents[i] ?? [] })),
              node.path,
            );
            return paths;
          },
        };
        return this.run(node.node, next);
      }
      case 'Condition': {
        const branch =
          this.options.variables[node.condition] === true ? node.ifClause : node.elseClause;
        if (branch) await this.run(branch, cursor);
        return;
      }
      case 'Fetch':
        return node.requires ? this.entityFetch(node, cursor) : this.rootFetch(node, cursor);
      case 'Defer':
        // preparePlan refuses plans with Defer before execution starts.
        return;
    }
  }

  private variablesJson(node: FetchNode, representations?: JsonObject[]): string {
    const usages = node.variableUsages;
    if (!representations && (!usages || usages.length === 0)) return '';
    const variables: JsonObject = {};
    if (usages) {
      for (const name of usages) {
        const value = this.options.variables[name];
        if (value !== undefined) variables[name] = value;
      }
    }
    if (representations) variables['representations'] = representations;
    return `,"variables":${JSON.stringify(variables)}`;
  }

  private prepared_(node: FetchNode): PreparedFetch {
    const prepared = this.prepared.fetches.get(node);
    if (!prepared) throw new Error('fetch node not prepared');
    return prepared;
  }

  private async send(
    node: FetchNode,
    body: string,
  ): Promise<SubgraphResponse | SubgraphRequestError> {
    try {
      return await this.options.fetch(node.serviceName, body, node);
    } catch (error) {
      if (error instanceof SubgraphRequestError) return error;
      return new SubgraphRequestError(
        node.serviceName,
        'request',
        `HTTP fetch failed from "${node.serviceName}": ${(error as Error)?.message ?? String(error)}`,
        { cause: error },
      );
    }
  }

  private async rootFetch(node: FetchNode, cursor: Cursor): Promise<void> {
    const prepared = this.prepared_(node);
    const body = `${prepared.bodyPrefix}${this.variablesJson(node)}}`;
    const response = await this.send(node, body);
    if (response instanceof SubgraphRequestError) {
      const base = cursor.paths()[0] ?? [];
      for (const field of rootFieldsOf(node, prepared)) {
        this.failure(response, [...base, field]);
      }
      return;
    }
    if (response.errors) {
      const base = cursor.objects.length === 1 ? (cursor.paths()[0] ?? []) : undefined;
      for (const error of response.errors) {
        const path = Array.isArray(error.path) && base ? [...base, ...error.path] : undefined;
        this.subgraphError(node.serviceName, error, path);
      }
    }
    const data = response.data;
    if (!data) return;
    if (node.outputRewrites) applyRewrites(data, node.outputRewrites, this.options.matches);
    for (const object of cursor.objects) deepMerge(object, data);
  }

  private async entityFetch(node: FetchNode, cursor: Cursor): Promise<void> {
    const { matches, interfaceObjectName } = this.options;
    const objects = cursor.objects;
    const representations: JsonObject[] = [];
    // For each object, the index of its (deduplicated) representation, -1 when not sent.
    const repOf = new Int32Array(objects.length);
    const seen = new Map<string, number>();
    for (let j = 0; j < objects.length; j++) {
      const representation = buildRepresentation(objects[j]!, node.requires!, matches);
      if (!representation) {
        repOf[j] = -1;
        continue;
      }
      if (node.inputRewrites) applyRewrites(representation, node.inputRewrites, matches);
      const renamed = interfaceObjectName?.(node.serviceName, representation['__typename']);
      if (renamed !== undefined) representation['__typename'] = renamed;
      const key = JSON.stringify(representation);
      let index = seen.get(key);
      if (index === undefined) {
        index = representations.length;
        representations.push(representation);
        seen.set(key, index);
      }
      repOf[j] = index;
    }
    if (representations.length === 0) return;
    const prepared = this.prepared_(node);
    const body = `${prepared.bodyPrefix}${this.variablesJson(node, representations)}}`;
    const response = await this.send(node, body);
    const pathOfRep = (index: number): Path[] => {
      const paths = cursor.paths();
      const out: Path[] = [];
      for (let j = 0; j < repOf.length; j++) if (repOf[j] === index) out.push(paths[j] ?? []);
      return out;
    };
    if (response instanceof SubgraphRequestError) {
      this.failure(response, pathOfRep(0)[0]);
      return;
    }
    if (response.errors) {
      for (const error of response.errors) {
        const path = error.path;
        if (Array.isArray(path) && path[0] === '_entities' && typeof path[1] === 'number') {
          const rest = path.slice(2);
          const targets = pathOfRep(path[1]);
          if (targets.length === 0) this.subgraphError(node.serviceName, error, undefined);
          for (const target of targets)
            this.subgraphError(node.serviceName, error, [...target, ...rest]);
        } else {
          this.subgraphError(node.serviceName, error, undefined);
        }
      }
    }
    const data = response.data;
    if (data === null || data === undefined) return;
    const entities = data['_entities'];
    if (!Array.isArray(entities) || entities.length !== representations.length) {
      this.failure(
        new SubgraphRequestError(
          node.serviceName,
          'invalid-response',
          `Invalid response from "${node.serviceName}": expected ${representations.length} entities in "_entities", got ${Array.isArray(entities) ? entities.length : 'none'}`,
        ),
        pathOfRep(0)[0],
      );
      return;
    }
    if (node.outputRewrites) {
      for (const entity of entities) applyRewrites(entity, node.outputRewrites, matches);
    }
    const { isObjectType } = this.options;
    for (let j = 0; j < objects.length; j++) {
      const index = repOf[j]!;
      if (index < 0) continue;
      const entity = entities[index] as unknown;
      const target = objects[j]!;
      if (entity === null) {
        // No such entity (or it failed, with an error at its path): null for the client, when
        // this subgraph is where the object's data lives.
        if (this.options.nullEntity?.(node.serviceName, target['__typename']))
          (target as { [NULL_ENTITY]?: true })[NULL_ENTITY] = true;
        continue;
      }
      if (typeof entity !== 'object' || Array.isArray(entity)) continue;
      const typename = target['__typename'];
      deepMerge(target, entity as JsonObject);
      // An @interfaceObject subgraph answers with the interface's name: keep the concrete type.
      if (typename !== target['__typename'] && isObjectType(typename))
        target['__typename'] = typename;
    }
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
function rootFieldsOf(node: FetchNode, prepared: PreparedFetch): readonly string[] {
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
