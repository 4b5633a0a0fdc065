import type { QueryGraph, QueryGraphVertex } from '@orrery/core';
import { Kind, type SelectionSetNode } from 'graphql';
import type { SelectionBuilder } from './selection-builder.js';

/**
 * Adds a FieldSet (a key, `@requires` fields) to a sink as the planner's own selections (unless
 * `plannerAdded` is false); `vertex` (where the sink's selections are resolved, when they go to
 * a subgraph) gives the fields' subgraph types.
 */
export function addFieldSet(
  graph: QueryGraph,
  sink: SelectionBuilder,
  selectionSet: SelectionSetNode,
  vertex?: QueryGraphVertex,
  plannerAdded = true,
): void {
  for (const s of selectionSet.selections) {
    if (s.kind === Kind.FIELD) {
      const edge = vertex?.fields.get(s.name.value);
      const entry = sink.field(
        s.name.value,
        undefined,
        s.arguments ?? [],
        [],
        [],
        !!s.selectionSet,
        plannerAdded,
        s.name.value === '__typename' ? 'String!' : edge?.type,
      );
      if (s.selectionSet && entry.selections) {
        addFieldSet(graph, entry.selections, s.selectionSet, edge?.tail, plannerAdded);
      }
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      const tc = s.typeCondition?.name.value;
      const entry = sink.fragment(tc, [], [], plannerAdded);
      const target = vertex && tc !== undefined ? graph.vertex(tc, vertex.subgraph) : vertex;
      addFieldSet(graph, entry.selections, s.selectionSet, target, plannerAdded);
    }
  }
}
