import {
  isInputObjectType,
  isRequiredArgument,
  isRequiredInputField,
  type GraphQLArgument,
} from 'graphql';
import type { InaccessibleContext } from '../inaccessible-context.js';
import { userDirectives, visibleFields } from './visible-elements.js';

/**
 * A client must be able to supply every required input: raises `REQUIRED_INACCESSIBLE` for an
 * `@inaccessible` argument or input field that is non-null without a default, when its field,
 * directive or input type stays in the API schema.
 */
export function RequiredInaccessibleRule(context: InaccessibleContext): void {
  const checkArgument = (arg: GraphQLArgument, coordinate: string, of: string) => {
    if (isRequiredArgument(arg) && context.isInaccessible(arg)) {
      context.report(
        'REQUIRED_INACCESSIBLE',
        `Argument "${coordinate}" is required, so it cannot be @inaccessible while its ${of} is in the API schema.`,
        arg.astNode,
      );
    }
  };
  for (const { parent, field } of visibleFields(context)) {
    for (const arg of field.args) {
      checkArgument(arg, `${parent.name}.${field.name}(${arg.name}:)`, 'field');
    }
  }
  for (const directive of userDirectives(context)) {
    for (const arg of directive.args) {
      checkArgument(arg, `@${directive.name}(${arg.name}:)`, 'directive');
    }
  }
  for (const type of context.userTypes()) {
    if (!isInputObjectType(type) || context.isHiddenType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (isRequiredInputField(field) && context.isInaccessible(field)) {
        context.report(
          'REQUIRED_INACCESSIBLE',
          `Input field "${type.name}.${field.name}" is required, so it cannot be @inaccessible while its type is in the API schema.`,
          field.astNode,
        );
      }
    }
  }
}
