import {
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  Kind,
  parse,
  type TypeNode,
} from 'graphql';
import { createDiagnostic, type Diagnostic } from '../errors/index.js';
import { argumentValue, constValue, readLinkedFeatures } from './features.js';
import { parseFieldSet } from './field-set.js';
import type {
  ContextArgument,
  FieldInSubgraph,
  FieldSet,
  ReadSupergraphResult,
  SupergraphArgument,
  SupergraphField,
  SupergraphModel,
  SupergraphRoots,
  SupergraphSubgraph,
  SupergraphType,
  SupergraphTypeKind,
  TypeInSubgraph,
} from './model.js';
import { namedTypeKind } from '../graphql/type-kind.js';

/** Shared by every field without `@fromContext` arguments. */
const NO_CONTEXT_ARGUMENTS: readonly ContextArgument[] = [];
/** Spread where an optional property is absent (no empty object allocated per field). */
const NONE = Object.freeze({});
/**
 * The empty list every type-in-subgraph and argument-less field starts from (frozen, shared:
 * lists are replaced, never pushed to, when an entry is added).
 */
const EMPTY: readonly never[] = Object.freeze([]);

const JOIN_VERSIONS = new Set(['0.1', '0.2', '0.3', '0.4', '0.5']);

/** A type's definition and extensions, merged: what the reader needs of them. */
interface RawType {
  name: string;
  kind: SupergraphTypeKind;
  directives: ConstDirectiveNode[];
  fields: (FieldDefinitionNode | InputValueDefinitionNode)[];
  interfaces: string[];
  members: string[];
  values: { name: string; directives: readonly ConstDirectiveNode[] }[];
}

/**
 * Reads a supergraph SDL (join v0.1 to v0.5, bootstrapped by `@link` or the fed-1-era `@core`,
 * renames through `as:` honoured) into a {@link SupergraphModel}. Never throws on bad input: a
 * supergraph that does not parse or lacks valid join metadata gives INVALID_FEDERATION_SUPERGRAPH
 * diagnostics.
 *
 * @example
 * const result = readSupergraph(sdl);
 * if (result.ok) console.log(result.supergraph.subgraphs.map((s) => s.name));
 */
export function readSupergraph(sdl: string | DocumentNode): ReadSupergraphResult {
  const errors: Diagnostic[] = [];
  const fail = (message: string): void => {
    errors.push(createDiagnostic('INVALID_FEDERATION_SUPERGRAPH', message));
  };
  let document: DocumentNode;
  if (typeof sdl === 'string') {
    try {
      document = parse(sdl);
    } catch (error) {
      fail(`The supergraph does not parse: ${(error as Error).message}`);
      return { ok: false, errors };
    }
  } else {
    document = sdl;
  }

  const linked = readLinkedFeatures(document);
  if (!linked) {
    fail(
      'Invalid supergraph: it is not a core schema (no @link or @core bootstrap on the schema).',
    );
    return { ok: false, errors };
  }
  const join = linked.features.find((f) => f.name === 'join');
  if (!join) {
    fail('Invalid supergraph: it does not link the join spec (https://specs.apollo.dev/join).');
    return { ok: false, errors };
  }
  if (!JOIN_VERSIONS.has(join.version)) {
    fail(`Invalid supergraph: join spec version v${join.version} is not supported (v0.1 to v0.5).`);
    return { ok: false, errors };
  }
  const j = join.prefix;
  const joinField = `${j}__field`;
  const joinVersion = join.version;
  const inaccessibleName = linked.features.find((f) => f.name === 'inaccessible')?.prefix;
  // `@context` is the context feature's own directive: named by its prefix (`@context`, or the
  // `as:` name).
  const contextName = linked.features.find((f) => f.name === 'context')?.prefix;
  const featurePrefixes = linked.features.map((f) => `${f.prefix}__`);
  const isInaccessible = (directives: readonly ConstDirectiveNode[] | undefined): boolean =>
    inaccessibleName !== undefined && !!directives?.some((d) => d.name.value === inaccessibleName);

  // Collect definitions and extensions per type name.
  const raw = new Map<string, RawType>();
  const schemaOps: Partial<Record<'query' | 'mutation' | 'subscription', string>> = {};
  let sawSchemaOps = false;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.SCHEMA_DEFINITION || definition.kind === Kind.SCHEMA_EXTENSION) {
      for (const op of definition.operationTypes ?? []) {
        schemaOps[op.operation] = op.type.name.value;
        sawSchemaOps = true;
      }
      continue;
    }
    const kind = namedTypeKind(definition.kind);
    if (!kind || !('name' in definition) || !definition.name) continue;
    const name = definition.name.value;
    if (featurePrefixes.some((p) => name.startsWith(p))) continue;
    let entry = raw.get(name);
    if (!entry) {
      entry = { name, kind, directives: [], fields: [], interfaces: [], members: [], values: [] };
      raw.set(name, entry);
    }
    const d = definition as {
      directives?: readonly ConstDirectiveNode[];
      fields?: readonly (FieldDefinitionNode | InputValueDefinitionNode)[];
      interfaces?: readonly { name: { value: string } }[];
      types?: readonly { name: { value: string } }[];
      values?: readonly { name: { value: string }; directives?: readonly ConstDirectiveNode[] }[];
    };
    entry.directives.push(...(d.directives ?? []));
    entry.fields.push(...(d.fields ?? []));
    entry.interfaces.push(...(d.interfaces ?? []).map((i) => i.name.value));
    entry.members.push(...(d.types ?? []).map((t) => t.name.value));
    entry.values.push(
      ...(d.values ?? []).map((v) => ({ name: v.name.value, directives: v.directives ?? [] })),
    );
  }

  // The subgraphs, from `enum join__Graph`.
  const graphEnum = document.definitions.find(
    (d) => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === `${j}__Graph`,
  );
  if (graphEnum?.kind !== Kind.ENUM_TYPE_DEFINITION) {
    fail(`Invalid supergraph: it has no enum ${j}__Graph listing the subgraphs.`);
    return { ok: false, errors };
  }
  const subgraphs: SupergraphSubgraph[] = [];
  const byEnum = new Map<string, string>();
  for (const value of graphEnum.values ?? []) {
    const applied = value.directives?.find((d) => d.name.value === `${j}__graph`);
    const name = applied ? argumentValue(applied, 'name') : undefined;
    const url = applied ? argumentValue(applied, 'url') : undefined;
    if (typeof name !== 'string') {
      fail(
        `Invalid supergraph: value ${value.name.value} of ${j}__Graph has no @${j}__graph(name:).`,
      );
      continue;
    }
    subgraphs.push({ enumValue: value.name.value, name, url: typeof url === 'string' ? url : '' });
    byEnum.set(value.name.value, name);
  }
  const allGraphs = subgraphs.map((s) => s.name);
  // Where a directive is (`Type` or `Type.field`), for messages: built only on failure.
  const at = (typeName: string, fieldName: string | undefined): string =>
    fieldName === undefined ? typeName : `${typeName}.${fieldName}`;
  const graphOf = (
    directive: ConstDirectiveNode,
    typeName: string,
    fieldName?: string,
    value: unknown = argumentValue(directive, 'graph'),
  ): string | undefined => {
    if (value === undefined || value === null) return undefined;
    const name = typeof value === 'string' ? byEnum.get(value) : undefined;
    if (name === undefined)
      fail(
        `Invalid supergraph: @${directive.name.value} on ${at(typeName, fieldName)} names unknown graph ${String(value)}.`,
      );
    return name;
  };
  const fieldSets = new Map<string, FieldSet>();
  const fieldSetOf = (
    directive: ConstDirectiveNode,
    arg: string,
    typeName: string,
    fieldName?: string,
    value: unknown = argumentValue(directive, arg),
  ): FieldSet | undefined => {
    if (typeof value !== 'string') return undefined;
    // Keys repeat (`id` on thousands of types): parse each distinct FieldSet once. Sharing the
    // parsed object also lets walkers memoise per selection.
    let fieldSet = fieldSets.get(value);
    if (!fieldSet) {
      fieldSet = parseFieldSet(value);
      if (fieldSet) fieldSets.set(value, fieldSet);
    }
    if (!fieldSet)
      fail(
        `Invalid supergraph: ${arg} "${value}" of @${directive.name.value} on ${at(typeName, fieldName)} is not a valid field set.`,
      );
    return fieldSet;
  };

  const types = new Map<string, SupergraphType>();
  for (const t of raw.values()) {
    const byGraph = readTypeGraphs(t);
    types.set(t.name, {
      name: t.name,
      kind: t.kind,
      inaccessible: isInaccessible(t.directives),
      subgraphs: byGraph,
      fields: new Map(),
      interfaces: t.interfaces,
      unionMembers: t.members,
      enumValues: t.values.map((v) => ({
        name: v.name,
        inaccessible: isInaccessible(v.directives),
      })),
      contexts:
        contextName === undefined
          ? []
          : t.directives.flatMap((d) => {
              const name = d.name.value === contextName ? argumentValue(d, 'name') : undefined;
              return typeof name === 'string' ? [name] : [];
            }),
    });
  }
  // Second pass: fields and per-graph memberships need every type's graphs.
  for (const t of raw.values()) {
    const type = types.get(t.name) as SupergraphType;
    const owner = t.directives.find((d) => d.name.value === `${j}__owner`);
    const ownerGraph = owner ? graphOf(owner, t.name) : undefined;
    const fields = type.fields as Map<string, SupergraphField>;
    for (const f of t.fields) {
      fields.set(f.name.value, readField(t, type, f, ownerGraph));
    }
    fillMemberships(t, type, types);
  }

  function readTypeGraphs(t: RawType): Map<string, TypeInSubgraph> {
    const entries = t.directives.filter((d) => d.name.value === `${j}__type`);
    const byGraph = new Map<string, TypeInSubgraph>();
    type Entry = { -readonly [K in keyof TypeInSubgraph]: TypeInSubgraph[K] };
    const ensure = (graph: string): Entry => {
      let entry = byGraph.get(graph) as Entry | undefined;
      if (!entry) {
        entry = {
          subgraph: graph,
          keys: EMPTY,
          extension: false,
          isInterfaceObject: false,
          interfaces: EMPTY,
          unionMembers: EMPTY,
          enumValues: EMPTY,
        };
        byGraph.set(graph, entry);
      }
      return entry;
    };
    if (entries.length === 0) {
      // Fed 1 (join v0.1) marks only entities; other types live wherever they are used. Without
      // that analysis the safe reading is "every subgraph has it".
      for (const graph of allGraphs) ensure(graph);
      return byGraph;
    }
    for (const directive of entries) {
      const graph = graphOf(directive, t.name);
      if (graph === undefined) continue;
      const entry = ensure(graph);
      const extension = argumentValue(directive, 'extension') === true;
      if (extension) entry.extension = true;
      if (argumentValue(directive, 'isInterfaceObject') === true) entry.isInterfaceObject = true;
      const key = fieldSetOf(directive, 'key', t.name);
      if (key) {
        entry.keys = [
          ...entry.keys,
          { fields: key, resolvable: argumentValue(directive, 'resolvable') !== false, extension },
        ];
      }
    }
    return byGraph;
  }

  function readField(
    t: RawType,
    type: SupergraphType,
    f: FieldDefinitionNode | InputValueDefinitionNode,
    ownerGraph: string | undefined,
  ): SupergraphField {
    const fieldName = f.name.value;
    const printed = printType(f.type);
    const subgraphsOfField = new Map<string, FieldInSubgraph>();
    let joined = false;
    for (const directive of f.directives ?? []) {
      if (directive.name.value !== joinField) continue;
      joined = true;
      // One pass over the arguments (this runs for every field of every subgraph).
      let graphValue: unknown;
      let fieldType: unknown;
      let requiresValue: unknown;
      let providesValue: unknown;
      let override: unknown;
      let overrideLabel: unknown;
      let context: unknown;
      let external: unknown;
      let usedOverridden: unknown;
      for (const argument of directive.arguments ?? []) {
        const value = argument.value;
        switch (argument.name.value) {
          case 'graph':
            graphValue = constValue(value);
            break;
          case 'type':
            fieldType = constValue(value);
            break;
          case 'requires':
            requiresValue = constValue(value);
            break;
          case 'provides':
            providesValue = constValue(value);
            break;
          case 'override':
            override = constValue(value);
            break;
          case 'overrideLabel':
            overrideLabel = constValue(value);
            break;
          case 'contextArguments':
            context = constValue(value);
            break;
          case 'external':
            external = constValue(value);
            break;
          case 'usedOverridden':
            usedOverridden = constValue(value);
            break;
        }
      }
      const graph = graphOf(directive, t.name, fieldName, graphValue);
      if (graph === undefined) continue; // a bare @join__field: reached through @interfaceObject only
      const requires = fieldSetOf(directive, 'requires', t.name, fieldName, requiresValue);
      const provides = fieldSetOf(directive, 'provides', t.name, fieldName, providesValue);
      subgraphsOfField.set(graph, {
        subgraph: graph,
        type: typeof fieldType === 'string' ? fieldType : printed,
        external: external === true,
        ...(requires ? { requires } : NONE),
        ...(provides ? { provides } : NONE),
        ...(typeof override === 'string' ? { override } : NONE),
        ...(typeof overrideLabel === 'string' ? { overrideLabel } : NONE),
        usedOverridden: usedOverridden === true,
        contextArguments: Array.isArray(context)
          ? (context as ContextArgument[])
          : NO_CONTEXT_ARGUMENTS,
      });
    }
    if (!joined) {
      const graphs = ownerGraph !== undefined ? [ownerGraph] : type.subgraphs.keys();
      for (const graph of graphs) {
        subgraphsOfField.set(graph, {
          subgraph: graph,
          type: printed,
          external: false,
          usedOverridden: false,
          contextArguments: NO_CONTEXT_ARGUMENTS,
        });
      }
    }
    const args: readonly SupergraphArgument[] =
      f.kind === Kind.FIELD_DEFINITION && f.arguments && f.arguments.length > 0
        ? f.arguments.map((a) => ({
            name: a.name.value,
            type: a.type,
            inaccessible: isInaccessible(a.directives),
          }))
        : EMPTY;
    return {
      name: f.name.value,
      type: f.type,
      namedType: namedTypeOf(f.type),
      args,
      inaccessible: isInaccessible(f.directives),
      subgraphs: subgraphsOfField,
    };
  }

  function fillMemberships(
    t: RawType,
    type: SupergraphType,
    all: Map<string, SupergraphType>,
  ): void {
    const byGraph = type.subgraphs as Map<
      string,
      { -readonly [K in keyof TypeInSubgraph]: TypeInSubgraph[K] }
    >;
    const has = (typeName: string, graph: string): boolean =>
      !!all.get(typeName)?.subgraphs.has(graph);
    const push = (
      graph: string,
      list: 'interfaces' | 'unionMembers' | 'enumValues',
      name: string,
    ): void => {
      const entry = byGraph.get(graph);
      if (entry) entry[list] = [...entry[list], name];
    };
    if (type.kind === 'OBJECT' || type.kind === 'INTERFACE') {
      const applied = t.directives.filter((d) => d.name.value === `${j}__implements`);
      if (applied.length === 0 && joinVersion === '0.1') {
        // join v0.1 has no join__implements: assume it wherever both types exist.
        for (const graph of byGraph.keys()) {
          for (const i of t.interfaces) if (has(i, graph)) push(graph, 'interfaces', i);
        }
      }
      for (const d of applied) {
        const graph = graphOf(d, t.name);
        const name = argumentValue(d, 'interface');
        if (graph !== undefined && typeof name === 'string') push(graph, 'interfaces', name);
      }
    } else if (type.kind === 'UNION') {
      const applied = t.directives.filter((d) => d.name.value === `${j}__unionMember`);
      if (applied.length === 0) {
        for (const graph of byGraph.keys()) {
          for (const m of t.members) if (has(m, graph)) push(graph, 'unionMembers', m);
        }
      }
      for (const d of applied) {
        const graph = graphOf(d, t.name);
        const name = argumentValue(d, 'member');
        if (graph !== undefined && typeof name === 'string') push(graph, 'unionMembers', name);
      }
    } else if (type.kind === 'ENUM') {
      for (const v of t.values) {
        const applied = v.directives.filter((d) => d.name.value === `${j}__enumValue`);
        const graphs =
          applied.length === 0
            ? [...byGraph.keys()]
            : applied.map((d) => graphOf(d, t.name, v.name));
        for (const graph of graphs) if (graph !== undefined) push(graph, 'enumValues', v.name);
      }
    }
  }

  if (errors.length > 0) return { ok: false, errors };

  const roots: SupergraphRoots = sawSchemaOps
    ? schemaOps
    : Object.fromEntries(
        (['query', 'mutation', 'subscription'] as const)
          .map((op) => [op, op[0]?.toUpperCase() + op.slice(1)] as const)
          .filter(([, name]) => types.get(name)?.kind === 'OBJECT'),
      );
  const implementations = new Map<string, string[]>();
  for (const type of types.values()) {
    if (type.kind !== 'OBJECT') continue;
    for (const i of type.interfaces) {
      const list = implementations.get(i);
      if (list) list.push(type.name);
      else implementations.set(i, [type.name]);
    }
  }
  const supergraph: SupergraphModel = {
    bootstrap: linked.bootstrap,
    joinVersion: join.version,
    features: linked.features,
    subgraphs,
    roots,
    types,
    implementations,
    document,
  };
  return { ok: true, supergraph };
}

/** Prints a type reference (`[User!]!`). */
export function printType(type: TypeNode): string {
  switch (type.kind) {
    case Kind.NAMED_TYPE:
      return type.name.value;
    case Kind.LIST_TYPE:
      return `[${printType(type.type)}]`;
    case Kind.NON_NULL_TYPE:
      return `${printType(type.type)}!`;
  }
}

/** The named type at the bottom of a type reference. */
export function namedTypeOf(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeOf(type.type);
}

/** The named type of a printed type reference (`[User!]!` gives `User`). */
export function namedTypeOfPrinted(type: string): string {
  return type.replace(/[[\]!\s]/g, '');
}
