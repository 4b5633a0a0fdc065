import type { ASTNode } from 'graphql';
import type { SupergraphContext } from '../context.js';
import { listGraphs } from './fields.js';

/**
 * The supergraph description of an element: the most common non-empty description among the
 * subgraphs (ties go to the first subgraph in name order); an empty one only if there is no other.
 */
export function mergeDescription(values: readonly (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) {
    if (v === undefined) continue;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestCount = 0;
  for (const [v, c] of counts) {
    const better = v.trim() !== '' && (best === undefined || best.trim() === '' || c > bestCount);
    if (best === undefined || better) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

/**
 * {@link mergeDescription}, plus the INCONSISTENT_DESCRIPTION hint (Apollo's wording) when the
 * subgraphs that describe the element do not all say the same thing. `element` is its coordinate
 * (`T`, `T.f`, `T.f(a:)`, `@d`, `E.V`).
 */
export function mergeDescriptionOf(
  context: SupergraphContext,
  element: string,
  entries: readonly (readonly [graph: string, description: string | undefined, node: ASTNode])[],
  subject = `Element "${element}"`,
): string | undefined {
  const chosen = mergeDescription(entries.map(([, d]) => d));
  const described = entries.filter(([, d]) => d !== undefined);
  if (described.length < 2 || described.every(([, d]) => d === chosen)) return chosen;
  const byText = new Map<string, string[]>();
  for (const [g, d] of described) {
    const graphs = byText.get(d!);
    if (graphs) graphs.push(g);
    else byText.set(d!, [g]);
  }
  const block = (text: string) =>
    `  """\n${text
      .split('\n')
      .map((line) => `  ${line}`)
      .join('\n')}\n  """`;
  const others = [...byText]
    .filter(([text]) => text !== chosen)
    .map(([text, graphs]) => `In ${listGraphs(graphs)}, the description is:\n${block(text)}`);
  context.hint(
    'INCONSISTENT_DESCRIPTION',
    `${subject} has inconsistent descriptions across subgraphs. The supergraph will use description (from ${listGraphs(byText.get(chosen!) ?? [])}):\n${block(chosen!)}\n${others.join(' and \n')}`,
    described.map(([g, , node]) => [g, node] as const),
  );
  return chosen;
}
