/**
 * Data plumbing of plan execution: walking `Flatten` paths, deep-merging fetched data into the
 * result, building entity representations from a fetch's `requires`, and applying the
 * planner's `inputRewrites`/`outputRewrites`. All of it mutates plain JSON objects in place.
 *
 * @module
 */
import type { DataRewrite, PlanSelection, ResponsePath } from '@orrery/query-planner';

export type JsonObject = Record<string, unknown>;

/** Answers "does an object of runtime type `typename` match the type condition `condition`". */
export type TypeMatcher = (condition: string, typename: unknown) => boolean;

/**
 * Marks an object an entity fetch answered with `null` (`_entities[i] = null`: the subgraph says
 * the entity does not exist, or failed to load it). The object stays in place for the rest of
 * execution, but the client sees `null` there, as a single server whose resolver returned null
 * would answer. A symbol key: invisible to `for...in`, `JSON.stringify` and representations.
 */
export const NULL_ENTITY: unique symbol = Symbol('orrery.nullEntity');

/** True when `value` is an object an entity fetch answered with `null`. */
export function isNullEntity(value: unknown): boolean {
  return typeof value === 'object' && value !== null && NULL_ENTITY in value;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The objects at `path` below each of `sources`: field names step in, `'@'` steps into every
 * list item (nested lists are flattened), null and missing values end a branch.
 */
export function collectAtPath(sources: readonly JsonObject[], path: ResponsePath): JsonObject[] {
  const out: JsonObject[] = [];
  for (const source of sources) collect(source, path, 0, out);
  return out;
}

function collect(value: unknown, path: ResponsePath, index: number, out: JsonObject[]): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    // '@' enters a list; a list met anywhere else (a nested list under one '@') is flattened.
    const next = path[index] === '@' ? index + 1 : index;
    for (const item of value) collect(item, path, next, out);
    return;
  }
  if (!isObject(value) || NULL_ENTITY in value) return;
  if (index === path.length) {
    out.push(value);
    return;
  }
  const element = path[index]!;
  collect(element === '@' ? value : value[element], path, index + 1, out);
}

/**
 * The same walk as {@link collectAtPath}, returning each object's concrete response path (list
 * indexes in place of `'@'`), in the same order. Only run when an error needs mapping.
 */
export function pathsAtPath(
  sources: readonly { readonly value: JsonObject; readonly path: readonly (string | number)[] }[],
  path: ResponsePath,
): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (value: unknown, index: number, at: (string | number)[]): void => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      const next = path[index] === '@' ? index + 1 : index;
      value.forEach((item, i) => walk(item, next, [...at, i]));
      return;
    }
    if (!isObject(value) || NULL_ENTITY in value) return;
    if (index === path.length) {
      out.push(at);
      return;
    }
    const element = path[index]!;
    if (element === '@') walk(value, index + 1, at);
    else walk(value[element], index + 1, [...at, element]);
  };
  for (const source of sources) walk(source.value, 0, [...source.path]);
  return out;
}

/**
 * Deep-merges `source` into `target`: objects recursively, lists of equal length item by item,
 * anything else replaced; `undefined` ignored. Objects and lists `target` does not have yet are
 * taken by reference, or copied with `copy` (when `source` is merged into several places whose
 * later fetches must not write into each other's objects).
 */
export function deepMerge(target: JsonObject, source: JsonObject, copy = false): void {
  for (const key in source) {
    const incoming = source[key];
    if (incoming === undefined) continue;
    const existing = target[key];
    if (existing === undefined || existing === null || incoming === null) {
      target[key] = copy ? copyJson(incoming) : incoming;
    } else if (Array.isArray(existing)) {
      if (Array.isArray(incoming) && incoming.length === existing.length) {
        mergeLists(existing, incoming, copy);
      } else {
        target[key] = copy ? copyJson(incoming) : incoming;
      }
    } else if (isObject(existing) && isObject(incoming)) {
      deepMerge(existing, incoming, copy);
    } else {
      target[key] = copy ? copyJson(incoming) : incoming;
    }
  }
}

function mergeLists(target: unknown[], source: unknown[], copy: boolean): void {
  for (let i = 0; i < source.length; i++) {
    const existing = target[i];
    const incoming = source[i];
    if (isObject(existing) && isObject(incoming)) deepMerge(existing, incoming, copy);
    else if (
      Array.isArray(existing) &&
      Array.isArray(incoming) &&
      existing.length === incoming.length
    ) {
      mergeLists(existing, incoming, copy);
    } else if (incoming !== undefined) target[i] = copy ? copyJson(incoming) : incoming;
  }
}

/** A deep copy of parsed JSON (scalars are returned as they are). */
function copyJson(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyJson);
  const out: JsonObject = {};
  for (const key in value) out[key] = copyJson((value as JsonObject)[key]);
  return out;
}

/**
 * The representation of `object` for an entity fetch: the `requires` selection read out of it,
 * with type conditions checked against its `__typename`. `undefined` when a required field is
 * missing (an earlier fetch failed) or the object has no `__typename`: it is not sent.
 */
export function buildRepresentation(
  object: JsonObject,
  requires: readonly PlanSelection[],
  matches: TypeMatcher,
): JsonObject | undefined {
  const out: JsonObject = {};
  if (!select(object, requires, matches, out)) return undefined;
  return typeof out['__typename'] === 'string' ? out : undefined;
}

function select(
  object: JsonObject,
  selections: readonly PlanSelection[],
  matches: TypeMatcher,
  out: JsonObject,
): boolean {
  for (const selection of selections) {
    if (selection.kind === 'InlineFragment') {
      if (selection.typeCondition && !matches(selection.typeCondition, object['__typename'])) {
        continue;
      }
      if (!select(object, selection.selections, matches, out)) return false;
      continue;
    }
    const key = selection.alias ?? selection.name;
    const value = object[key];
    if (value === undefined) return false;
    if (!selection.selections || value === null) {
      out[key] = value;
      continue;
    }
    const picked = pickNested(value, selection.selections, matches);
    if (picked === undefined) return false;
    out[key] = picked;
  }
  return true;
}

function pickNested(
  value: unknown,
  selections: readonly PlanSelection[],
  matches: TypeMatcher,
): unknown {
  if (value === null) return null;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const picked = pickNested(item, selections, matches);
      if (picked === undefined) return undefined;
      out.push(picked);
    }
    return out;
  }
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  return select(value, selections, matches, out) ? out : undefined;
}

/**
 * Representations of many objects for one entity fetch, as JSON text, each built and serialised
 * once per distinct content. The deep benchmark query reads hundreds of objects per request whose
 * representations deduplicate to a handful; building an object and a JSON string for each (then
 * hashing the string) was the executor's hottest code.
 *
 * Instead, each object is walked along `requires` the way {@link buildRepresentation} walks it,
 * and the values it reads (leaf values, type-condition outcomes, list lengths, which of null /
 * object / list / scalar a nested field holds) index a trie of `Map`s. Two objects with the same
 * walk have the same representation (it is a function of what the walk reads), so only the
 * first is built, passed through `finish` (rewrites, renames, serialisation) and cached at its
 * trie leaf. A leaf value that is itself an object (a custom scalar) is not indexed: that object
 * is built directly.
 */
export function createRepresentationCache(
  requires: readonly PlanSelection[],
  matches: TypeMatcher,
  finish: (representation: JsonObject) => string | undefined,
): (object: JsonObject) => string | undefined {
  const root: Trie = new Map();
  const build = (object: JsonObject): string | undefined => {
    const representation = buildRepresentation(object, requires, matches);
    return representation && finish(representation);
  };
  return (object) => {
    const walk: Walk = { node: root };
    const outcome = walkFields(object, requires, matches, walk);
    if (outcome === MISSING) return undefined;
    if (outcome === UNINDEXED) return build(object);
    const cached = walk.node.get(LEAF) as string | typeof MISSING | undefined;
    if (cached !== undefined) return cached === MISSING ? undefined : cached;
    const json = build(object);
    walk.node.set(LEAF, json ?? MISSING);
    return json;
  };
}

type Trie = Map<unknown, unknown>;
interface Walk {
  node: Trie;
}
/** Trie keys that no JSON value equals. */
const LEAF = Symbol('leaf');
const OBJECT = Symbol('object');
const LIST = Symbol('list');
/** Walk outcomes besides "indexed". */
const MISSING = Symbol('missing');
const UNINDEXED = Symbol('unindexed');
type Outcome = true | typeof MISSING | typeof UNINDEXED;

function step(walk: Walk, key: unknown): void {
  let next = walk.node.get(key) as Trie | undefined;
  if (next === undefined) walk.node.set(key, (next = new Map()));
  walk.node = next;
}

function walkFields(
  object: JsonObject,
  selections: readonly PlanSelection[],
  matches: TypeMatcher,
  walk: Walk,
): Outcome {
  for (const selection of selections) {
    if (selection.kind === 'InlineFragment') {
      const applies =
        !selection.typeCondition || matches(selection.typeCondition, object['__typename']);
      step(walk, applies);
      if (!applies) continue;
      const outcome = walkFields(object, selection.selections, matches, walk);
      if (outcome !== true) return outcome;
      continue;
    }
    const value = object[selection.alias ?? selection.name];
    if (value === undefined) return MISSING;
    const outcome = selection.selections
      ? walkNested(value, selection.selections, matches, walk)
      : walkLeaf(value, walk);
    if (outcome !== true) return outcome;
  }
  return true;
}

function walkLeaf(value: unknown, walk: Walk): Outcome {
  if (typeof value === 'object' && value !== null) return UNINDEXED;
  step(walk, value);
  return true;
}

function walkNested(
  value: unknown,
  selections: readonly PlanSelection[],
  matches: TypeMatcher,
  walk: Walk,
): Outcome {
  if (Array.isArray(value)) {
    step(walk, LIST);
    step(walk, value.length);
    for (const item of value) {
      if (item === undefined) return MISSING;
      const outcome = walkNested(item, selections, matches, walk);
      if (outcome !== true) return outcome;
    }
    return true;
  }
  if (!isObject(value)) return walkLeaf(value, walk);
  step(walk, OBJECT);
  return walkFields(value, selections, matches, walk);
}

/** Applies rewrites to `value` in place (see federation reference 5.6). */
export function applyRewrites(
  value: unknown,
  rewrites: readonly DataRewrite[],
  matches: TypeMatcher,
): void {
  for (const rewrite of rewrites) rewriteAt(value, rewrite, 0, matches);
}

function rewriteAt(
  value: unknown,
  rewrite: DataRewrite,
  index: number,
  matches: TypeMatcher,
): void {
  if (Array.isArray(value)) {
    for (const item of value) rewriteAt(item, rewrite, index, matches);
    return;
  }
  if (!isObject(value)) return;
  const element = rewrite.path[index];
  if (element === undefined) return;
  const last = index === rewrite.path.length - 1;
  if (element.startsWith('... on ')) {
    if (!matches(element.slice(7), value['__typename'])) return;
    if (!last) rewriteAt(value, rewrite, index + 1, matches);
    return;
  }
  if (!last) {
    rewriteAt(value[element], rewrite, index + 1, matches);
    return;
  }
  if (rewrite.kind === 'ValueSetter') {
    value[element] = rewrite.setValueTo;
  } else if (element in value) {
    value[rewrite.renameKeyTo] = value[element];
    delete value[element];
  }
}
