import type { DataRewrite } from '../query-plan.js';
import { argumentsKey, type FieldEntry, type SelectionBuilder } from './selection-builder.js';

/**
 * Field-merging conflicts inside one subgraph operation. Selections merged into one fetch can
 * break GraphQL's "fields in set can merge" rule even though the client operation was valid: a
 * shareable field typed `String!` in one object type of the subgraph and `String` in another, or a
 * client alias that reuses the response name of another field. Apollo's planner sends the later
 * selection under `<name>__alias_<n>` and renames the key back (`KeyRenamer` in `outputRewrites`)
 * before the result is merged; so do we, counting `n` per fetch.
 *
 * One conflict has no faithful answer: a client alias reusing the response name of a key or
 * required field the planner adds (`{ t { id: name } }` with key `id`). The merged result has one
 * `id` per object, and the next fetch's representation needs the real one; like Apollo, the
 * client's selection is left out of that fetch (mapped to `null`).
 */
export interface AliasResolution {
  readonly aliases: ReadonlyMap<FieldEntry, string | null>;
  readonly rewrites: readonly DataRewrite[];
}

interface Seen {
  readonly entry: FieldEntry;
  readonly parent: string;
}

/**
 * Finds the conflicting fields of a fetch's selection. `rootType` is the type of the selection
 * (the root type, or `_Entity` for entity fetches); `isObject` tells object types from abstract
 * ones (fields on two different object types only need the same response shape).
 */
export function resolveAliasConflicts(
  root: SelectionBuilder,
  rootType: string,
  isObject: (type: string) => boolean,
): AliasResolution | undefined {
  let aliases: Map<FieldEntry, string | null> | undefined;
  const rewrites: DataRewrite[] = [];
  let counter = 0;

  const conflicts = (a: Seen, b: Seen): boolean => {
    if (a.entry.type !== undefined && b.entry.type !== undefined && a.entry.type !== b.entry.type) {
      return true;
    }
    if (
      a.entry.name === b.entry.name &&
      argumentsKey(a.entry.arguments) === argumentsKey(b.entry.arguments)
    ) {
      return false;
    }
    // Different fields (or arguments) under one response name: only allowed when the parents are
    // two different object types, which can never both apply to one value.
    return a.parent === b.parent || !isObject(a.parent) || !isObject(b.parent);
  };

  const visit = (builder: SelectionBuilder, parent: string, path: readonly string[]): void => {
    const seen = new Map<string, Seen[]>();
    const collect = (set: SelectionBuilder, type: string, at: readonly string[]): void => {
      for (const entry of set.list()) {
        if (entry.kind === 'Fragment') {
          const tc = entry.typeCondition;
          collect(entry.selections, tc ?? type, tc === undefined ? at : [...at, `... on ${tc}`]);
          continue;
        }
        const responseName = entry.alias ?? entry.name;
        const here: Seen = { entry, parent: type };
        const list = seen.get(responseName);
        let name = responseName;
        const clash = list?.find((other) => conflicts(other, here));
        if (clash?.entry.plannerAdded && !entry.plannerAdded) {
          (aliases ??= new Map()).set(entry, null);
          continue;
        }
        if (clash) {
          name = `${responseName}__alias_${counter++}`;
          (aliases ??= new Map()).set(entry, name);
          rewrites.push({ kind: 'KeyRenamer', path: [...at, name], renameKeyTo: responseName });
        } else if (list) {
          list.push(here);
        } else {
          seen.set(responseName, [here]);
        }
        if (entry.selections) visit(entry.selections, namedType(entry.type), [...at, name]);
      }
    };
    collect(builder, parent, path);
  };

  visit(root, rootType, []);
  return aliases ? { aliases, rewrites } : undefined;
}

/** `[Foo!]!` → `Foo`; unknown types give `''` (treated as abstract: the stricter rule). */
function namedType(printed: string | undefined): string {
  return printed === undefined ? '' : printed.replace(/[[\]!]/g, '');
}
