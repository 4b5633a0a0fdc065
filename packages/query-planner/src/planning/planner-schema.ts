import type { KeyDefinition, SupergraphModel } from '@orrery/core';
import { Kind, type SelectionSetNode } from 'graphql';
import type { OpSelection } from '../operation/operation.js';

/**
 * What the walker asks of the supergraph besides the query graph, precomputed once per
 * supergraph (possible types) or memoised on first use (FieldSets as selections).
 */
export class PlannerSchema {
  private readonly possible = new Map<string, ReadonlySet<string>>();
  private readonly rootTypes: ReadonlySet<string>;
  private readonly fieldSets = new WeakMap<SelectionSetNode, OpSelection[]>();

  constructor(readonly model: SupergraphModel) {
    this.rootTypes = new Set(
      [model.roots.query, model.roots.mutation, model.roots.subscription].filter(
        (r): r is string => r !== undefined,
      ),
    );
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
        });
      }
    }
    return out;
  }
}
