import type { DefinitionNode } from 'graphql';
import { namedType, type TypeKind, type TypeState } from '../subgraph/state.js';
import type { SupergraphContext } from './context.js';
import type { FeatureUsage } from './merge/applied-directives.js';
import { mergeExecutableDirectives } from './merge/executable-directives.js';
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
 * Merges every type into its supergraph definition (with `@join__*` metadata) and the
 * executable directive definitions. Problems found while merging go to the context.
 */
export function buildSupergraphDefinitions(
  context: SupergraphContext,
  usage: FeatureUsage,
): DefinitionNode[] {
  const { state } = context;
  const enumUsage = collectEnumUsage(state);
  for (const composed of usage.composed?.values() ?? []) {
    if (composed.hidesArguments) usage.uses.add('inaccessible');
  }
  const out: DefinitionNode[] = [];
  // Apollo's merge order (which orders hints and errors): kind by kind, enums last as their
  // merge depends on how the other types use them, executable directives just before them.
  const all = [...state.types.values()];
  const ofKind = (kinds: readonly TypeKind[]) =>
    kinds.flatMap((kind) => all.filter((t) => t.kind === kind));
  for (const merged of ofKind(['union', 'scalar', 'input', 'interface', 'object'])) {
    const type = sameKindOnly(merged);
    switch (type.kind) {
      case 'object':
      case 'interface':
        out.push(mergeObjectType(context, usage, type));
        break;
      case 'union':
        out.push(mergeUnionType(context, usage, type));
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
  out.push(...mergeExecutableDirectives(context, usage));
  for (const merged of ofKind(['enum'])) {
    const type = sameKindOnly(merged);
    out.push(mergeEnumType(context, usage, type, enumUsage.get(type.name) ?? {}));
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
          const u = get(target);
          if (type.kind === 'input') {
            u.input ??= `${type.name}.${field.name}`;
            u.inputGraph ??= s.name;
          } else {
            u.output ??= `${type.name}.${field.name}`;
            u.outputGraph ??= s.name;
          }
        }
        for (const arg of field.args.values()) {
          const argTarget = namedType(arg.type);
          if (state.types.get(argTarget)?.kind === 'enum') {
            const u = get(argTarget);
            u.input ??= `${type.name}.${field.name}(${arg.name}:)`;
            u.inputGraph ??= s.name;
          }
        }
      }
    }
  }
  return usage;
}
