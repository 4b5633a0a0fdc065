import { Kind, type ConstDirectiveNode, type DocumentNode } from 'graphql';
import { BUILT_IN_DIRECTIVES, FEDERATION_DIRECTIVES } from '../specs.js';
import type { SubgraphValidationContext } from '../validation-context.js';

/**
 * Every directive applied in the subgraph must be defined: built in, linked (federation or
 * another known spec, under the name the `@link` gives it) or defined in the document.
 * Raises: INVALID_GRAPHQL (with a hint when a federation directive is used without importing it).
 */
export function createKnownDirectivesRule(document: DocumentNode) {
  return function KnownDirectivesRule({ subgraph, report }: SubgraphValidationContext): void {
    const { links } = subgraph;
    const defined = new Set<string>(subgraph.directiveDefinitions.keys());
    const isKnown = (name: string) =>
      defined.has(name) ||
      BUILT_IN_DIRECTIVES.has(name) ||
      links.directives.has(name) ||
      name === links.linkPrefix ||
      links.foreign.some(
        (f) => f.directives.has(name) || name.startsWith(`${f.prefix}__`) || name === f.prefix,
      ) ||
      (!links.isFed2 && name.startsWith('federation__'));
    const check = (node: ConstDirectiveNode) => {
      const name = node.name.value;
      if (isKnown(name)) return;
      let hint = '';
      if (FEDERATION_DIRECTIVES.has(name)) {
        hint = links.isFed2
          ? ` If you meant the "@${name}" federation directive, you should use fully-qualified name "@federation__${name}" or add "@${name}" to the \`import\` argument of the @link to the federation specification.`
          : ` If you meant the "@${name}" federation 2 directive, note that this schema is a federation 1 schema. To be a federation 2 schema, it needs to @link to the federation specification v2.`;
      }
      report('INVALID_GRAPHQL', `Unknown directive "@${name}".${hint}`, [node]);
    };
    for (const def of document.definitions) {
      if (
        def.kind === Kind.DIRECTIVE_DEFINITION ||
        def.kind === Kind.OPERATION_DEFINITION ||
        def.kind === Kind.FRAGMENT_DEFINITION
      )
        continue;
      for (const d of def.directives ?? []) check(d);
      if ('fields' in def) {
        for (const f of def.fields ?? []) {
          for (const d of f.directives ?? []) check(d);
          if ('arguments' in f)
            for (const a of f.arguments ?? []) for (const d of a.directives ?? []) check(d);
        }
      }
      if ('values' in def)
        for (const v of def.values ?? []) for (const d of v.directives ?? []) check(d);
    }
  };
}
