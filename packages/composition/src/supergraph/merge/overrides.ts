import { stringArgument, type FieldState } from '../../subgraph/state.js';

/** How `@override` splits a field between subgraphs. */
export interface FieldOverrides {
  /** Subgraph name to the subgraph it overrides the field from (and the label). */
  readonly overriding: ReadonlyMap<string, { from: string; label: string | undefined }>;
  /** Overridden subgraphs: `label` (progressive), `used` (still needed by a FieldSet) or `unused`. */
  readonly overridden: ReadonlyMap<string, 'label' | 'used' | 'unused'>;
}

/** Reads the `@override`s on one field across the subgraphs that define it. */
export function fieldOverrides(byGraph: ReadonlyMap<string, FieldState>): FieldOverrides {
  const overriding = new Map<string, { from: string; label: string | undefined }>();
  const overridden = new Map<string, 'label' | 'used' | 'unused'>();
  for (const [graph, field] of byGraph) {
    const d = field.directives.find((x) => x.name === 'override');
    if (!d) continue;
    const from = stringArgument(d, 'from');
    if (from === undefined || from === graph) continue;
    const source = byGraph.get(from);
    // Overrides pointing at each other cancel out (OVERRIDE_SOURCE_HAS_OVERRIDE): neither applies.
    if (source?.directives.some((x) => x.name === 'override')) continue;
    const label = stringArgument(d, 'label');
    overriding.set(graph, { from, label });
    if (!source) continue;
    overridden.set(from, label !== undefined ? 'label' : source.usedInFieldSet ? 'used' : 'unused');
  }
  return { overriding, overridden };
}
