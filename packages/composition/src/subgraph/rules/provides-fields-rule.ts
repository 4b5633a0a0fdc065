import { Kind, print } from 'graphql';
import { directivesInSelection, parseFieldSet, walkFieldSet } from '../field-set.js';
import { directivesNamed, namedType, stringArgument } from '../state.js';
import type { SubgraphValidationContext } from '../validation-context.js';

/**
 * Every `@provides(fields:)` must be on a field returning an object/interface/union type, parse,
 * select existing fields of that type without arguments, and every provided leaf must be
 * `@external` in this subgraph; not allowed on interface fields.
 * Raises: PROVIDES_ON_NON_OBJECT_FIELD, PROVIDES_INVALID_FIELDS, PROVIDES_FIELDS_MISSING_EXTERNAL,
 * PROVIDES_FIELDS_HAS_ARGS, PROVIDES_DIRECTIVE_IN_FIELDS_ARG, PROVIDES_UNSUPPORTED_ON_INTERFACE,
 * PROVIDES_INVALID_FIELDS_TYPE.
 */
export function ProvidesFieldsRule({ subgraph, report }: SubgraphValidationContext): void {
  for (const type of subgraph.types.values()) {
    for (const field of type.fields.values()) {
      for (const d of directivesNamed(field, 'provides')) {
        const coordinate = `${type.name}.${field.name}`;
        const where = `On field "${coordinate}", for ${print(d.node)}`;
        if (type.kind === 'interface') {
          report(
            'PROVIDES_UNSUPPORTED_ON_INTERFACE',
            `Cannot use @provides on field "${coordinate}" of parent type "${type.name}": @provides is not yet supported within interfaces`,
            [d.node],
          );
          continue;
        }
        const target = subgraph.types.get(namedType(field.type));
        if (
          !target ||
          (target.kind !== 'object' && target.kind !== 'interface' && target.kind !== 'union')
        ) {
          report(
            'PROVIDES_ON_NON_OBJECT_FIELD',
            `Invalid @provides directive on field "${coordinate}": field has type "${print(field.type)}" which is not a Composite Type`,
            [d.node],
          );
          continue;
        }
        if (d.args.get('fields')?.kind !== Kind.STRING) {
          report(
            'PROVIDES_INVALID_FIELDS_TYPE',
            `${where}: Invalid value for argument "fields": must be a string.`,
            [d.node],
          );
          continue;
        }
        const set = parseFieldSet(stringArgument(d, 'fields') ?? '');
        if (typeof set === 'string') {
          report('PROVIDES_INVALID_FIELDS', `${where}: ${set}`, [d.node]);
          continue;
        }
        const applied = directivesInSelection(set);
        if (applied.length > 0) {
          report(
            'PROVIDES_DIRECTIVE_IN_FIELDS_ARG',
            `${where}: cannot have directive applications in the @provides(fields:) argument but found ${applied.join(', ')}.`,
            [d.node],
          );
          continue;
        }
        const problems = walkFieldSet(subgraph, target.name, set, (v) => {
          if (!v.field) return;
          if (v.field.args.size > 0) {
            report(
              'PROVIDES_FIELDS_HAS_ARGS',
              `${where}: field ${v.parentType}.${v.field.name} cannot be included because it has arguments (fields with argument are not allowed in @provides)`,
              [d.node],
            );
          }
          if (!v.isLeaf || v.field.external || !v.isTopLevel) return;
          report(
            'PROVIDES_FIELDS_MISSING_EXTERNAL',
            `${where}: field "${v.parentType}.${v.field.name}" should not be part of a @provides since it is already provided by this subgraph (it is not marked @external)`,
            [d.node],
          );
        });
        for (const problem of problems) {
          report(
            'PROVIDES_INVALID_FIELDS',
            `${where}: ${problem} (if the field is defined in another subgraph, you need to add it to this subgraph with @external).`,
            [d.node],
          );
        }
      }
    }
  }
}
