import { Kind, print } from 'graphql';
import { directivesInSelection, parseFieldSet, walkFieldSet } from '../field-set.js';
import { directivesNamed, namedType, stringArgument, type SubgraphState } from '../state.js';
import type { SubgraphValidationContext } from '../validation-context.js';

/**
 * Every `@requires(fields:)` must parse, select existing fields of the parent type, and every
 * leaf it selects must be `@external` in this subgraph; not allowed on interface fields.
 * Raises: REQUIRES_INVALID_FIELDS, REQUIRES_FIELDS_MISSING_EXTERNAL,
 * REQUIRES_DIRECTIVE_IN_FIELDS_ARG, REQUIRES_UNSUPPORTED_ON_INTERFACE,
 * REQUIRES_INVALID_FIELDS_TYPE.
 */
export function RequiresFieldsRule({ subgraph, report }: SubgraphValidationContext): void {
  for (const type of subgraph.types.values()) {
    for (const field of type.fields.values()) {
      for (const d of directivesNamed(field, 'requires')) {
        const coordinate = `${type.name}.${field.name}`;
        const where = `On field "${coordinate}", for ${print(d.node)}`;
        if (type.kind === 'interface') {
          report(
            'REQUIRES_UNSUPPORTED_ON_INTERFACE',
            `Cannot use @requires on field "${coordinate}" of parent type "${type.name}": @requires is not yet supported within interfaces`,
            [d.node],
          );
          continue;
        }
        if (d.args.get('fields')?.kind !== Kind.STRING) {
          report(
            'REQUIRES_INVALID_FIELDS_TYPE',
            `${where}: Invalid value for argument "fields": must be a string.`,
            [d.node],
          );
          continue;
        }
        const set = parseFieldSet(stringArgument(d, 'fields') ?? '');
        if (typeof set === 'string') {
          report('REQUIRES_INVALID_FIELDS', `${where}: ${set}`, [d.node]);
          continue;
        }
        const applied = directivesInSelection(set);
        if (applied.length > 0) {
          report(
            'REQUIRES_DIRECTIVE_IN_FIELDS_ARG',
            `${where}: cannot have directive applications in the @requires(fields:) argument but found ${applied.join(', ')}.`,
            [d.node],
          );
          continue;
        }
        let missingArgument: string | undefined;
        const problems = walkFieldSet(subgraph, type.name, set, (v) => {
          // Unlike keys, @requires may pass arguments, but every required one must be given.
          if (v.field && missingArgument === undefined) {
            const given = new Set((v.node.arguments ?? []).map((a) => a.name.value));
            for (const arg of v.field.args.values()) {
              if (arg.type.kind !== Kind.NON_NULL_TYPE || arg.defaultValue || given.has(arg.name)) {
                continue;
              }
              const { selectionSet: _sub, ...selection } = v.node;
              missingArgument = `${where}: Missing mandatory value for argument "${arg.name}" of field "${v.parentType}.${v.field.name}" in selection "${print(selection)}"`;
              break;
            }
          }
          if (!v.field || !v.isLeaf || v.field.external) return;
          // Fields nested under an external field are external by inheritance (also through
          // an inline fragment on one of the field type's runtime types).
          if (v.underExternal || (!v.isTopLevel && isUnderExternal(subgraph, v.parentType))) {
            return;
          }
          report(
            'REQUIRES_FIELDS_MISSING_EXTERNAL',
            `${where}: field "${v.parentType}.${v.field.name}" should not be part of a @requires since it is already provided by this subgraph (it is not marked @external)`,
            [d.node],
          );
        });
        if (missingArgument !== undefined) {
          report('REQUIRES_INVALID_FIELDS', missingArgument, [d.node]);
          continue;
        }
        for (const problem of problems) {
          report(
            'REQUIRES_INVALID_FIELDS',
            `${where}: ${problem} (if the field is defined in another subgraph, you need to add it to this subgraph with @external).`,
            [d.node],
          );
        }
      }
    }
  }
}

/** Whether some external field of the subgraph returns `typeName` (its sub-fields then need no @external). */
function isUnderExternal(subgraph: SubgraphState, typeName: string): boolean {
  for (const t of subgraph.types.values()) {
    for (const f of t.fields.values()) {
      if (f.external && namedType(f.type) === typeName) return true;
    }
  }
  return false;
}
