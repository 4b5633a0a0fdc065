import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType } from 'graphql';
import type { InaccessibleContext } from '../inaccessible-context.js';

/**
 * A visible type cannot be left empty: raises `ONLY_INACCESSIBLE_CHILDREN` for a visible object,
 * interface or input type whose fields, enum whose values, or union whose members are all
 * `@inaccessible` (the root types included).
 */
export function OnlyInaccessibleChildrenRule(context: InaccessibleContext): void {
  for (const type of context.userTypes()) {
    if (context.isHiddenType(type)) continue;
    let children: { hidden: boolean }[];
    let what: string;
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      children = Object.values(type.getFields()).map((f) => ({
        hidden: context.isInaccessible(f),
      }));
      what = 'fields';
    } else if (isEnumType(type)) {
      children = type.getValues().map((v) => ({ hidden: context.isInaccessible(v) }));
      what = 'values';
    } else if (isUnionType(type)) {
      children = type.getTypes().map((t) => ({ hidden: context.isHiddenType(t) }));
      what = 'members';
    } else {
      continue;
    }
    if (children.length > 0 && children.every((c) => c.hidden)) {
      context.report(
        'ONLY_INACCESSIBLE_CHILDREN',
        `Type "${type.name}" is in the API schema, but all of its ${what} are @inaccessible.`,
        type.astNode,
      );
    }
  }
}
