import { Kind, print, type TypeNode } from 'graphql';
import { fromContextValue, parseContextFieldValue } from '../context-field.js';
import { parseFieldSet, walkFieldSet } from '../field-set.js';
import { stringArgument } from '../state.js';
import type { SubgraphValidationContext } from '../validation-context.js';

/**
 * `@context` names must be valid, and every `@fromContext` argument must reference a context set
 * in this subgraph (by `$name`), with a selection valid on each type setting it; a type with a
 * contextual argument needs a resolvable key (the router fetches it as an entity).
 * Raises: CONTEXT_NAME_INVALID, NO_CONTEXT_IN_SELECTION, CONTEXT_NOT_SET,
 * CONTEXT_INVALID_SELECTION, CONTEXT_NO_RESOLVABLE_KEY.
 */
export function ContextRule({ subgraph, report }: SubgraphValidationContext): void {
  // Context name to the types setting it.
  const setters = new Map<string, string[]>();
  for (const type of subgraph.types.values()) {
    for (const d of type.directives) {
      if (d.name !== 'context') continue;
      const name = stringArgument(d, 'name') ?? '';
      if (name.includes('_')) {
        report('CONTEXT_NAME_INVALID', `Context name "${name}" may not contain an underscore.`, [
          d.node,
        ]);
        continue;
      }
      const list = setters.get(name) ?? [];
      list.push(type.name);
      setters.set(name, list);
    }
  }
  for (const type of subgraph.types.values()) {
    let contextual = false;
    for (const field of type.fields.values()) {
      for (const arg of field.args.values()) {
        const value = fromContextValue(arg);
        if (value === undefined) continue;
        contextual = true;
        const node = arg.directives.find((d) => d.name === 'fromContext')?.node;
        const coordinate = `${type.name}.${field.name}(${arg.name}:)`;
        const parsed = parseContextFieldValue(value);
        if (!parsed) {
          report(
            'NO_CONTEXT_IN_SELECTION',
            `@fromContext argument does not reference a context "${value}".`,
            [node],
          );
          continue;
        }
        const types = setters.get(parsed.context);
        if (!types) {
          report(
            'CONTEXT_NOT_SET',
            `Context "${parsed.context}" is used at location "${coordinate}" but is never set.`,
            [node],
          );
          continue;
        }
        const set = parseFieldSet(parsed.selection.trim().replace(/^\{([\s\S]*)\}$/, '$1'));
        const expected = print(nullable(arg.type));
        for (const setter of types) {
          const selected: string[] = [];
          const problems =
            typeof set === 'string'
              ? [set]
              : walkFieldSet(subgraph, setter, set, (v) => {
                  if (v.isTopLevel && v.field) selected.push(print(nullable(v.field.type)));
                });
          const mismatch = selected.find((t) => t !== expected);
          if (problems.length === 0 && mismatch !== undefined) {
            report(
              'CONTEXT_INVALID_SELECTION',
              `Context "${parsed.context}" is used in "${coordinate}" but the selection is invalid: the type of the selection "${mismatch}" does not match the expected type "${expected}"`,
              [node],
            );
          }
          const first = problems[0];
          if (first === undefined) continue;
          report(
            'CONTEXT_INVALID_SELECTION',
            `Context "${parsed.context}" is used in "${coordinate}" but the selection is invalid for type ${setter}. Error: ${first.replace(/\.$/, '')}.`,
            [node],
          );
        }
      }
    }
    if (contextual && (type.kind === 'object' || type.kind === 'interface')) {
      const resolvable = type.keys.some(
        (k) => k.resolvable && k.directive.args.get('fields')?.kind === Kind.STRING,
      );
      if (!resolvable) {
        report(
          'CONTEXT_NO_RESOLVABLE_KEY',
          `Object "${type.name}" has no resolvable key but has a field with a contextual argument.`,
          [type.nodes[0]],
        );
      }
    }
  }
}

/** A type without its outer non-null: a nullable argument accepts a non-null selection. */
function nullable(type: TypeNode): TypeNode {
  return type.kind === Kind.NON_NULL_TYPE ? type.type : type;
}
