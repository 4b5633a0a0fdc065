import type { KeyDefinition, SupergraphModel } from '@orrery/core';
import { Kind, parse, type SelectionSetNode } from 'graphql';
import type { OpSelection } from '../operation/operation.js';

/** A `@fromContext` selection, ready to walk. */
export interface ContextSelection {
  readonly selections: readonly OpSelection[];
  /** Where the value lands under the setting type (`['prop']`). */
  readonly path: readonly string[];
}

/**
 * What the walker asks of the supergraph besides the query graph, precomputed once per
 * supergraph (possible types) or memoised on first use (FieldSets as selections).
 */
export class PlannerSchema {
  private readonly possible = new Map<string, ReadonlySet<string>>();
  private readonly rootTypes: ReadonlySet<string>;
  private readonly fieldSets = new WeakMap<SelectionSetNode, OpSelection[]>();
  private readonly contextSelections = new Map<string, ContextSelection>();
  private readonly subgraphIndexes: ReadonlyMap<string, number>;
  private contextIndexes: Map<string, number> | undefined;

  constructor(readonly model: SupergraphModel) {
    this.rootTypes = new Set(
      [model.roots.query, model.roots.mutation, model.roots.subscription].filter(
        (r): r is string => r !== undefined,
      ),
    );
    this.subgraphIndexes = new Map(model.subgraphs.map((g, i) => [g.name, i + 1]));
  }

  /**
   * The name of the variable a `@fromContext` argument is passed in:
   * `contextualArgument_<subgraph's 1-based index in join__Graph>_<i>`, `i` counting the
   * subgraph's context arguments in schema order (what Apollo's planner names them).
   */
  contextVariable(subgraph: string, type: string, field: string, argument: string): string {
    if (!this.contextIndexes) {
      this.contextIndexes = new Map();
      const counters = new Map<string, number>();
      for (const t of this.model.types.values()) {
        for (const f of t.fields.values()) {
          for (const [graph, inGraph] of f.subgraphs) {
            for (const arg of inGraph.contextArguments) {
              const i = counters.get(graph) ?? 0;
              counters.set(graph, i + 1);
              this.contextIndexes.set(`${graph}|${t.name}.${f.name}(${arg.name})`, i);
            }
          }
        }
      }
    }
    const i = this.contextIndexes.get(`${subgraph}|${type}.${field}(${argument})`) ?? 0;
    return `contextualArgument_${this.subgraphIndexes.get(subgraph) ?? 0}_${i}`;
  }

  /** The contexts (`@context`, subgraph-prefixed names) a type sets. */
  contextsSetBy(type: string): readonly string[] {
    return this.model.types.get(type)?.contexts ?? [];
  }

  /**
   * A `@fromContext` selection (`{ prop }`, as the supergraph records it) on the setting type:
   * the selections to fetch there, and the field path its value is read at. Memoised.
   */
  contextSelection(type: string, selection: string): ContextSelection {
    const key = `${type}|${selection}`;
    let out = this.contextSelections.get(key);
    if (out) return out;
    const text = selection.trim().startsWith('{') ? selection : `{ ${selection} }`;
    const definition = parse(text).definitions[0];
    const set =
      definition?.kind === Kind.OPERATION_DEFINITION ? definition.selectionSet : undefined;
    const path: string[] = [];
    for (let s = set?.selections[0]; s?.kind === Kind.FIELD; s = s.selectionSet?.selections[0]) {
      path.push(s.alias?.value ?? s.name.value);
    }
    out = { selections: set ? this.convert(type, set) : [], path };
    this.contextSelections.set(key, out);
    return out;
  }

  isRootType(name: string): boolean {
    return this.rootTypes.has(name);
  }

  /** The object types a value of type `name` can have, in the supergraph. */
  possibleTypes(name: string): ReadonlySet<string> {
    let set = this.possible.get(name);
    if (set) return set;
    const type = this.model.types.get(name);
    if (!type) set = new Set();
    else if (type.kind === 'INTERFACE') set = new Set(this.model.implementations.get(name) ?? []);
    else if (type.kind === 'UNION') set = new Set(type.unionMembers);
    else set = new Set([name]);
    this.possible.set(name, set);
    return set;
  }

  /** Whether `name` is an object type of the supergraph (an `@interfaceObject` is not). */
  isObjectType(name: string): boolean {
    return this.model.types.get(name)?.kind === 'OBJECT';
  }

  /** The resolvable keys of a type in a subgraph. */
  keys(type: string, subgraph: string): readonly KeyDefinition[] {
    return (this.model.types.get(type)?.subgraphs.get(subgraph)?.keys ?? []).filter(
      (k) => k.resolvable,
    );
  }

  /** A FieldSet (a `@requires`) as operation selections, to be planned like client fields. */
  fieldSetSelections(type: string, selectionSet: SelectionSetNode): OpSelection[] {
    let out = this.fieldSets.get(selectionSet);
    if (out) return out;
    out = this.convert(type, selectionSet);
    this.fieldSets.set(selectionSet, out);
    return out;
  }

  private convert(type: string, selectionSet: SelectionSetNode): OpSelection[] {
    const out: OpSelection[] = [];
    for (const s of selectionSet.selections) {
      if (s.kind === Kind.FIELD) {
        const fieldType =
          s.name.value === '__typename'
            ? 'String'
            : (this.model.types.get(type)?.fields.get(s.name.value)?.namedType ?? 'String');
        out.push({
          kind: 'Field',
          name: s.name.value,
          alias: undefined,
          responseName: s.name.value,
          arguments: s.arguments ?? [],
          directives: [],
          conditions: [],
          type: fieldType,
          selections: s.selectionSet ? this.convert(fieldType, s.selectionSet) : undefined,
        });
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        const tc = s.typeCondition?.name.value;
        out.push({
          kind: 'Fragment',
          typeCondition: tc,
          directives: [],
          conditions: [],
          selections: this.convert(tc ?? type, s.selectionSet),
          defer: undefined,
        });
      }
    }
    return out;
  }
}
