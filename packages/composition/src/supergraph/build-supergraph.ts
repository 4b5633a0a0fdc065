import type { DefinitionNode } from 'graphql';
import { namedType, type TypeState } from '../subgraph/state.js';
import type { SupergraphContext } from './context.js';
import type { FeatureUsage } from './merge/applied-directives.js';
import { mergeObjectType } from './merge/object-type.js';
import {
  mergeEnumType,
  mergeInputObjectType,
  mergeScalarType,
  mergeUnionType,
  type EnumUsage,
} from './merge/other-types.js';
import type { MergedType, SupergraphState } from './state.js';

/**
 * Merges every type into its supergraph definition (with `@join__*` metadata), in type-name
 * order of first appearance. Problems found while merging go to the context.
 */
export function buildSupergraphDefinitions(
  context: SupergraphContext,
  usage: FeatureUsage,
): DefinitionNode[] {
  const { state } = context;
  const enumUsage = collectEnumUsage(state);
  const out: DefinitionNode[] = [];
  for (const merged of state.types.values()) {
    const type = sameKindOnly(merged);
    switch (type.kind) {
      case 'object':
      case 'interface':
        out.push(mergeObjectType(context, usage, type));
        break;
      case 'union':
        out.push(mergeUnionType(context, usage, type));
        break;
      case 'enum':
        out.push(mergeEnumType(context, usage, type, enumUsage.get(type.name) ?? {}));
        break;
      case 'input':
        // Subgraphs giving the name another kind still count as defining the input type (and
        // none of its fields), as Apollo merges it.
        out.push(mergeInputObjectType(context, usage, merged));
        break;
      case 'scalar':
        out.push(mergeScalarType(context, usage, type));
        break;
    }
  }
  return out;
}

/**
 * The type restricted to the subgraphs defining it with the merged kind: after a
 * TYPE_KIND_MISMATCH, merging goes on with the first kind and ignores the other definitions.
 */
function sameKindOnly(type: MergedType): MergedType {
  const fits = (t: TypeState) =>
    t.kind === type.kind ||
    (type.kind === 'interface' && t.directives.some((d) => d.name === 'interfaceObject'));
  if ([...type.byGraph.values()].every(fits)) return type;
  return { ...type, byGraph: new Map([...type.byGraph].filter(([, t]) => fits(t))) };
}

/** Where each enum is used as an input (argument, input field) and as an output (field type). */
function collectEnumUsage(state: SupergraphState): Map<string, EnumUsage> {
  const usage = new Map<string, EnumUsage>();
  const get = (n: string) => {
    let u = usage.get(n);
    if (!u) usage.set(n, (u = {}));
    return u;
  };
  for (const s of state.subgraphs) {
    for (const type of s.types.values()) {
      for (const field of type.fields.values()) {
        const target = namedType(field.type);
        if (state.types.get(target)?.kind === 'enum') {
          if (type.kind === 'input') get(target).input ??= `${type.name}.${field.name}`;
          else get(target).output ??= `${type.name}.${field.name}`;
        }
        for (const arg of field.args.values()) {
          const argTarget = namedType(arg.type);
          if (state.types.get(argTarget)?.kind === 'enum') {
            get(argTarget).input ??= `${type.name}.${field.name}(${arg.name}:)`;
          }
        }
      }
    }
  }
  return usage;
}
