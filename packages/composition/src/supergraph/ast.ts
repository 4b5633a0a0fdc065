import {
  Kind,
  type ConstArgumentNode,
  type ConstDirectiveNode,
  type ConstValueNode,
  type NameNode,
  type StringValueNode,
} from 'graphql';

/** Small constructors for the supergraph's AST nodes (no locations: the document is generated). */
export const name = (value: string): NameNode => ({ kind: Kind.NAME, value });

export const str = (value: string, block = false): StringValueNode => ({
  kind: Kind.STRING,
  value,
  block,
});

export const bool = (value: boolean): ConstValueNode => ({ kind: Kind.BOOLEAN, value });

export const enumValue = (value: string): ConstValueNode => ({ kind: Kind.ENUM, value });

/** A directive application; `undefined` arguments are left out, so callers can list them all. */
export function directive(
  directiveName: string,
  args: readonly [string, ConstValueNode | undefined][] = [],
): ConstDirectiveNode {
  const argNodes: ConstArgumentNode[] = [];
  for (const [argName, value] of args) {
    if (value !== undefined) argNodes.push({ kind: Kind.ARGUMENT, name: name(argName), value });
  }
  return {
    kind: Kind.DIRECTIVE,
    name: name(directiveName),
    ...(argNodes.length > 0 ? { arguments: argNodes } : {}),
  };
}

/** A description node when there is one (block strings for multi-line text, as Apollo prints). */
export function description(value: string | undefined): { description?: StringValueNode } {
  return value === undefined ? {} : { description: str(value, true) };
}
