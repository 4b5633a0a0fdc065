import { getNamedType } from 'graphql';
import type { InaccessibleContext } from '../inaccessible-context.js';
import { visibleFields, visibleInputs } from './visible-elements.js';

/**
 * Nothing visible may point at a hidden type: raises `REFERENCED_INACCESSIBLE` for a visible
 * field returning, or a visible argument or input field taking, an `@inaccessible` type. Union
 * members and implemented interfaces are not references in this sense: they are just dropped.
 */
export function ReferencedInaccessibleRule(context: InaccessibleContext): void {
  for (const { parent, field } of visibleFields(context)) {
    const type = getNamedType(field.type);
    if (context.isHiddenType(type)) {
      context.report(
        'REFERENCED_INACCESSIBLE',
        `Type "${type.name}" is @inaccessible, but the field "${parent.name}.${field.name}", which is in the API schema, returns it.`,
        field.astNode,
      );
    }
  }
  for (const { element, coordinate, kind } of visibleInputs(context)) {
    const type = getNamedType(element.type);
    if (context.isHiddenType(type)) {
      context.report(
        'REFERENCED_INACCESSIBLE',
        `Type "${type.name}" is @inaccessible, but the ${kind} "${coordinate}", which is in the API schema, has it as its type.`,
        element.astNode,
      );
    }
  }
}
