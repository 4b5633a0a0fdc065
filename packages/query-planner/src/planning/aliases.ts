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
 * A client alias reusing the response name of a key or required field the planner adds
 * (`{ t { id: name } }` with key `id`) cannot be renamed back after the fetch: the merged object
 * has one `id`, and the next fetch's representation needs the real one. Apollo's planner leaves
 * the client's field out (the client then gets the key where the name belongs). We alias the
 * planner's field instead (`id__alias_0: id`, kept under that name in the merged result) and the
 * fetches reading it take it from there (`hidden`, applied by the assembler). When `canHide`
 * refuses (someone else reads the field), the client's selection is left out, as Apollo does.
 */
export interface AliasResolution {
  readonly aliases: ReadonlyMap<FieldEntry, string | null>;
  readonly rewrites: readonly DataRewrite[];
  readonly hidden: readonly HiddenField[];
}

/** A planner-added field sent under another response name in its fetch. */
export interface HiddenField {
  /** Response names (and `... on T`) from the fetch's selection down to the field's object. */
  readonly path: readonly string[];
  readonly name: string;
  readonly alias: string;
}

interface Seen {
  readonly entry: FieldEntry;
  readonly parent: string;
  /** Where the field's object is, relative to the fetch's selection. */
  readonly at: readonly string[];
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
  canHide: (path: readonly string[], name: string) => boolean = () => false,
): AliasResolution | undefined {
  let aliases: Map<FieldEntry, string | null> | undefined;
  const rewrites: DataRewrite[] = [];
  const hidden: HiddenField[] = [];
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
        const here: Seen = { entry, parent: type, at };
        const list = seen.get(responseName);
        let name = responseName;
        const clash = list?.find((other) => conflicts(other, here));
        if (clash?.entry.plannerAdded && !entry.plannerAdded) {
          const planner = clash.entry;
          if (
            planner.name === '__typename' ||
            planner.alias !== undefined ||
            aliases?.has(planner) ||
            !canHide(clash.at, planner.name)
          ) {
            (aliases ??= new Map()).set(entry, null);
            continue;
          }
          // The planner's field moves aside; the client's takes its response name.
          const alias = `${responseName}__alias_${counter++}`;
          (aliases ??= new Map()).set(planner, alias);
          hidden.push({ path: clash.at, name: planner.name, alias });
          if (list) list.splice(list.indexOf(clash), 1, here);
        } else if (clash) {
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
  return aliases ? { aliases, rewrites, hidden } : undefined;
}

/** `[Foo!]!` → `Foo`; unknown types give `''` (treated as abstract: the stricter rule). */
function namedType(printed: string | undefined): string {
  return printed === undefined ? '' : printed.replace(/[[\]!]/g, '');
}
