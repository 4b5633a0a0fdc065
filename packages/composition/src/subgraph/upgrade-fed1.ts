import type { FieldState, SubgraphState } from './state.js';

/**
 * Rewrites a Federation 1 subgraph as Federation 2, for what only this subgraph decides:
 * extensions become definitions (Fed 1 "extend type" means "entity defined elsewhere"), `@external`
 * is dropped from key fields of those extensions, and `@external` fields nothing uses are removed.
 * The cross-subgraph part (adding `@shareable`) is {@link addFed1Shareable}.
 */
export function upgradeFed1Subgraph(subgraph: SubgraphState): void {
  if (!subgraph.isFed1) return;
  for (const type of subgraph.types.values()) {
    if (type.kind !== 'object' && type.kind !== 'interface') continue;
    const wasExtension = type.isExtension;
    type.isExtension = false;
    type.keys = type.keys.map((k) => ({ ...k, extension: false }));
    type.directives = type.directives.filter((d) => d.name !== 'extends');
    for (const [name, field] of type.fields) {
      if (!field.external) continue;
      if (field.isKeyField && (wasExtension || type.kind === 'object')) {
        field.external = false;
        field.directives = field.directives.filter((d) => d.name !== 'external');
        continue;
      }
      if (!field.usedInFieldSet) type.fields.delete(name);
    }
    if (type.kind === 'interface') {
      // Fed 2 forbids these on interface fields; Fed 1 tolerated them.
      for (const field of type.fields.values()) {
        field.directives = field.directives.filter(
          (d) => d.name !== 'external' && d.name !== 'requires' && d.name !== 'provides',
        );
        field.external = false;
      }
    }
  }
}

/**
 * What the Fed 2 sharing rules would reject in a Fed 1 supergraph but Fed 1 allowed: a value
 * type defined in several subgraphs, or an entity/root field resolved by several. Federation 1
 * subgraphs get those marked `@shareable`, as Apollo's upgrade does.
 */
export function addFed1Shareable(subgraphs: readonly SubgraphState[]): void {
  // Where each object field is resolved (not external, or external but provided).
  const resolvedBy = new Map<string, number>();
  const typeCount = new Map<string, number>();
  for (const s of subgraphs) {
    for (const type of s.types.values()) {
      if (type.kind !== 'object') continue;
      typeCount.set(type.name, (typeCount.get(type.name) ?? 0) + 1);
      for (const field of type.fields.values()) {
        if (field.external && !field.provided) continue;
        const coordinate = `${type.name}.${field.name}`;
        resolvedBy.set(coordinate, (resolvedBy.get(coordinate) ?? 0) + 1);
      }
    }
  }
  const markShareable = (field: FieldState) => {
    field.shareable = true;
  };
  for (const s of subgraphs) {
    if (!s.isFed1) continue;
    for (const type of s.types.values()) {
      if (type.kind !== 'object') continue;
      const isValueType =
        type.keys.length === 0 && !['Query', 'Mutation', 'Subscription'].includes(type.name);
      if (isValueType && (typeCount.get(type.name) ?? 0) > 1) {
        type.fields.forEach(markShareable);
        continue;
      }
      for (const field of type.fields.values()) {
        if (field.isKeyField || field.external) continue;
        if ((resolvedBy.get(`${type.name}.${field.name}`) ?? 0) > 1) markShareable(field);
      }
    }
  }
}
