import {
  Kind,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type ConstValueNode,
  type GraphQLInputType,
} from 'graphql';
import type { InaccessibleContext } from '../inaccessible-context.js';
import { visibleInputs } from './visible-elements.js';

/**
 * A default value shown in the API schema must only use visible things: raises
 * `DEFAULT_VALUE_USES_INACCESSIBLE` when the default of a visible argument or input field uses an
 * `@inaccessible` enum value or input field (at any depth of lists and input objects).
 */
export function DefaultValueUsesInaccessibleRule(context: InaccessibleContext): void {
  for (const { element, coordinate } of visibleInputs(context)) {
    const defaultValue = element.astNode?.defaultValue;
    if (defaultValue === undefined) continue;
    const visit = (value: ConstValueNode, type: GraphQLInputType): void => {
      if (isNonNullType(type)) return visit(value, type.ofType);
      if (isListType(type)) {
        // A single value given for a list type is coerced to a one-element list.
        if (value.kind === Kind.LIST) value.values.forEach((item) => visit(item, type.ofType));
        else visit(value, type.ofType);
        return;
      }
      if (isEnumType(type) && value.kind === Kind.ENUM) {
        const enumValue = type.getValue(value.value);
        if (enumValue && context.isInaccessible(enumValue)) {
          context.report(
            'DEFAULT_VALUE_USES_INACCESSIBLE',
            `Enum value "${type.name}.${enumValue.name}" is @inaccessible, but the default value of "${coordinate}", which is in the API schema, uses it.`,
            element.astNode,
          );
        }
        return;
      }
      if (isInputObjectType(type) && value.kind === Kind.OBJECT) {
        const fields = type.getFields();
        for (const fieldValue of value.fields) {
          const field = fields[fieldValue.name.value];
          if (field === undefined) continue;
          if (context.isInaccessible(field)) {
            context.report(
              'DEFAULT_VALUE_USES_INACCESSIBLE',
              `Input field "${type.name}.${field.name}" is @inaccessible, but the default value of "${coordinate}", which is in the API schema, uses it.`,
              element.astNode,
            );
          }
          visit(fieldValue.value, field.type);
        }
      }
    };
    visit(defaultValue, element.type);
  }
}
