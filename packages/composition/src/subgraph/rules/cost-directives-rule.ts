import { Kind, print, type ConstValueNode } from 'graphql';
import { directivesNamed, namedType, type FieldState, type TypeState } from '../state.js';
import type { SubgraphValidationContext } from '../validation-context.js';

const stringList = (value: ConstValueNode | undefined): string[] =>
  value?.kind === Kind.LIST
    ? value.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : []))
    : [];

const isList = (field: FieldState): boolean =>
  (field.type.kind === Kind.NON_NULL_TYPE ? field.type.type : field.type).kind === Kind.LIST_TYPE;

/**
 * The demand-control directives must make sense where they are applied: no `@cost` on interface
 * fields; `@listSize` on a list (or with `sizedFields` naming list fields of the returned type),
 * with a non-negative `assumedSize` and `slicingArguments` naming Int arguments of the field.
 * Raises: COST_APPLIED_TO_INTERFACE_FIELD, LIST_SIZE_APPLIED_TO_NON_LIST,
 * LIST_SIZE_INVALID_ASSUMED_SIZE, LIST_SIZE_INVALID_SLICING_ARGUMENT, LIST_SIZE_INVALID_SIZED_FIELD.
 */
export function CostDirectivesRule({ subgraph, report }: SubgraphValidationContext): void {
  for (const type of subgraph.types.values()) {
    for (const field of type.fields.values()) {
      const coordinate = `${type.name}.${field.name}`;
      if (type.kind === 'interface') {
        for (const d of directivesNamed(field, 'cost')) {
          report(
            'COST_APPLIED_TO_INTERFACE_FIELD',
            `@cost cannot be applied to interface "${coordinate}"`,
            [d.node],
          );
        }
      }
      for (const d of directivesNamed(field, 'listSize')) {
        const sizedFields = stringList(d.args.get('sizedFields'));
        if (!isList(field) && sizedFields.length === 0) {
          report('LIST_SIZE_APPLIED_TO_NON_LIST', `"${coordinate}" is not a list`, [d.node]);
        }
        const assumed = d.args.get('assumedSize');
        if (assumed?.kind === Kind.INT && Number(assumed.value) < 0) {
          report(
            'LIST_SIZE_INVALID_ASSUMED_SIZE',
            `Assumed size of "${coordinate}" cannot be negative`,
            [d.node],
          );
        }
        for (const argName of stringList(d.args.get('slicingArguments'))) {
          const arg = field.args.get(argName);
          if (!arg) {
            report(
              'LIST_SIZE_INVALID_SLICING_ARGUMENT',
              `Slicing argument "${argName}" is not an argument of "${coordinate}"`,
              [d.node],
            );
          } else if (print(arg.type) !== 'Int' && print(arg.type) !== 'Int!') {
            report(
              'LIST_SIZE_INVALID_SLICING_ARGUMENT',
              `Slicing argument "${coordinate}(${argName}:)" must be Int or Int!`,
              [d.node],
            );
          }
        }
        checkSizedFields(subgraph.types.get(namedType(field.type)), sizedFields, report, d.node);
      }
    }
  }
}

function checkSizedFields(
  target: TypeState | undefined,
  sizedFields: readonly string[],
  report: SubgraphValidationContext['report'],
  node: Parameters<SubgraphValidationContext['report']>[2][number],
): void {
  if (!target) return;
  for (const name of sizedFields) {
    const sized = target.fields.get(name);
    if (!sized) {
      report(
        'LIST_SIZE_INVALID_SIZED_FIELD',
        `Sized field "${name}" is not a field on type "${target.name}"`,
        [node],
      );
    } else if (!isList(sized)) {
      report(
        'LIST_SIZE_APPLIED_TO_NON_LIST',
        `Sized field "${target.name}.${name}" is not a list`,
        [node],
      );
    }
  }
}
