import { Kind, print } from 'graphql';
import { directivesInSelection, parseFieldSet, walkFieldSet } from '../field-set.js';
import { namedType } from '../state.js';
import type { SubgraphValidationContext } from '../validation-context.js';

/**
 * Every `@key(fields:)` must parse and select existing fields of its type, without arguments,
 * directives, or interface/union fields; `@key` on interfaces needs federation 2.3.
 * Raises: KEY_INVALID_FIELDS, KEY_FIELDS_HAS_ARGS, KEY_FIELDS_SELECT_INVALID_TYPE,
 * KEY_DIRECTIVE_IN_FIELDS_ARG, KEY_UNSUPPORTED_ON_INTERFACE, KEY_INVALID_FIELDS_TYPE.
 */
export function KeyFieldsRule({ subgraph, report }: SubgraphValidationContext): void {
  for (const type of subgraph.types.values()) {
    for (const key of type.keys) {
      const node = key.directive.node;
      const where = `On type "${type.name}", for ${print(node)}`;
      if (type.kind === 'interface' && !subgraph.isFed1 && subgraph.minor < 3) {
        report(
          'KEY_UNSUPPORTED_ON_INTERFACE',
          `Cannot use @key on interface "${type.name}": @key is not yet supported on interfaces`,
          [node],
        );
        continue;
      }
      if (key.directive.args.get('fields')?.kind !== Kind.STRING) {
        report(
          'KEY_INVALID_FIELDS_TYPE',
          `${where}: Invalid value for argument "fields": must be a string.`,
          [node],
        );
        continue;
      }
      const set = parseFieldSet(key.fields);
      if (typeof set === 'string') {
        report('KEY_INVALID_FIELDS', `${where}: ${set}`, [node]);
        continue;
      }
      const applied = directivesInSelection(set);
      if (applied.length > 0) {
        report(
          'KEY_DIRECTIVE_IN_FIELDS_ARG',
          `${where}: cannot have directive applications in the @key(fields:) argument but found ${applied.join(', ')}.`,
          [node],
        );
        continue;
      }
      const problems = walkFieldSet(
        subgraph,
        type.name,
        set,
        ({ field, node: sel, parentType }) => {
          if (!field) return;
          const coordinate = `${parentType}.${field.name}`;
          if (field.args.size > 0 || (sel.arguments?.length ?? 0) > 0) {
            report(
              'KEY_FIELDS_HAS_ARGS',
              `${where}: field ${coordinate} cannot be included because it has arguments (fields with argument are not allowed in @key)`,
              [node, field.node],
            );
          }
          // Lists are accepted (as Apollo does); abstract types cannot identify an entity.
          const kind = subgraph.types.get(namedType(field.type))?.kind;
          if (kind === 'interface' || kind === 'union') {
            report(
              'KEY_FIELDS_SELECT_INVALID_TYPE',
              `${where}: field "${coordinate}" is a${kind === 'interface' ? 'n Interface' : ' Union'} type which is not allowed in @key`,
              [node],
            );
          }
        },
      );
      for (const problem of problems) {
        report(
          'KEY_INVALID_FIELDS',
          `${where}: ${problem} (the field should either be added to this subgraph or, if it should not be resolved by this subgraph, you need to add it to this subgraph with @external).`,
          [node],
        );
      }
    }
  }
}
