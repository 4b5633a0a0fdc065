import { parseFieldSet, walkFieldSet } from './field-set.js';
import { namedType, stringArgument, type FieldState, type SubgraphState } from './state.js';

/**
 * Rewrites a Federation 1 subgraph as Federation 2, for what only this subgraph decides:
 * extensions become definitions (Fed 1 "extend type" means "entity defined elsewhere"), `@external`
 * is dropped from key fields of those extensions, `@external` fields nothing uses are removed (and
 * types left with no field, unless referenced), and `@provides`/`@requires` that cannot have any
 * effect are dropped.
 * The cross-subgraph part (adding `@shareable`) is {@link addFed1Shareable}.
 */
export function upgradeFed1Subgraph(subgraph: SubgraphState): void {
  if (!subgraph.isFed1) return;
  removeIneffectiveFieldSets(subgraph);
  for (const type of subgraph.types.values()) {
    if (type.kind !== 'object' && type.kind !== 'interface') continue;
    const wasExtension = type.isExtension;
    type.isExtension = false;
    // `extend type` becomes a definition, but a key of a type marked `@extends` stays an
    // extension key (`@join__type(extension: true)`), as Apollo upgrades it. Fed 1 had no keys
    // on interfaces: they are dropped.
    const marksExtends = type.directives.some((d) => d.name === 'extends');
    type.keys =
      type.kind === 'interface' ? [] : type.keys.map((k) => ({ ...k, extension: marksExtends }));
    type.directives = type.directives.filter(
      (d) => d.name !== 'extends' && !(type.kind === 'interface' && d.name === 'key'),
    );
    for (const [name, field] of type.fields) {
      if (!field.external) continue;
      if (field.isKeyField && (wasExtension || type.kind === 'object')) {
        field.external = false;
        field.directives = field.directives.filter((d) => d.name !== 'external');
        continue;
      }
      // On an interface, @external only goes (below): the field itself stays, as in Apollo.
      if (!field.usedInFieldSet && type.kind !== 'interface') type.fields.delete(name);
    }
    if (type.fields.size === 0 && type.kind === 'object' && !isReferenced(subgraph, type.name)) {
      // Nothing left and nothing points at it: the type only existed for those externals.
      // (A referenced one stays, empty, for TypeWithOnlyUnusedExternalRule.)
      subgraph.types.delete(type.name);
      continue;
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
  // Only Fed 1 subgraphs get marks: skip the counting (every field of every subgraph) without one.
  if (!subgraphs.some((s) => s.isFed1)) return;
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

/** Whether some field or argument of the subgraph has `typeName` as its type, or a union has it as member. */
function isReferenced(subgraph: SubgraphState, typeName: string): boolean {
  for (const t of subgraph.types.values()) {
    if (t.members.includes(typeName)) return true;
    for (const f of t.fields.values()) {
      if (namedType(f.type) === typeName) return true;
      for (const a of f.args.values()) if (namedType(a.type) === typeName) return true;
    }
  }
  return false;
}

/**
 * Fed 1 accepted `@provides`/`@requires` that do nothing: on a field whose type has no fields to
 * provide, or selecting only fields this subgraph resolves anyway (key fields of an extension were
 * `@external` in Fed 1 and are not after the upgrade). Fed 2 rejects those; the upgrade drops them.
 */
function removeIneffectiveFieldSets(subgraph: SubgraphState): void {
  for (const type of subgraph.types.values()) {
    for (const field of type.fields.values()) {
      field.directives = field.directives.filter((d) => {
        if (d.name !== 'provides' && d.name !== 'requires') return true;
        const from = d.name === 'requires' ? type.name : namedType(field.type);
        const target = subgraph.types.get(from);
        if (!target || (target.kind !== 'object' && target.kind !== 'interface')) {
          return target?.kind === 'union';
        }
        const set = parseFieldSet(stringArgument(d, 'fields') ?? '');
        if (typeof set === 'string') return true; // left for the rules to report
        let selectsExternal = false;
        const problems = walkFieldSet(subgraph, from, set, ({ field: selected }) => {
          const staysExternal =
            selected?.external === true &&
            !(selected.isKeyField && losesExternal(subgraph, selected));
          if (staysExternal) selectsExternal = true;
        });
        return problems.length > 0 || selectsExternal;
      });
    }
  }
}

/** Whether a key field loses `@external` in the upgrade (as {@link upgradeFed1Subgraph} decides). */
function losesExternal(subgraph: SubgraphState, field: FieldState): boolean {
  const parent = subgraph.types.get(field.parent);
  return parent !== undefined && (parent.isExtension || parent.kind === 'object');
}
