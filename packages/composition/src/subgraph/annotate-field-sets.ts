import { fromContextValue, parseContextFieldValue } from './context-field.js';
import { parseFieldSet, walkFieldSet } from './field-set.js';
import { namedType, stringArgument, type SubgraphState } from './state.js';

/**
 * Marks the fields each `@key`, `@requires`, `@provides` and `@fromContext` of a subgraph selects: key fields
 * (which are shareable by definition), fields used by a FieldSet (so `@external` on them is not
 * unused) and provided fields. FieldSets that do not parse or resolve are left to the rules.
 */
export function annotateFieldSets(subgraph: SubgraphState): void {
  for (const type of subgraph.types.values()) {
    for (const key of type.keys) {
      const set = parseFieldSet(key.fields);
      if (typeof set === 'string') continue;
      walkFieldSet(subgraph, type.name, set, ({ field }) => {
        if (!field) return;
        field.isKeyField = true;
        field.usedInFieldSet = true;
        field.shareable = true;
      });
    }
    for (const field of type.fields.values()) {
      for (const d of field.directives) {
        if (d.name !== 'requires' && d.name !== 'provides') continue;
        const fields = stringArgument(d, 'fields');
        if (fields === undefined) continue;
        const set = parseFieldSet(fields);
        if (typeof set === 'string') continue;
        const from = d.name === 'requires' ? type.name : namedType(field.type);
        const provides = d.name === 'provides';
        walkFieldSet(subgraph, from, set, ({ field: selected }) => {
          if (!selected) return;
          selected.usedInFieldSet = true;
          if (provides) selected.provided = true;
        });
      }
    }
  }
  // Fields a `@fromContext` selection reads from the types setting the context are used too.
  const setters = new Map<string, string[]>();
  for (const type of subgraph.types.values()) {
    for (const d of type.directives) {
      const name = d.name === 'context' ? stringArgument(d, 'name') : undefined;
      if (name !== undefined) setters.set(name, [...(setters.get(name) ?? []), type.name]);
    }
  }
  for (const type of subgraph.types.values()) {
    for (const field of type.fields.values()) {
      for (const arg of field.args.values()) {
        const parsed = parseContextFieldValue(fromContextValue(arg) ?? '');
        if (!parsed) continue;
        const set = parseFieldSet(parsed.selection.trim().replace(/^\{([\s\S]*)\}$/, '$1'));
        if (typeof set === 'string') continue;
        for (const setter of setters.get(parsed.context) ?? []) {
          walkFieldSet(subgraph, setter, set, ({ field: selected }) => {
            if (selected) selected.usedInFieldSet = true;
          });
        }
      }
    }
  }
  // An external field an interface of its type needs counts as used.
  for (const type of subgraph.types.values()) {
    for (const iface of type.interfaces) {
      const interfaceType = subgraph.types.get(iface);
      if (!interfaceType) continue;
      for (const f of interfaceType.fields.keys()) {
        const field = type.fields.get(f);
        if (field?.external) field.usedInFieldSet = true;
      }
    }
  }
}
