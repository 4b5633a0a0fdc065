/**
 * Iteration helpers shared by the `@inaccessible` rules: the elements that stay in the API
 * schema, each with a printable coordinate (`Type.field(arg:)`) for messages.
 *
 * @module
 */
import {
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedDirective,
  type GraphQLArgument,
  type GraphQLDirective,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
} from 'graphql';
import type { InaccessibleContext } from '../inaccessible-context.js';

/** A visible argument or input field, where it sits, and how messages name it. */
export interface VisibleInput {
  readonly element: GraphQLArgument | GraphQLInputField;
  readonly coordinate: string;
  readonly kind: 'argument' | 'input field';
}

/** Visible object and interface types. */
export function visibleCompositeTypes(
  context: InaccessibleContext,
): (GraphQLObjectType | GraphQLInterfaceType)[] {
  return context
    .userTypes()
    .filter(
      (type): type is GraphQLObjectType | GraphQLInterfaceType =>
        (isObjectType(type) || isInterfaceType(type)) && !context.isHiddenType(type),
    );
}

/** Visible fields of visible object and interface types. */
export function visibleFields(
  context: InaccessibleContext,
): { parent: GraphQLObjectType | GraphQLInterfaceType; field: GraphQLField<unknown, unknown> }[] {
  return visibleCompositeTypes(context).flatMap((parent) =>
    Object.values(parent.getFields())
      .filter((field) => !context.isInaccessible(field))
      .map((field) => ({ parent, field })),
  );
}

/** Directive definitions that stay in the API schema (not built-in, not a feature's). */
export function userDirectives(context: InaccessibleContext): GraphQLDirective[] {
  const { schema, features } = context.supergraph;
  return schema
    .getDirectives()
    .filter(
      (directive) => !isSpecifiedDirective(directive) && !features.ownsDirective(directive.name),
    );
}

/**
 * Every argument and input field that stays in the API schema: arguments of visible fields and
 * of user directives, and input fields of visible input types.
 */
export function visibleInputs(context: InaccessibleContext): VisibleInput[] {
  const inputs: VisibleInput[] = [];
  for (const { parent, field } of visibleFields(context)) {
    for (const arg of field.args) {
      if (context.isInaccessible(arg)) continue;
      inputs.push({
        element: arg,
        coordinate: `${parent.name}.${field.name}(${arg.name}:)`,
        kind: 'argument',
      });
    }
  }
  for (const directive of userDirectives(context)) {
    for (const arg of directive.args) {
      if (context.isInaccessible(arg)) continue;
      inputs.push({
        element: arg,
        coordinate: `@${directive.name}(${arg.name}:)`,
        kind: 'argument',
      });
    }
  }
  for (const type of context.userTypes()) {
    if (!isInputObjectType(type) || context.isHiddenType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (context.isInaccessible(field)) continue;
      inputs.push({
        element: field,
        coordinate: `${type.name}.${field.name}`,
        kind: 'input field',
      });
    }
  }
  return inputs;
}
