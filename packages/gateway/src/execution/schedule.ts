/**
 * Turns a query plan into waves of subgraph requests: one request per subgraph per plan level.
 *
 * The plan's `Sequence`/`Parallel` tree says which fetch must finish before which; nothing else
 * orders them. The scheduler keeps exactly that order and no more: every fetch gets a level (0
 * for fetches that wait on nothing, else one more than the highest level it waits on), and all
 * fetches of a level run together once the previous level has finished. The entity fetches of
 * one level that go to the same subgraph become one request (see `runBatch` in execute-plan.ts),
 * so a plan that Apollo's executor sends as 16 requests (the gateway benchmark's deep query) goes
 * out as one request per subgraph per level.
 *
 * A fetch with slack (nothing waits on it, or what waits on it is several levels later) that is
 * alone in its (subgraph, level) is moved to a later level that already has a request to its
 * subgraph, as long as it stays before everything that waits on it and within the plan's depth:
 * one request fewer, and no extra wave.
 *
 * The price is that a level waits for its slowest request before the next starts, where a
 * per-branch executor would let a fast branch run ahead; in exchange the subgraphs see far fewer
 * requests (and the gateway does far less per-request work).
 *
 * @module
 */
import type { FetchNode, PlanNode, ResponsePath } from '@orrery/query-planner';
import type { PreparedFetch, PreparedPlan } from './prepare-plan.js';

/** A fetch as scheduled: where its objects are (`Flatten` paths joined from the root). */
export interface ScheduledFetch {
  readonly node: FetchNode;
  readonly prepared: PreparedFetch;
  readonly path: ResponsePath;
}

/**
 * One subgraph request: a root fetch alone, or entity fetches to the same subgraph that share
 * the request.
 */
export interface Batch {
  readonly serviceName: string;
  readonly fetches: readonly ScheduledFetch[];
}

/** Batches that run concurrently; a wave starts when the previous one has finished. */
export type Wave = readonly Batch[];

export interface Schedule {
  readonly waves: readonly Wave[];
}

/** The most condition combinations whose schedule is kept per plan (they are cheap to rebuild). */
const MAX_CACHED_SCHEDULES = 32;

/** The schedule of `prepared` for the values its `Condition` nodes read, cached per combination. */
export function scheduleFor(
  prepared: PreparedPlan,
  variables: Readonly<Record<string, unknown>>,
): Schedule {
  let key = '';
  for (const name of prepared.conditions) key += variables[name] === true ? '1' : '0';
  let schedule = prepared.schedules.get(key);
  if (!schedule) {
    schedule = buildSchedule(prepared, variables);
    if (prepared.schedules.size < MAX_CACHED_SCHEDULES) prepared.schedules.set(key, schedule);
  }
  return schedule;
}

interface Item {
  readonly fetch: ScheduledFetch;
  /** Items (by index) that must finish before this one starts. */
  readonly after: readonly number[];
  /** Items that wait on this one (filled once every item is known). */
  readonly before: number[];
  level: number;
}

function buildSchedule(prepared: PreparedPlan, variables: Readonly<Record<string, unknown>>) {
  const items: Item[] = [];
  const emptyPath: ResponsePath = [];

  // Returns the items `node` holds; `after` is what they all wait on. Items are created in an
  // order where what a fetch waits on always comes first.
  const walk = (node: PlanNode, after: readonly number[], path: ResponsePath): number[] => {
    switch (node.kind) {
      case 'Sequence': {
        let waitOn = after;
        const all: number[] = [];
        for (const child of node.nodes) {
          const held = walk(child, waitOn, path);
          if (held.length > 0) {
            waitOn = held;
            all.push(...held);
          }
        }
        return all;
      }
      case 'Parallel': {
        const all: number[] = [];
        for (const child of node.nodes) all.push(...walk(child, after, path));
        return all;
      }
      case 'Flatten':
        return walk(node.node, after, path.length === 0 ? node.path : [...path, ...node.path]);
      case 'Condition': {
        const branch = variables[node.condition] === true ? node.ifClause : node.elseClause;
        return branch ? walk(branch, after, path) : [];
      }
      case 'Fetch': {
        const fetch = prepared.fetches.get(node);
        if (!fetch) throw new Error('fetch node not prepared');
        let level = 0;
        for (const index of after) level = Math.max(level, items[index]!.level + 1);
        items.push({ fetch: { node, prepared: fetch, path }, after, before: [], level });
        return [items.length - 1];
      }
      case 'Defer':
        // preparePlan refuses plans with Defer before execution starts.
        return [];
    }
  };
  const root = prepared.plan.node;
  if (root && root.kind !== 'Subscription') walk(root, [], emptyPath);

  for (let i = 0; i < items.length; i++) {
    for (const index of items[i]!.after) items[index]!.before.push(i);
  }
  let depth = 0;
  for (const item of items) depth = Math.max(depth, item.level);
  mergeLevels(items, depth);

  const waves: Batch[][] = Array.from({ length: items.length === 0 ? 0 : depth + 1 }, () => []);
  for (const item of items) {
    const wave = waves[item.level]!;
    const { fetch } = item;
    const shared =
      fetch.prepared.operationIndex >= 0
        ? wave.find(
            (batch) =>
              batch.serviceName === fetch.node.serviceName &&
              batch.fetches[0]!.prepared.operationIndex >= 0,
          )
        : undefined;
    if (shared) (shared.fetches as ScheduledFetch[]).push(fetch);
    else wave.push({ serviceName: fetch.node.serviceName, fetches: [fetch] });
  }
  return { waves: waves.filter((wave) => wave.length > 0) };
}

/**
 * Moves entity fetches that are alone in their (subgraph, level) to a later level that already
 * sends to that subgraph, when everything waiting on them stays later. Last items first, so that
 * a moved fetch gives what it waits on more room.
 */
function mergeLevels(items: Item[], depth: number): void {
  const mergeable = (item: Item): boolean => item.fetch.prepared.operationIndex >= 0;
  const sharesLevel = (item: Item, level: number, except?: Item): boolean =>
    items.some(
      (other) =>
        other !== except &&
        other.level === level &&
        mergeable(other) &&
        other.fetch.node.serviceName === item.fetch.node.serviceName,
    );
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (!mergeable(item) || sharesLevel(item, item.level, item)) continue;
    let latest = depth;
    for (const index of item.before) latest = Math.min(latest, items[index]!.level - 1);
    for (let level = item.level + 1; level <= latest; level++) {
      if (sharesLevel(item, level)) {
        item.level = level;
        break;
      }
    }
  }
}
