import {
  JOIN_SPEC,
  LINK_SPEC,
  SUPERGRAPH_FEATURE_LINKS,
  SUPERGRAPH_LINK_VERSION,
  compareVersions,
  findSpecVersion,
  joinVersionForFederation,
  parseFeatureUrl,
  specUrl,
} from '@orrery/core';
import type { LinkedSpec, LinkPurpose, SpecVersion } from '@orrery/core';
import type {
  ConstArgumentNode,
  ConstDirectiveNode,
  ConstValueNode,
  DefinitionNode,
  DirectiveDefinitionNode,
  EnumTypeDefinitionNode,
  EnumValueDefinitionNode,
  NameNode,
  OperationTypeDefinitionNode,
  SchemaDefinitionNode,
  TypeDefinitionNode,
} from 'graphql';
import { Kind, OperationTypeNode, parse } from 'graphql';

import type { SupergraphFeatures, SupergraphGraph, SupergraphRoots } from './types.js';

// Spec SDL is parsed once per process; the nodes are shared (AST nodes are read-only).
const parsed = new Map<string, DefinitionNode>();

function definitionOf(sdl: string): DefinitionNode {
  let node = parsed.get(sdl);
  if (node === undefined) {
    const [first] = parse(sdl, { noLocation: true }).definitions;
    if (first === undefined) throw new Error(`empty spec definition: ${sdl}`);
    node = first;
    parsed.set(sdl, node);
  }
  return node;
}

const name = (value: string): NameNode => ({ kind: Kind.NAME, value });
const str = (value: string): ConstValueNode => ({ kind: Kind.STRING, value });
const enumValue = (value: string): ConstValueNode => ({ kind: Kind.ENUM, value });

function directive(directiveName: string, args: [string, ConstValueNode][]): ConstDirectiveNode {
  return {
    kind: Kind.DIRECTIVE,
    name: name(directiveName),
    arguments: args.map(([argName, value]): ConstArgumentNode => ({
      kind: Kind.ARGUMENT,
      name: name(argName),
      value,
    })),
  };
}

/** One `@link(url:, for:, import:)` of the schema definition. */
function linkDirective(
  url: string,
  purpose: LinkPurpose | undefined,
  imports: readonly ConstValueNode[],
): ConstDirectiveNode {
  const args: [string, ConstValueNode][] = [['url', str(url)]];
  if (purpose !== undefined) args.push(['for', enumValue(purpose)]);
  if (imports.length > 0) args.push(['import', { kind: Kind.LIST, values: imports }]);
  return directive('link', args);
}

/** `"@name"` when the supergraph name is the spec's, `{name: "@x", as: "@y"}` otherwise. */
function importEntry(specName: string, supergraphName: string): ConstValueNode {
  if (specName === supergraphName) return str(`@${specName}`);
  return {
    kind: Kind.OBJECT,
    fields: [
      { kind: Kind.OBJECT_FIELD, name: name('name'), value: str(`@${specName}`) },
      { kind: Kind.OBJECT_FIELD, name: name('as'), value: str(`@${supergraphName}`) },
    ],
  };
}

function specVersion(spec: LinkedSpec, version: string): SpecVersion {
  const found = findSpecVersion(spec, version);
  if (found === undefined) throw new Error(`unknown ${spec.name} version ${version}`);
  return found;
}

function renamed(node: DirectiveDefinitionNode, newName: string): DirectiveDefinitionNode {
  return node.name.value === newName ? node : { ...node, name: name(newName) };
}

/** Everything one linked spec contributes: its `@link`, directive and type definitions. */
interface SpecContribution {
  link: ConstDirectiveNode;
  directives: DirectiveDefinitionNode[];
  types: TypeDefinitionNode[];
}

/**
 * Links a spec version. `names` maps a directive's in-spec name to its supergraph name; a
 * directive absent from it keeps the default name (bare for the root directive, else prefixed).
 * Every directive whose supergraph name differs from the default is listed in `import:`.
 */
function linkSpec(
  spec: LinkedSpec,
  version: string,
  names: ReadonlyMap<string, string>,
  withDefinitions: boolean,
): SpecContribution {
  const definitions = specVersion(spec, version);
  const imports: ConstValueNode[] = [];
  const directives: DirectiveDefinitionNode[] = [];
  for (const d of definitions.directives) {
    const defaultName = d.name === spec.name ? d.name : `${spec.name}__${d.name}`;
    const supergraphName = names.get(d.name) ?? defaultName;
    if (supergraphName !== defaultName) imports.push(importEntry(d.name, supergraphName));
    if (withDefinitions) {
      directives.push(renamed(definitionOf(d.sdl) as DirectiveDefinitionNode, supergraphName));
    }
  }
  const types = withDefinitions
    ? definitions.types.map((t) => definitionOf(t.sdl) as TypeDefinitionNode)
    : [];
  return { link: linkDirective(specUrl(spec, version), spec.purpose, imports), directives, types };
}

function graphEnum(graphs: readonly SupergraphGraph[]): EnumTypeDefinitionNode {
  const sorted = [...graphs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    kind: Kind.ENUM_TYPE_DEFINITION,
    name: name('join__Graph'),
    directives: [],
    values: sorted.map((graph): EnumValueDefinitionNode => ({
      kind: Kind.ENUM_VALUE_DEFINITION,
      name: name(graph.enumValue),
      directives: [
        directive('join__graph', [
          ['name', str(graph.name)],
          ['url', str(graph.url)],
        ]),
      ],
    })),
  };
}

/** The `@link`s of `@composeDirective` specs: one per spec identity, highest version, in first-seen order. */
function composedDirectiveLinks(features: SupergraphFeatures): ConstDirectiveNode[] {
  const bySpec = new Map<
    string,
    { version: string; specName: string; imports: ConstValueNode[] }
  >();
  for (const composed of features.composedDirectives) {
    if (composed.url === undefined) continue;
    const url = parseFeatureUrl(composed.url);
    if (url === undefined) throw new Error(`not a spec URL: ${composed.url}`);
    let entry = bySpec.get(url.identity);
    if (entry === undefined) {
      entry = { version: url.version, specName: url.name, imports: [] };
      bySpec.set(url.identity, entry);
    } else if (compareVersions(url.version, entry.version) > 0) {
      entry.version = url.version;
    }
    // Without an explicit original name, `@<spec>__x` comes from the spec's `@x`.
    const prefix = `${url.name}__`;
    const original =
      composed.originalName ??
      (composed.name.startsWith(prefix) ? composed.name.slice(prefix.length) : composed.name);
    entry.imports.push(importEntry(original, composed.name));
  }
  return [...bySpec].map(([identity, { version, imports }]) =>
    linkDirective(`${identity}/v${version}`, undefined, imports),
  );
}

/**
 * The schema definition with its `@link`s, plus every directive and type definition of link,
 * join and the used specs (and the `@composeDirective` definitions), sorted as a supergraph
 * prints them. The composer adds its merged types and hands the whole document to
 * `printSupergraphSdl`.
 */
export function supergraphPreamble(
  features: SupergraphFeatures,
  graphs: readonly SupergraphGraph[],
  roots: SupergraphRoots,
): DefinitionNode[] {
  const names = new Map<string, string>(Object.entries(features.directiveNames ?? {}));
  const uses = features.uses as ReadonlySet<string>;
  // `@listSize` is imported as soon as a subgraph uses it, otherwise it stays `@cost__listSize`.
  if (uses.has('listSize') && !names.has('listSize')) names.set('listSize', 'listSize');

  const contributions: SpecContribution[] = [
    linkSpec(LINK_SPEC, SUPERGRAPH_LINK_VERSION, names, true),
    linkSpec(JOIN_SPEC, joinVersionForFederation(features.federationVersion), names, true),
  ];
  for (const feature of SUPERGRAPH_FEATURE_LINKS) {
    const used = uses.has(feature.feature) || (feature.feature === 'cost' && uses.has('listSize'));
    if (!used) continue;
    contributions.push(
      linkSpec(
        feature.spec,
        feature.version,
        names,
        feature.spec.definitionsViaJoinDirective !== true,
      ),
    );
  }

  const operationTypes: OperationTypeDefinitionNode[] = [];
  const operation = (op: OperationTypeNode, type: string | undefined) => {
    if (type === undefined) return;
    operationTypes.push({
      kind: Kind.OPERATION_TYPE_DEFINITION,
      operation: op,
      type: { kind: Kind.NAMED_TYPE, name: name(type) },
    });
  };
  operation(OperationTypeNode.QUERY, roots.query);
  operation(OperationTypeNode.MUTATION, roots.mutation);
  operation(OperationTypeNode.SUBSCRIPTION, roots.subscription);

  const schema: SchemaDefinitionNode = {
    kind: Kind.SCHEMA_DEFINITION,
    ...(roots.description === undefined
      ? {}
      : { description: { kind: Kind.STRING, value: roots.description, block: true } }),
    directives: [...contributions.map((c) => c.link), ...composedDirectiveLinks(features)],
    operationTypes,
  };

  const directives = contributions.flatMap((c) => c.directives);
  for (const composed of features.composedDirectives) directives.push(composed.definition);
  const types = contributions
    .flatMap((c) => c.types)
    .map((t) =>
      t.kind === Kind.ENUM_TYPE_DEFINITION && t.name.value === 'join__Graph'
        ? graphEnum(graphs)
        : t,
    );

  const byName = (a: { name: NameNode }, b: { name: NameNode }) =>
    collator.compare(a.name.value, b.name.value);
  return [schema, ...directives.sort(byName), ...types.sort(byName)];
}

const collator = new Intl.Collator('en');
