import {
  type ConstDirectiveNode,
  type ConstValueNode,
  type DocumentNode,
  Kind,
  type SchemaDefinitionNode,
  type SchemaExtensionNode,
} from 'graphql';
import type { SupergraphFeature } from './model.js';

/**
 * Finds the features a core schema links. Supergraphs bootstrap either the link spec
 * (`@link(url: ".../link/v1.0")`, fed 2) or the older core spec (`@core(feature: ".../core/v0.x")`,
 * fed 1 era); both may be renamed with `as:`, so the bootstrap directive is found by its URL.
 */
export interface LinkedFeatures {
  readonly bootstrap: 'link' | 'core';
  readonly features: readonly SupergraphFeature[];
}

const SPEC_URL = /^(?:https?:\/\/[^/]+(?:\/[^/]+)*)\/([A-Za-z_][\w-]*)\/v(\d+\.\d+)\/?$/;

/** Parses `https://specs.apollo.dev/join/v0.3` into its name and version. */
export function parseSpecUrl(url: string): { name: string; version: string } | undefined {
  const match = SPEC_URL.exec(url);
  if (!match?.[1] || !match[2]) return undefined;
  return { name: match[1], version: match[2] };
}

/** Reads an argument of a directive application as a plain JS value (strings, booleans, lists, objects). */
export function argumentValue(directive: ConstDirectiveNode, name: string): unknown {
  // A plain loop: called several times per directive on every field of a large supergraph,
  // where a `find` callback per call showed in build profiles.
  const args = directive.arguments;
  if (!args) return undefined;
  for (let i = 0; i < args.length; i++) {
    const argument = args[i] as (typeof args)[number];
    if (argument.name.value === name) return constValue(argument.value);
  }
  return undefined;
}

/** A directive argument's value as a plain JS value (strings, booleans, lists, objects). */
export function constValue(node: ConstValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.BOOLEAN:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map(constValue);
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, constValue(f.value)]));
  }
}

/** The directive applications on the schema definition and its extensions. */
export function schemaDirectives(document: DocumentNode): ConstDirectiveNode[] {
  const out: ConstDirectiveNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.SCHEMA_DEFINITION || definition.kind === Kind.SCHEMA_EXTENSION) {
      out.push(...((definition as SchemaDefinitionNode | SchemaExtensionNode).directives ?? []));
    }
  }
  return out;
}

/**
 * Finds the bootstrap directive and every feature it links; undefined when the schema is no core
 * schema (neither `@link` nor `@core` bootstraps itself).
 */
export function readLinkedFeatures(document: DocumentNode): LinkedFeatures | undefined {
  const directives = schemaDirectives(document);
  for (const [bootstrap, urlArgument] of [
    ['link', 'url'],
    ['core', 'feature'],
  ] as const) {
    // The bootstrap application links its own spec, under its own (possibly renamed) name.
    const self = directives.find((d) => {
      const url = argumentValue(d, urlArgument);
      const spec = typeof url === 'string' ? parseSpecUrl(url) : undefined;
      if (spec?.name !== bootstrap) return false;
      const as = argumentValue(d, 'as');
      return d.name.value === (typeof as === 'string' ? as : bootstrap);
    });
    if (!self) continue;
    const features: SupergraphFeature[] = [];
    for (const directive of directives) {
      if (directive.name.value !== self.name.value) continue;
      const url = argumentValue(directive, urlArgument);
      if (typeof url !== 'string') continue;
      const spec = parseSpecUrl(url);
      if (!spec) continue;
      const as = argumentValue(directive, 'as');
      const purpose = argumentValue(directive, 'for');
      features.push({
        url,
        name: spec.name,
        version: spec.version,
        prefix: typeof as === 'string' ? as : spec.name,
        ...(typeof purpose === 'string' ? { purpose } : {}),
      });
    }
    return { bootstrap, features };
  }
  return undefined;
}
