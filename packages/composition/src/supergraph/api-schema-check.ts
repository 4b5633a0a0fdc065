import { createDiagnostic, type Diagnostic } from '@orrery/core';
import type { ASTNode, DocumentNode, InputValueDefinitionNode } from 'graphql';
import { toApiSchemaOfComposed } from '../api-schema/index.js';
import type { SchemaResult } from '../types.js';
import { locationsOf } from '../subgraph/locations.js';
import type { SubgraphState } from '../subgraph/state.js';
import type { SupergraphState } from './state.js';

/** The API schema of a merged supergraph, with its errors mapped back to the subgraphs. */
export interface ApiSchemaCheck {
  readonly result: SchemaResult;
  /** `toApiSchema`'s errors, naming the subgraphs (and locations) of the elements they quote. */
  readonly errors: Diagnostic[];
}

/**
 * Runs the `@inaccessible` rules of `toApiSchema` on the merged supergraph, as Apollo does at
 * composition time (REFERENCED_INACCESSIBLE, REQUIRED_INACCESSIBLE, ...). The rules live in
 * `../api-schema/` and see only the supergraph, whose nodes have no source locations; their
 * messages quote schema coordinates (`"T"`, `"T.f"`, `"T.f(a:)"`), which this maps back to the
 * subgraphs defining those elements, preferring the ones where the element is `@inaccessible`.
 */
export function checkApiSchema(document: DocumentNode, state: SupergraphState): ApiSchemaCheck {
  const result = toApiSchemaOfComposed(document);
  if (result.ok) return { result, errors: [] };
  const errors = result.errors.map((error) => {
    const sites: [SubgraphState, ASTNode][] = [];
    for (const coordinate of quotedCoordinates(error.message)) {
      const found = state.subgraphs
        .map((s) => [s, findElement(s, coordinate)] as const)
        .filter((e): e is readonly [SubgraphState, Found] => e[1] !== undefined);
      // The subgraphs that marked it @inaccessible explain the error best; otherwise all.
      const marked = found.filter(([, f]) => f.inaccessible);
      for (const [s, f] of marked.length > 0 ? marked : found) sites.push([s, f.node]);
    }
    const subgraphs = [...new Set(sites.map(([s]) => s.name))];
    const locations = sites.flatMap(([s, node]) => locationsOf(s.source, [node]));
    return createDiagnostic(error.code, error.message, { subgraphs, locations });
  });
  return { result, errors };
}

interface Found {
  readonly node: ASTNode;
  readonly inaccessible: boolean;
}

const COORDINATE = /^@?[_A-Za-z]\w*(?:\.[_A-Za-z]\w*)?(?:\([_A-Za-z]\w*:\))?$/;

/** The schema coordinates quoted in a message, in order. */
function quotedCoordinates(message: string): string[] {
  const out: string[] = [];
  for (const match of message.matchAll(/"([^"]+)"/g)) {
    const text = match[1] ?? '';
    if (COORDINATE.test(text) && !out.includes(text)) out.push(text);
  }
  return out;
}

/** The element a coordinate names in one subgraph: a type, field, enum value or argument. */
function findElement(subgraph: SubgraphState, coordinate: string): Found | undefined {
  if (coordinate.startsWith('@')) return findDirective(subgraph, coordinate);
  const m = /^(\w+)(?:\.(\w+))?(?:\((\w+):\))?$/.exec(coordinate);
  if (!m) return undefined;
  const [, typeName = '', fieldName, argName] = m;
  const type = subgraph.types.get(typeName);
  if (!type) return undefined;
  const marked = (directives: readonly { name: string }[]) =>
    directives.some((d) => d.name === 'inaccessible');
  if (fieldName === undefined) {
    const node = type.nodes[0];
    return node ? { node, inaccessible: marked(type.directives) } : undefined;
  }
  const field = type.fields.get(fieldName);
  if (field && argName !== undefined) {
    const arg = field.args.get(argName);
    return arg ? { node: arg.node, inaccessible: marked(arg.directives) } : undefined;
  }
  if (field) return { node: field.node, inaccessible: marked(field.directives) };
  const value = type.values.get(fieldName);
  return value ? { node: value.node, inaccessible: marked(value.directives) } : undefined;
}

/** A directive definition (`@d`) or one of its arguments (`@d(a:)`) in one subgraph. */
function findDirective(subgraph: SubgraphState, coordinate: string): Found | undefined {
  const m = /^@(\w+)(?:\((\w+):\))?$/.exec(coordinate);
  const definition = m ? subgraph.directiveDefinitions.get(m[1] ?? '') : undefined;
  if (!m || !definition) return undefined;
  const hidden = (arg: InputValueDefinitionNode) =>
    arg.directives?.some((d) => subgraph.links.directives.get(d.name.value) === 'inaccessible') ??
    false;
  const args = definition.arguments ?? [];
  if (m[2] === undefined) return { node: definition, inaccessible: args.some(hidden) };
  const arg = args.find((a) => a.name.value === m[2]);
  return arg ? { node: arg, inaccessible: hidden(arg) } : undefined;
}
