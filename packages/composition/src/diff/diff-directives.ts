/**
 * Directive definitions. An API schema keeps the executable directives (`@skip`, `@include`,
 * custom ones clients put in operations) and the type-system directives composition passes
 * through (`@composeDirective`). Only the first kind can appear in an operation, so only
 * changes to a directive with an executable location (in the old schema) can break one; the
 * same changes to a type-system-only directive are `safe`.
 *
 * @module
 */
import { DirectiveLocation, type GraphQLDirective, type GraphQLSchema } from 'graphql';
import type { ChangeList } from './change.js';
import { diffArguments } from './diff-arguments.js';
import { diffDescription } from './metadata.js';

/** Locations in operations (the spec's ExecutableDirectiveLocation). */
const EXECUTABLE_LOCATIONS: ReadonlySet<string> = new Set([
  DirectiveLocation.QUERY,
  DirectiveLocation.MUTATION,
  DirectiveLocation.SUBSCRIPTION,
  DirectiveLocation.FIELD,
  DirectiveLocation.FRAGMENT_DEFINITION,
  DirectiveLocation.FRAGMENT_SPREAD,
  DirectiveLocation.INLINE_FRAGMENT,
  DirectiveLocation.VARIABLE_DEFINITION,
]);

function isExecutable(directive: GraphQLDirective): boolean {
  return directive.locations.some((location) => EXECUTABLE_LOCATIONS.has(location));
}

/** Compares the directive definitions of the two schemas (built-in ones included). */
export function diffDirectives(
  changes: ChangeList,
  oldSchema: GraphQLSchema,
  newSchema: GraphQLSchema,
): void {
  const newDirectives = new Map(newSchema.getDirectives().map((d) => [d.name, d]));
  const oldNames = new Set(oldSchema.getDirectives().map((d) => d.name));

  for (const oldDirective of oldSchema.getDirectives()) {
    const coordinate = `@${oldDirective.name}`;
    const executable = isExecutable(oldDirective);
    const breaking = executable ? 'breaking' : 'safe';
    const newDirective = newDirectives.get(oldDirective.name);
    if (newDirective === undefined) {
      changes.add(
        'DIRECTIVE_REMOVED',
        breaking,
        coordinate,
        executable
          ? `Directive \`${coordinate}\` was removed.`
          : `Directive \`${coordinate}\` was removed (operations could not use it).`,
      );
      continue;
    }
    diffArguments(
      changes,
      { kind: 'directive', coordinate, executable },
      oldDirective.args,
      newDirective.args,
    );
    for (const location of oldDirective.locations) {
      if (newDirective.locations.includes(location)) continue;
      changes.add(
        'DIRECTIVE_LOCATION_REMOVED',
        EXECUTABLE_LOCATIONS.has(location) ? 'breaking' : 'safe',
        coordinate,
        `Directive \`${coordinate}\` can no longer be used on ${location}.`,
        { location },
      );
    }
    for (const location of newDirective.locations) {
      if (oldDirective.locations.includes(location)) continue;
      changes.add(
        'DIRECTIVE_LOCATION_ADDED',
        'safe',
        coordinate,
        `Directive \`${coordinate}\` can now be used on ${location}.`,
        { location },
      );
    }
    if (oldDirective.isRepeatable && !newDirective.isRepeatable) {
      changes.add(
        'DIRECTIVE_REPEATABLE_REMOVED',
        breaking,
        coordinate,
        `Directive \`${coordinate}\` is no longer repeatable.`,
      );
    } else if (!oldDirective.isRepeatable && newDirective.isRepeatable) {
      changes.add(
        'DIRECTIVE_REPEATABLE_ADDED',
        'safe',
        coordinate,
        `Directive \`${coordinate}\` is now repeatable.`,
      );
    }
    diffDescription(
      changes,
      'DIRECTIVE_DESCRIPTION_CHANGE',
      coordinate,
      `directive \`${coordinate}\``,
      oldDirective.description,
      newDirective.description,
    );
  }

  for (const newDirective of newSchema.getDirectives()) {
    if (oldNames.has(newDirective.name)) continue;
    const coordinate = `@${newDirective.name}`;
    changes.add('DIRECTIVE_ADDED', 'safe', coordinate, `Directive \`${coordinate}\` was added.`);
  }
}
