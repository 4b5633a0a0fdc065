import {
  createDiagnostic,
  type Diagnostic,
  type QueryGraph,
  type QueryGraphVertex,
  type SupergraphField,
  type SupergraphModel,
  type SupergraphType,
} from '@orrery/core';
import { OperationTypeNode, type SelectionSetNode } from 'graphql';
import {
  ConditionResolver,
  labelAllows,
  type Labels,
  NO_LABELS,
  selectionId,
  withLabel,
} from './conditions.js';
import { type ContextFrame, ContextTracker } from './contexts.js';
import { explainDowncastFailure, explainFieldFailure } from './explain.js';
import { compareRuntimeTypes, type RuntimeTypesProblem } from './runtime-types.js';
import { printWitness, type Step } from './witness.js';

/** Where one subgraph can be while the API query is at some point. */
export interface SubgraphPath {
  readonly vertex: QueryGraphVertex;
  /** Fields made resolvable here by an enclosing `@provides`. */
  readonly provided: SelectionSetNode | undefined;
  /** The `@context`s set above this point (only those some `@fromContext` reads). */
  readonly contexts: ContextFrame | undefined;
}

/** A point of the API-schema walk: the API type, every subgraph path that can be there. */
interface State {
  readonly type: SupergraphType;
  readonly paths: readonly SubgraphPath[];
  readonly labels: Labels;
  readonly operation: OperationTypeNode;
  readonly parent: State | undefined;
  readonly step: Step | undefined;
}

export interface ValidatorOptions {
  readonly maxValidationSubgraphPaths: number;
  readonly maxErrors: number;
}

/** A field's result from one subgraph path: the new path, or LEAF for scalar/enum fields. */
const LEAF = 'leaf';

/**
 * Walks the API schema breadth-first from the roots, keeping at each point the subgraph paths
 * that can be there; every field and type condition must be followable by at least one of them.
 * See notes.md for the algorithm.
 */
export class SatisfiabilityValidator {
  private readonly conditions: ConditionResolver;
  private readonly contexts: ContextTracker;
  private readonly supergraph: SupergraphModel;
  /** Per (API type, labels): the sets of subgraph paths already validated there. */
  private readonly seen = new Map<string, Set<string>[]>();
  private readonly diagnostics: Diagnostic[] = [];
  private readonly hints: Diagnostic[] = [];
  private readonly typeLabels = new Map<string, readonly string[]>();
  private readonly messages = new Set<string>();
  private exploredPaths = 0;

  constructor(
    private readonly graph: QueryGraph,
    private readonly options: ValidatorOptions,
  ) {
    this.supergraph = graph.supergraph;
    this.conditions = new ConditionResolver(graph);
    this.contexts = new ContextTracker(graph, this.conditions);
  }

  /** The errors only (see {@link check}). */
  validate(): Diagnostic[] {
    return this.check().errors;
  }

  /** Runs the check: errors, and hints (INCONSISTENT_RUNTIME_TYPES_FOR_SHAREABLE_RETURN). */
  check(): { errors: Diagnostic[]; hints: Diagnostic[] } {
    const queue: State[] = [];
    const roots = [
      [OperationTypeNode.QUERY, this.supergraph.roots.query, this.graph.roots.query],
      [OperationTypeNode.MUTATION, this.supergraph.roots.mutation, this.graph.roots.mutation],
      [
        OperationTypeNode.SUBSCRIPTION,
        this.supergraph.roots.subscription,
        this.graph.roots.subscription,
      ],
    ] as const;
    for (const [operation, name, vertices] of roots) {
      const type = name ? this.supergraph.types.get(name) : undefined;
      if (!type || type.inaccessible || vertices.length === 0) continue;
      queue.push({
        type,
        paths: this.enter(
          type,
          vertices.map((vertex) => ({ vertex, provided: undefined, contexts: undefined })),
        ),
        labels: NO_LABELS,
        operation,
        parent: undefined,
        step: undefined,
      });
    }
    // A stack, as Apollo's validation uses: the last edge pushed is explored first, which decides
    // which witness query a failure reached along several paths is reported with.
    queue.reverse();
    for (let state = queue.pop(); state; state = queue.pop()) {
      if (this.diagnostics.length >= this.options.maxErrors) break;
      if (!this.firstVisit(state)) continue;
      this.exploredPaths += state.paths.length;
      if (this.exploredPaths > this.options.maxValidationSubgraphPaths) {
        const error = createDiagnostic(
          'MAX_VALIDATION_SUBGRAPH_PATHS_EXCEEDED',
          `Maximum number of validation subgraph paths exceeded: ${this.exploredPaths}`,
        );
        return { errors: [error], hints: this.hints };
      }
      this.visit(state, queue);
    }
    return { errors: this.diagnostics, hints: this.hints };
  }

  /** False when an earlier state at this API type had a subset of these paths (it covers this one). */
  private firstVisit(state: State): boolean {
    const key = `${state.type.name}|${state.labels.signature}`;
    const ids = new Set(state.paths.map(pathKey));
    const previous = this.seen.get(key);
    if (previous) {
      for (const set of previous) {
        let subset = true;
        for (const id of set) {
          if (!ids.has(id)) {
            subset = false;
            break;
          }
        }
        if (subset) return false;
      }
      previous.push(ids);
    } else {
      this.seen.set(key, [ids]);
    }
    return true;
  }

  private visit(state: State, queue: State[]): void {
    const type = state.type;
    // Progressive override: split the branch on labels this type's fields depend on.
    for (const label of this.labelsOf(type)) {
      if (!state.labels.values.has(label)) {
        queue.push({ ...state, labels: withLabel(state.labels, label, true) });
        queue.push({ ...state, labels: withLabel(state.labels, label, false) });
        return;
      }
    }
    if (type.kind === 'OBJECT' || type.kind === 'INTERFACE') {
      for (const field of type.fields.values()) {
        if (field.inaccessible || this.supergraph.types.get(field.namedType)?.inaccessible)
          continue;
        this.visitField(state, field, queue);
      }
    }
    if (type.kind === 'INTERFACE' || type.kind === 'UNION') {
      const possible =
        type.kind === 'UNION'
          ? type.unionMembers
          : (this.supergraph.implementations.get(type.name) ?? []);
      for (const name of possible) {
        const target = this.supergraph.types.get(name);
        if (target && !target.inaccessible) this.visitDowncast(state, target, queue);
      }
    }
  }

  /** The progressive-override labels the fields of `type` carry (memoised per type). */
  private labelsOf(type: SupergraphType): readonly string[] {
    let labels = this.typeLabels.get(type.name);
    if (!labels) {
      const set = new Set<string>();
      for (const field of type.fields.values()) {
        for (const inGraph of field.subgraphs.values()) {
          if (inGraph.overrideLabel !== undefined) set.add(inGraph.overrideLabel);
        }
      }
      labels = [...set];
      this.typeLabels.set(type.name, labels);
    }
    return labels;
  }

  private visitField(state: State, field: SupergraphField, queue: State[]): void {
    const next: SubgraphPath[] = [];
    const keys = new Set<string>();
    // Vertices already entered by a key jump for this field (paths without contexts only, whose
    // jump results do not depend on where they came from): at the query root every path can
    // jump to the same few subgraphs.
    const jumped = new Set<number>();
    let leafReached = false;
    for (const path of state.paths) {
      for (const result of this.advanceField(path, field.name, state.labels, jumped)) {
        if (result === LEAF) {
          leafReached = true;
          continue;
        }
        const key = pathKey(result);
        if (!keys.has(key)) {
          keys.add(key);
          next.push(result);
        }
      }
      if (leafReached) break;
    }
    const step: Step = { kind: 'field', field };
    if (!leafReached && next.length === 0) {
      // A subgraph whose interface lacks the field answers through its implementations: as in
      // Apollo, the failure is reported on the type-condition branch (`... on Y { f }`) that
      // cannot be satisfied, which the walk of the possible types reaches anyway.
      if (
        state.paths.some((p) => p.vertex.kind === 'INTERFACE' && !p.vertex.fields.has(field.name))
      ) {
        return;
      }
      this.report(
        state,
        step,
        explainFieldFailure(
          this.graph,
          this.conditions,
          state.paths,
          field.name,
          state.labels,
          (path, edge) => this.contexts.failure(edge, path.contexts, state.labels),
        ),
      );
      return;
    }
    const target = this.supergraph.types.get(field.namedType);
    if (!leafReached && target && (target.kind === 'INTERFACE' || target.kind === 'UNION')) {
      const problem = compareRuntimeTypes(
        field,
        state.type.name,
        next.map((p) => p.vertex),
      );
      if (problem) {
        this.reportRuntimeTypes(state, step, problem);
        if (problem.code === 'SHAREABLE_HAS_MISMATCHED_RUNTIME_TYPES') return;
      }
    }
    if (!leafReached && target) {
      queue.push({
        type: target,
        paths: this.enter(target, next),
        labels: state.labels,
        operation: state.operation,
        parent: state,
        step,
      });
    }
  }

  /** The subgraph paths that can take field `name` from `path`: directly, or after key jumps. */
  private advanceField(
    path: SubgraphPath,
    name: string,
    labels: Labels,
    jumped: Set<number> | undefined,
  ): (SubgraphPath | typeof LEAF)[] {
    const out: (SubgraphPath | typeof LEAF)[] = [];
    const v = path.vertex;
    if (v.kind === 'INTERFACE' && !v.fields.has(name)) {
      // The subgraph's interface lacks a field the supergraph's has: each implementation the
      // subgraph can return must provide it.
      for (const downcast of v.downcasts.values()) {
        const results = this.advanceField(
          { vertex: downcast.tail, provided: undefined, contexts: path.contexts },
          name,
          labels,
          undefined,
        );
        if (results.length === 0) return [];
        out.push(...results);
      }
      return out;
    }
    const direct = this.takeField(path.vertex, path.provided, path.contexts, name, labels);
    if (direct) {
      out.push(direct);
      if (direct === LEAF) return out;
    }
    // Only the vertices that declare the field can take it: look those up in the key-reachable
    // set instead of trying every reachable vertex (at the query root that is every subgraph,
    // which made the walk quadratic in the number of subgraphs per root field).
    const jumps = this.conditions.keyReachableIndex(path.vertex, path.provided, labels);
    if (jumps.size === 0) return out;
    const all = this.conditions.holders(v.type, name);
    const holders =
      all.length <= 1
        ? all
        : all
            .filter((h) => jumps.has(h.id))
            .sort((x, y) => (jumps.get(x.id) ?? 0) - (jumps.get(y.id) ?? 0));
    const dedupe = path.contexts === undefined ? jumped : undefined;
    for (const other of holders) {
      if (!jumps.has(other.id) || dedupe?.has(other.id)) continue;
      dedupe?.add(other.id);
      const result = this.takeField(other, undefined, path.contexts, name, labels);
      if (result) out.push(result);
    }
    return out;
  }

  /** Field `name` taken at `vertex` itself, if that subgraph can resolve it there. */
  private takeField(
    vertex: QueryGraphVertex,
    provided: SelectionSetNode | undefined,
    contexts: ContextFrame | undefined,
    name: string,
    labels: Labels,
  ): SubgraphPath | typeof LEAF | undefined {
    const edge = vertex.fields.get(name);
    if (!edge) return undefined;
    const viaProvides = provided
      ? this.conditions.providedField(provided, vertex.type, name)
      : undefined;
    let overlay: SelectionSetNode | undefined;
    if (viaProvides) {
      overlay = viaProvides.sub;
    } else {
      if (edge.external || edge.usedOverridden || !labelAllows(edge, labels)) return undefined;
      if (
        edge.requires &&
        !this.conditions.canResolve(vertex, edge.requires.selectionSet, provided, labels)
      ) {
        return undefined;
      }
      overlay = edge.provides?.selectionSet;
    }
    if (edge.contextArguments.length > 0 && this.contexts.failure(edge, contexts, labels)) {
      return undefined;
    }
    if (!edge.tail) return LEAF;
    return { vertex: edge.tail, provided: overlay, contexts };
  }

  private visitDowncast(state: State, target: SupergraphType, queue: State[]): void {
    const next: SubgraphPath[] = [];
    const keys = new Set<string>();
    const stuck: SubgraphPath[] = [];
    const add = (path: SubgraphPath): void => {
      const key = pathKey(path);
      if (!keys.has(key)) {
        keys.add(key);
        next.push(path);
      }
    };
    for (const path of state.paths) {
      const v = path.vertex;
      if (v.type === target.name) {
        add(path);
      } else if (v.isInterfaceObject) {
        // The subgraph does not know the implementations: some subgraph that has the real
        // interface must be reachable to tell the concrete type.
        let found = false;
        for (const other of this.conditions.keyReachable(v, path.provided, state.labels)) {
          const downcast = other.downcasts.get(target.name);
          if (other.kind === 'INTERFACE' && downcast) {
            add({ vertex: downcast.tail, provided: undefined, contexts: path.contexts });
            found = true;
          }
        }
        if (!found) stuck.push(path);
      } else {
        const downcast = v.downcasts.get(target.name);
        // A type the subgraph cannot return here is no failure: that branch never happens.
        if (downcast) {
          add({ vertex: downcast.tail, provided: path.provided, contexts: path.contexts });
        }
      }
    }
    const step: Step = { kind: 'downcast', type: target.name };
    if (next.length === 0) {
      if (stuck.length > 0)
        this.report(state, step, explainDowncastFailure(stuck, state.type.name));
      return;
    }
    queue.push({
      type: target,
      paths: this.enter(target, next),
      labels: state.labels,
      operation: state.operation,
      parent: state,
      step,
    });
  }

  /** Paths arriving at `type`: record the contexts it sets (see contexts.ts). */
  private enter(type: SupergraphType, paths: SubgraphPath[]): SubgraphPath[] {
    const names = this.contexts.setBy(type);
    if (names.length === 0) return paths;
    return paths.map((path) => ({
      ...path,
      contexts: this.contexts.enter(path.contexts, names, path.vertex),
    }));
  }

  /** SHAREABLE_HAS_MISMATCHED_RUNTIME_TYPES (an error) or its hint, with the witness query. */
  private reportRuntimeTypes(state: State, step: Step, problem: RuntimeTypesProblem): void {
    const isError = problem.code === 'SHAREABLE_HAS_MISMATCHED_RUNTIME_TYPES';
    if (isError && this.diagnostics.length >= this.options.maxErrors) return;
    const message = `For the following supergraph API query:\n${this.witness(state, step)}\n${problem.text}`;
    if (this.messages.has(message)) return;
    this.messages.add(message);
    (isError ? this.diagnostics : this.hints).push(
      createDiagnostic(problem.code, message, { subgraphs: problem.subgraphs }),
    );
  }

  private witness(state: State, step: Step): string {
    const steps: Step[] = [step];
    for (let s: State | undefined = state; s?.step; s = s.parent) steps.push(s.step);
    steps.reverse();
    return printWitness(this.supergraph, state.operation, steps);
  }

  private report(
    state: State,
    step: Step,
    explanation: { text: string; subgraphs: string[] },
  ): void {
    if (this.diagnostics.length >= this.options.maxErrors) return;
    const witness = this.witness(state, step);
    const message = `The following supergraph API query:\n${witness}\ncannot be satisfied by the subgraphs because:\n${explanation.text}`;
    if (this.messages.has(message)) return;
    this.messages.add(message);
    this.diagnostics.push(
      createDiagnostic('SATISFIABILITY_ERROR', message, { subgraphs: explanation.subgraphs }),
    );
  }
}

function pathKey(path: SubgraphPath): string {
  const key = path.provided
    ? `${path.vertex.id}/${selectionId(path.provided)}`
    : String(path.vertex.id);
  return path.contexts ? `${key}/${path.contexts.signature}` : key;
}
