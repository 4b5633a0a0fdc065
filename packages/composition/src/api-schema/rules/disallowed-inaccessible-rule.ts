import {
  DirectiveLocation,
  Kind,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedDirective,
  specifiedScalarTypes,
  type ConstDirectiveNode,
} from 'graphql';
import type { InaccessibleContext, InaccessibleElement } from '../inaccessible-context.js';

const BUILT_IN_SCALARS = new Set(specifiedScalarTypes.map((t) => t.name));

/** Directive locations a client never writes: a directive on them is schema metadata. */
const TYPE_SYSTEM_LOCATIONS = new Set<string>([
  DirectiveLocation.SCHEMA,
  DirectiveLocation.SCALAR,
  DirectiveLocation.OBJECT,
  DirectiveLocation.FIELD_DEFINITION,
  DirectiveLocation.ARGUMENT_DEFINITION,
  DirectiveLocation.INTERFACE,
  DirectiveLocation.UNION,
  DirectiveLocation.ENUM,
  DirectiveLocation.ENUM_VALUE,
  DirectiveLocation.INPUT_OBJECT,
  DirectiveLocation.INPUT_FIELD_DEFINITION,
]);

/**
 * Some elements cannot be hidden: raises `DISALLOWED_INACCESSIBLE` for `@inaccessible` on a
 * built-in scalar, on a linked feature's types and their children, or on an argument of a
 * built-in directive, a feature's directive, or a directive usable at type-system locations
 * (those definitions are schema metadata, which has no "hidden" part).
 */
export function DisallowedInaccessibleRule(context: InaccessibleContext): void {
  const { document, schema, features } = context.supergraph;
  const carries = (directives: readonly ConstDirectiveNode[] | undefined) =>
    context.isInaccessible({ astNode: { directives: directives ?? [] } });

  // graphql-js replaces a redefined built-in scalar by its own, so look at the document.
  for (const definition of document.definitions) {
    if (
      (definition.kind === Kind.SCALAR_TYPE_DEFINITION ||
        definition.kind === Kind.SCALAR_TYPE_EXTENSION) &&
      BUILT_IN_SCALARS.has(definition.name.value) &&
      carries(definition.directives)
    ) {
      context.report(
        'DISALLOWED_INACCESSIBLE',
        `Built-in type "${definition.name.value}" cannot be @inaccessible.`,
        definition,
      );
    }
  }

  for (const type of Object.values(schema.getTypeMap())) {
    if (!features.ownsType(type.name)) continue;
    const children: InaccessibleElement[] =
      isObjectType(type) || isInterfaceType(type)
        ? Object.values(type.getFields()).flatMap((f) => [f, ...f.args])
        : isInputObjectType(type)
          ? Object.values(type.getFields())
          : isEnumType(type)
            ? [...type.getValues()]
            : [];
    const hidden = [type, ...children].some((element) => context.isInaccessible(element));
    if (hidden) {
      context.report(
        'DISALLOWED_INACCESSIBLE',
        `Type "${type.name}" belongs to a linked feature, so neither it nor its children can be @inaccessible.`,
        type.astNode,
      );
    }
  }

  for (const directive of schema.getDirectives()) {
    const hiddenArgs = directive.args.filter((arg) => context.isInaccessible(arg));
    if (hiddenArgs.length === 0) continue;
    let why: string | undefined;
    if (isSpecifiedDirective(directive)) {
      why = 'it is a built-in directive';
    } else if (features.ownsDirective(directive.name)) {
      why = 'it belongs to a linked feature';
    } else {
      const typeSystem = directive.locations.filter((l) => TYPE_SYSTEM_LOCATIONS.has(l));
      if (typeSystem.length > 0) {
        why = `it can be applied at type-system locations (${typeSystem.join(', ')})`;
      }
    }
    if (why !== undefined) {
      context.report(
        'DISALLOWED_INACCESSIBLE',
        `Directive "@${directive.name}" cannot have @inaccessible arguments: ${why}.`,
        directive.astNode,
      );
    }
  }
}
