import {
  Kind,
  print,
  type ConstDirectiveNode,
  type EnumTypeDefinitionNode,
  type EnumValueDefinitionNode,
  type InputObjectTypeDefinitionNode,
  type InputValueDefinitionNode,
  type ScalarTypeDefinitionNode,
  type UnionTypeDefinitionNode,
} from 'graphql';
import type { EnumValueState, FieldState } from '../../subgraph/state.js';
import { description, directive, enumValue, name, str } from '../ast.js';
import type { SupergraphContext } from '../context.js';
import type { MergedType } from '../state.js';
import { mergeAppliedDirectives, type FeatureUsage } from './applied-directives.js';
import { mergeDescriptionOf } from './descriptions.js';
import { compatibleTypeHint, defaultPresenceHint, groupBy, listGraphs } from './fields.js';
import { mergeTypeReferences } from './type-references.js';

function joinTypes(context: SupergraphContext, type: MergedType): ConstDirectiveNode[] {
  return [...type.byGraph.keys()].map((g) =>
    directive('join__type', [['graph', enumValue(context.state.graphEnum.get(g) ?? g)]]),
  );
}

function common(context: SupergraphContext, usage: FeatureUsage, type: MergedType) {
  const defs = [...type.byGraph.values()];
  return {
    ...description(
      mergeDescriptionOf(
        context,
        type.name,
        [...type.byGraph].map(([g, t]) => [g, t.description, t.nodes[0]!] as const),
      ),
    ),
    name: name(type.name),
    applied: mergeAppliedDirectives(defs, usage, { context, coordinate: type.name }),
    join: joinTypes(context, type),
  };
}

/** Scalars merge by name only. */
export function mergeScalarType(
  context: SupergraphContext,
  usage: FeatureUsage,
  type: MergedType,
): ScalarTypeDefinitionNode {
  const { applied, join, ...rest } = common(context, usage, type);
  return { kind: Kind.SCALAR_TYPE_DEFINITION, ...rest, directives: [...join, ...applied] };
}

/** Unions merge by union of members, with one `@join__unionMember` per (subgraph, member). */
export function mergeUnionType(
  context: SupergraphContext,
  usage: FeatureUsage,
  type: MergedType,
): UnionTypeDefinitionNode {
  const { applied, join, ...rest } = common(context, usage, type);
  const members: string[] = [];
  for (const t of type.byGraph.values()) {
    for (const m of t.members) if (!members.includes(m)) members.push(m);
  }
  // Member by member (in the supergraph's order), then subgraph by subgraph, as Apollo prints.
  const joinMembers: ConstDirectiveNode[] = members.flatMap((m) =>
    [...type.byGraph]
      .filter(([, t]) => t.members.includes(m))
      .map(([g]) =>
        directive('join__unionMember', [
          ['graph', enumValue(context.state.graphEnum.get(g) ?? g)],
          ['member', str(m)],
        ]),
      ),
  );
  return {
    kind: Kind.UNION_TYPE_DEFINITION,
    ...rest,
    directives: [...join, ...joinMembers, ...applied],
    types: members.map((m) => ({ kind: Kind.NAMED_TYPE, name: name(m) })),
  };
}

/** How an enum is used across the subgraphs, which decides how its values merge. */
export type EnumUsage = {
  /** A coordinate using the enum as an input type, and its subgraph. */
  input?: string;
  inputGraph?: string;
  /** A coordinate using the enum as an output type, and its subgraph. */
  output?: string;
  outputGraph?: string;
};

/**
 * Enums merge by use: union when only output, intersection when only input, and identical
 * values required when both (ENUM_VALUE_MISMATCH); an empty result is EMPTY_MERGED_ENUM_TYPE.
 */
export function mergeEnumType(
  context: SupergraphContext,
  usage: FeatureUsage,
  type: MergedType,
  use: EnumUsage,
): EnumTypeDefinitionNode {
  const { applied, join, ...rest } = common(context, usage, type);
  const graphs = [...type.byGraph.keys()];
  const valuesByName = new Map<string, Map<string, EnumValueState>>();
  for (const [g, t] of type.byGraph) {
    for (const v of t.values.values()) {
      let m = valuesByName.get(v.name);
      if (!m) valuesByName.set(v.name, (m = new Map()));
      m.set(g, v);
    }
  }
  const values: EnumValueDefinitionNode[] = [];
  for (const [valueName, byGraph] of valuesByName) {
    const missing = graphs.filter((g) => !byGraph.has(g));
    if (missing.length > 0) {
      const present = [...byGraph.keys()];
      const detail = `"${valueName}" is defined in ${listGraphs(present)} but not in ${listGraphs(missing)}`;
      if (use.input && use.output) {
        context.report(
          'ENUM_VALUE_MISMATCH',
          `Enum type "${type.name}" is used as both input type (for example, as type of "${use.input}"${use.inputGraph ? ` in subgraph "${use.inputGraph}"` : ''}) and output type (for example, as type of "${use.output}"${use.outputGraph ? ` in subgraph "${use.outputGraph}"` : ''}), but value "${valueName}" is not defined in all the subgraphs defining "${type.name}": ${detail}. An enum used both ways must have the same values everywhere: add "${valueName}" to "${type.name}" in ${listGraphs(missing)}, or remove it from ${listGraphs(present)}.`,
          [...byGraph].map(([g, v]) => [g, v.node] as const),
        );
        continue;
      }
      if (use.input) {
        context.hint(
          'INCONSISTENT_ENUM_VALUE_FOR_INPUT_ENUM',
          `Value "${valueName}" of enum type "${type.name}" will not be part of the supergraph as it is not defined in all the subgraphs defining "${type.name}": ${detail}.`,
          [...byGraph].map(([g, v]) => [g, v.node] as const),
        );
        continue;
      }
      context.hint(
        'INCONSISTENT_ENUM_VALUE_FOR_OUTPUT_ENUM',
        `Value "${valueName}" of enum type "${type.name}" has been added to the supergraph but is only defined in a subset of the subgraphs defining "${type.name}": ${detail}.`,
        [...byGraph].map(([g, v]) => [g, v.node] as const),
      );
    }
    const defs = [...byGraph.values()];
    const coordinate = `${type.name}.${valueName}`;
    const valueDescription = mergeDescriptionOf(
      context,
      coordinate,
      [...byGraph].map(([g, v]) => [g, v.description, v.node] as const),
    );
    const applied = mergeAppliedDirectives(defs, usage, { context, coordinate });
    values.push({
      kind: Kind.ENUM_VALUE_DEFINITION,
      ...description(valueDescription),
      name: name(valueName),
      // Apollo writes @inaccessible before the join metadata (as on fields), the rest after it.
      directives: [
        ...applied.filter((d) => d.name.value === 'inaccessible'),
        ...[...byGraph.keys()].map((g) =>
          directive('join__enumValue', [['graph', enumValue(context.state.graphEnum.get(g) ?? g)]]),
        ),
        ...applied.filter((d) => d.name.value !== 'inaccessible'),
      ],
    });
  }
  if (values.length === 0 && !(use.input && use.output)) {
    context.report(
      'EMPTY_MERGED_ENUM_TYPE',
      `None of the values of enum type "${type.name}" are defined consistently in all the subgraphs defining that type. As only values common to all subgraphs are merged, this would result in an empty type.`,
      [...type.byGraph].map(([g, t]) => [g, t.nodes[0]] as const),
    );
  }
  return { kind: Kind.ENUM_TYPE_DEFINITION, ...rest, directives: [...join, ...applied], values };
}

/**
 * Input objects merge by intersection of fields: a field missing somewhere is dropped (hint), or
 * an error when it is required there; types take the most restrictive; defaults must agree.
 */
export function mergeInputObjectType(
  context: SupergraphContext,
  usage: FeatureUsage,
  type: MergedType,
): InputObjectTypeDefinitionNode {
  const { applied, join, ...rest } = common(context, usage, type);
  const graphs = [...type.byGraph.keys()];
  const byName = new Map<string, Map<string, FieldState>>();
  for (const [g, t] of type.byGraph) {
    if (t.kind !== 'input') continue; // another kind under the same name (TYPE_KIND_MISMATCH)
    for (const f of t.fields.values()) {
      let m = byName.get(f.name);
      if (!m) byName.set(f.name, (m = new Map()));
      m.set(g, f);
    }
  }
  const fields: InputValueDefinitionNode[] = [];
  for (const [fieldName, byGraph] of byName) {
    const coordinate = `${type.name}.${fieldName}`;
    const missing = graphs.filter((g) => !byGraph.has(g));
    const entries = [...byGraph];
    if (missing.length > 0) {
      const required = entries.filter(([, f]) => f.type.kind === 'NonNullType' && !f.defaultValue);
      if (required.length > 0) {
        context.report(
          'REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH',
          `Input object field "${coordinate}" is required in some subgraphs but does not appear in all subgraphs: it is required in ${listGraphs(required.map(([g]) => g))} but does not appear in ${listGraphs(missing)}. Add the field to "${type.name}" in every subgraph, or make it optional.`,
          [
            ...required.map(([g, f]) => [g, f.node] as const),
            ...missing.map((g) => [g, type.byGraph.get(g)?.nodes[0]] as const),
          ],
        );
      } else {
        context.hint(
          'INCONSISTENT_INPUT_OBJECT_FIELD',
          `Input object field "${fieldName}" will not be added to "${type.name}" in the supergraph as it does not appear in all subgraphs: it is defined in ${listGraphs(entries.map(([g]) => g))} but not in ${listGraphs(missing)}.`,
          entries.map(([g, f]) => [g, f.node] as const),
        );
      }
      continue;
    }
    const merged = mergeTypeReferences(
      context.state,
      entries.map(([g, f]) => [g, f.type] as const),
      'input',
    );
    if (!merged.type) {
      const groups = groupBy(entries.map(([g, f]) => [g, print(f.type)] as const));
      context.report(
        'FIELD_TYPE_MISMATCH',
        `Type of field "${coordinate}" is incompatible across subgraphs: it has ${groups.map(([t, gs]) => `type "${t}" in ${listGraphs(gs)}`).join(' but ')}. Make the types match.`,
        entries.map(([g, f]) => [g, f.node] as const),
      );
      continue;
    }
    if (merged.differs) {
      compatibleTypeHint(
        context,
        'input field',
        coordinate,
        merged.type,
        entries.map(([g, f]) => [g, f.type, f.node] as const),
      );
    }
    const withDefault = entries.filter(([, f]) => f.defaultValue);
    const groups = groupBy(withDefault.map(([g, f]) => [g, print(f.defaultValue!)] as const));
    if (groups.length > 1) {
      // Reported, but the field stays: dropping it would add a misleading EMPTY_MERGED_INPUT_TYPE.
      context.report(
        'INPUT_FIELD_DEFAULT_MISMATCH',
        `Input field "${coordinate}" has incompatible default values across subgraphs: it has ${groups.map(([d, gs]) => `default value ${d} in ${listGraphs(gs)}`).join(' but ')}. Use the same default value in every subgraph (or remove it where it differs).`,
        withDefault.map(([g, f]) => [g, f.defaultValue ?? f.node] as const),
      );
    }
    const partial = groups.length === 1 && withDefault.length < entries.length;
    if (partial) {
      defaultPresenceHint(
        context,
        `Input field "${coordinate}"`,
        withDefault.map(([g, f]) => [g, print(f.defaultValue!)] as const),
        entries.filter(([, f]) => !f.defaultValue).map(([g]) => g),
        entries.map(([g, f]) => [g, f.node] as const),
      );
    }
    // As for arguments, a default only some subgraphs apply is dropped.
    const defaultValue = partial
      ? undefined
      : entries.find(([, f]) => f.defaultValue)?.[1].defaultValue;
    fields.push({
      kind: Kind.INPUT_VALUE_DEFINITION,
      ...description(
        mergeDescriptionOf(
          context,
          coordinate,
          entries.map(([g, f]) => [g, f.description, f.node] as const),
        ),
      ),
      name: name(fieldName),
      type: merged.type,
      ...(defaultValue ? { defaultValue } : {}),
      directives: mergeAppliedDirectives(
        entries.map(([, f]) => f),
        usage,
        { context, coordinate },
      ),
    });
  }
  if (fields.length === 0) {
    context.report(
      'EMPTY_MERGED_INPUT_TYPE',
      `None of the fields of input object type "${type.name}" are consistently defined in all the subgraphs defining that type. As only fields common to all subgraphs are merged, this would result in an empty type.`,
      [...type.byGraph].map(([g, t]) => [g, t.nodes[0]] as const),
    );
  }
  return {
    kind: Kind.INPUT_OBJECT_TYPE_DEFINITION,
    ...rest,
    directives: [...join, ...applied],
    fields,
  };
}
