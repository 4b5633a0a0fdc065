import { Kind, print, type DocumentNode, type InputValueDefinitionNode } from 'graphql';
import { directiveSignatures, type ArgumentSignature } from '../directive-signatures.js';
import type { SubgraphValidationContext } from '../validation-context.js';

/** Field sets may still be declared `String!`, as subgraph libraries long printed them. */
function legacyFieldSet(expected: ArgumentSignature, arg: InputValueDefinitionNode): boolean {
  return print(expected.type).endsWith('FieldSet!') && print(arg.type) === 'String!';
}

/**
 * A Federation 2 subgraph may repeat the definition of a federation or linked-spec directive, but
 * it must match the spec's arguments: no unknown argument, the spec's types, every required
 * argument. (Federation 1 definitions, written before the specs, are not checked.)
 * Raises: DIRECTIVE_DEFINITION_INVALID.
 */
export function createDirectiveDefinitionsRule(document: DocumentNode) {
  return function DirectiveDefinitionsRule({ subgraph, report }: SubgraphValidationContext): void {
    if (subgraph.isFed1) return;
    const signatures = directiveSignatures(subgraph.links, new Map());
    for (const def of document.definitions) {
      if (def.kind !== Kind.DIRECTIVE_DEFINITION) continue;
      const name = def.name.value;
      if (!subgraph.links.directives.has(name)) continue;
      const signature = signatures.get(name);
      if (!signature) continue;
      const invalid = (why: string) =>
        report(
          'DIRECTIVE_DEFINITION_INVALID',
          `Invalid definition for directive "@${name}": ${why}`,
          [def],
        );
      const defined = new Set<string>();
      for (const arg of def.arguments ?? []) {
        const argName = arg.name.value;
        defined.add(argName);
        const expected = signature.args.get(argName);
        if (!expected) {
          invalid(`unknown/unsupported argument "${argName}"`);
        } else if (print(expected.type) !== print(arg.type) && !legacyFieldSet(expected, arg)) {
          invalid(
            `argument "${argName}" should have type "${print(expected.type)}" but found type "${print(arg.type)}"`,
          );
        }
      }
      for (const arg of signature.args.values()) {
        if (arg.type.kind !== Kind.NON_NULL_TYPE || arg.hasDefault || defined.has(arg.name)) {
          continue;
        }
        invalid(`missing required argument "${arg.name}"`);
      }
    }
  };
}
