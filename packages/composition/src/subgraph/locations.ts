import type { SourceLocation } from '@orrery/core';
import { getLocation, type ASTNode } from 'graphql';

/**
 * Source locations of AST nodes, labelled with the subgraph's source name (a file name, or the
 * subgraph name). Nodes without a location (documents built in code) give none.
 */
export function locationsOf(
  source: string,
  nodes: readonly (ASTNode | undefined)[],
): SourceLocation[] {
  const out: SourceLocation[] = [];
  for (const node of nodes) {
    const loc = node?.loc;
    if (!loc) continue;
    const { line, column } = getLocation(loc.source, loc.start);
    out.push({ source, line, column });
  }
  return out;
}
