import type { DataRewrite, PlanSelection } from '../query-plan.js';
import type { AliasResolution } from './aliases.js';
import type { FetchGroup } from './fetch-group.js';
import type { SelectionBuilder } from './selection-builder.js';

/**
 * Planner-added fields (keys, required fields) that a fetch sends under an alias because the
 * client took their response name (`{ users { id: name } }` with key `id`; see `aliases.ts`).
 * The merged result keeps them under the alias, so the fetches whose representations read them
 * select the alias in `requires` and rename it back with a `KeyRenamer` input rewrite.
 *
 * Only done when it is safe: no other fetch writes that response name on those objects (it would
 * overwrite the client's value), and no `@fromContext` rewrite reads the plan's data by path.
 */

/** Response path from the operation root, without list markers or type conditions. */
function fieldsOf(path: readonly string[]): string[] {
  return path.filter((p) => p !== '@' && !p.startsWith('... on '));
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i]);
}

/** Whether `builder` selects `responseName` on the objects `path` (field names) leads to. */
function selectsAt(
  builder: SelectionBuilder,
  path: readonly string[],
  responseName: string,
): boolean {
  for (const entry of builder.list()) {
    if (entry.kind === 'Fragment') {
      if (selectsAt(entry.selections, path, responseName)) return true;
      continue;
    }
    const name = entry.alias ?? entry.name;
    if (path.length === 0) {
      if (name === responseName) return true;
    } else if (name === path[0] && entry.selections) {
      if (selectsAt(entry.selections, path.slice(1), responseName)) return true;
    }
  }
  return false;
}

/** The `canHide` test of `resolveAliasConflicts` for `group`'s fetch. */
export function hidingTest(
  group: FetchGroup,
  groups: readonly FetchGroup[],
): (path: readonly string[], name: string) => boolean {
  return (path, name) => {
    if (groups.some((g) => g.contextRewrites.length > 0)) return false;
    const target = [...fieldsOf(group.path), ...fieldsOf(path)];
    let read = false;
    for (const other of groups) {
      if (other === group) continue;
      const at = fieldsOf(other.path);
      if (at.length > target.length || !samePath(at, target.slice(0, at.length))) continue;
      if (selectsAt(other.selection, target.slice(at.length), name)) return false;
      if (at.length === target.length && other.isEntity) read = true;
    }
    // Nobody reads it by that name: nothing to hide it from.
    return read;
  };
}

/** What each entity fetch must read under an alias: group → (field name → alias). */
export function hiddenReads(
  resolutions: ReadonlyMap<FetchGroup, AliasResolution | undefined>,
  groups: readonly FetchGroup[],
): Map<FetchGroup, Map<string, string>> {
  const out = new Map<FetchGroup, Map<string, string>>();
  for (const [group, resolution] of resolutions) {
    for (const hidden of resolution?.hidden ?? []) {
      const target = [...fieldsOf(group.path), ...fieldsOf(hidden.path)];
      for (const other of groups) {
        if (!other.isEntity || other === group || !samePath(fieldsOf(other.path), target)) continue;
        let reads = out.get(other);
        if (!reads) out.set(other, (reads = new Map()));
        reads.set(hidden.name, hidden.alias);
      }
    }
  }
  return out;
}

/**
 * `requires` with the hidden fields read under their aliases, and the input rewrites renaming
 * them back (before the other input rewrites, which may change `__typename`).
 */
export function readHidden(
  requires: PlanSelection[],
  reads: ReadonlyMap<string, string> | undefined,
): { requires: PlanSelection[]; rewrites: DataRewrite[] } {
  if (!reads) return { requires, rewrites: [] };
  const rewrites: DataRewrite[] = [];
  const rename = (selections: readonly PlanSelection[], at: readonly string[]): PlanSelection[] =>
    selections.map((s) => {
      if (s.kind === 'InlineFragment') {
        const step = s.typeCondition === undefined ? at : [...at, `... on ${s.typeCondition}`];
        return { ...s, selections: rename(s.selections, step) };
      }
      const alias = s.alias === undefined ? reads.get(s.name) : undefined;
      if (alias === undefined) return s;
      rewrites.push({ kind: 'KeyRenamer', path: [...at, alias], renameKeyTo: s.name });
      return { ...s, alias };
    });
  return { requires: rename(requires, []), rewrites };
}
