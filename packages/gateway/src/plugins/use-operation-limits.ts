/**
 * `useOperationLimits`: refuses operations nested too deep or with too many aliases, before they
 * are planned. Added by `createGateway` from its `limits` option; `ERR_GATEWAY_LIMIT_EXCEEDED`.
 *
 * @module
 */
import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { graphQLError } from '../errors.js';
import type { GatewayPlugin } from '../plugin.js';

export interface OperationLimits {
  /**
   * Deepest field nesting, fragments inlined (default 64). Deep operations multiply the work of
   * planning and of every subgraph; real clients rarely pass 15.
   */
  readonly maxDepth?: number;
  /**
   * Most aliases in one operation (default 200). Aliases let one small document ask for the same
   * expensive field thousands of times.
   */
  readonly maxAliases?: number;
}

export const DEFAULT_OPERATION_LIMITS = { maxDepth: 64, maxAliases: 200 } as const;

/** Measures an operation document: deepest nesting and alias count (fragments inlined). */
export function measureOperation(document: DocumentNode): { depth: number; aliases: number } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  }
  // Per fragment: its own depth and aliases, memoised (fragment cycles are invalid and
  // refused by validation; the guard only stops infinite recursion before that).
  const memo = new Map<string, { depth: number; aliases: number }>();
  const visiting = new Set<string>();
  const measureSet = (set: SelectionSetNode): { depth: number; aliases: number } => {
    let depth = 0;
    let aliases = 0;
    for (const selection of set.selections) {
      let inner = { depth: 0, aliases: 0 };
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) aliases++;
        if (selection.selectionSet) inner = measureSet(selection.selectionSet);
        inner = { depth: inner.depth + 1, aliases: inner.aliases };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = measureSet(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (fragment && !visiting.has(name)) {
          let measured = memo.get(name);
          if (!measured) {
            visiting.add(name);
            measured = measureSet(fragment.selectionSet);
            visiting.delete(name);
            memo.set(name, measured);
          }
          inner = measured;
        }
      }
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
    }
    return { depth, aliases };
  };
  let depth = 0;
  let aliases = 0;
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const measured = measureSet(d.selectionSet);
    depth = Math.max(depth, measured.depth);
    aliases = Math.max(aliases, measured.aliases);
  }
  return { depth, aliases };
}

/** Refuses operations over `maxDepth` or `maxAliases` (see {@link OperationLimits}). */
export function useOperationLimits(limits: OperationLimits = {}): GatewayPlugin {
  const maxDepth = limits.maxDepth ?? DEFAULT_OPERATION_LIMITS.maxDepth;
  const maxAliases = limits.maxAliases ?? DEFAULT_OPERATION_LIMITS.maxAliases;
  return {
    name: 'operation-limits',
    onValidate({ document, reportError }) {
      const { depth, aliases } = measureOperation(document);
      if (depth > maxDepth) {
        reportError(
          graphQLError(
            'ERR_GATEWAY_LIMIT_EXCEEDED',
            `The operation is nested ${depth} levels deep, more than the limit of ${maxDepth} (maxDepth).`,
          ),
        );
      }
      if (aliases > maxAliases) {
        reportError(
          graphQLError(
            'ERR_GATEWAY_LIMIT_EXCEEDED',
            `The operation has ${aliases} aliases, more than the limit of ${maxAliases} (maxAliases).`,
          ),
        );
      }
    },
  };
}
