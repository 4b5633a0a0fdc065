import type { InaccessibleContext } from '../inaccessible-context.js';

/**
 * The query root type must stay in the API schema: raises `QUERY_ROOT_TYPE_INACCESSIBLE` when it
 * is `@inaccessible`. (A hidden mutation or subscription root just removes that operation.)
 */
export function QueryRootTypeInaccessibleRule(context: InaccessibleContext): void {
  const query = context.supergraph.schema.getQueryType();
  if (query && context.isHiddenType(query)) {
    context.report(
      'QUERY_ROOT_TYPE_INACCESSIBLE',
      `Type "${query.name}" is the query root type, so it cannot be @inaccessible: the API schema needs it.`,
      query.astNode,
    );
  }
}
