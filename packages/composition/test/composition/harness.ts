import { composeServices } from '@apollo/composition';
import { Kind, parse, print, type DefinitionNode } from 'graphql';
import { expect } from 'vitest';
import { composeSubgraphs, mergeSubgraphs, toSupergraphDocument } from '../../src/compose.js';
import { printSupergraphSdl } from '../../src/print/index.js';

/** A subgraph for tests: name and SDL; the URL is derived. */
export interface TestSubgraph {
  readonly name: string;
  readonly sdl: string;
}

const FED2 = (imports: string, version = '2.3') =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v${version}", import: [${imports}])\n`;

/** Prefixes an SDL with a federation 2 `@link` importing the given directives. */
export function fed2(sdl: string, imports: readonly string[], version = '2.3'): string {
  return FED2(imports.map((i) => `"${i}"`).join(', '), version) + sdl;
}

const isMetadata = (name: string) =>
  /^(join|link|federation|tag|inaccessible|authenticated|requiresScopes|policy|cost|context)__/.test(
    name,
  );

/** The type definitions of a supergraph, printed one by one and keyed by name. */
function typeDefinitions(definitions: readonly DefinitionNode[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const def of definitions) {
    if (def.kind === Kind.SCHEMA_DEFINITION || def.kind === Kind.DIRECTIVE_DEFINITION) continue;
    if (!('name' in def) || !def.name || isMetadata(def.name.value)) continue;
    out.set(def.name.value, print(def));
  }
  return out;
}

/**
 * Composes with Orrery and with `@apollo/composition`, expects both to succeed, and compares
 * every type definition (with its `@join__*` metadata) printed by graphql-js. Satisfiability is
 * off on our side (it lands separately).
 */
export function expectSameSupergraph(subgraphs: readonly TestSubgraph[]): void {
  const ours = mergeSubgraphs(
    subgraphs.map((s) => ({ name: s.name, url: `http://${s.name}`, sdl: s.sdl })),
    { runSatisfiability: false },
  );
  const apollo = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: `http://${s.name}`, typeDefs: parse(s.sdl) })),
  );
  expect(apollo.errors?.map((e) => e.message) ?? []).toEqual([]);
  expect(ours.ok ? [] : ours.errors.map((e) => `${e.code} ${e.message}`)).toEqual([]);
  if (!ours.ok || !apollo.supergraphSdl) return;
  const expected = typeDefinitions(parse(apollo.supergraphSdl).definitions);
  const actual = typeDefinitions(ours.merged.definitions);
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [typeName, printed] of expected) {
    expect(actual.get(typeName), typeName).toBe(printed);
  }
  // And the whole printed supergraph, preamble included.
  expect(printSupergraphSdl(toSupergraphDocument(ours.merged))).toBe(apollo.supergraphSdl);
}

/** Expects both implementations to give `code` as a hint, at the same level and with the same message. */
export function expectHint(code: string, subgraphs: readonly TestSubgraph[]): void {
  const apollo = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: `http://${s.name}`, typeDefs: parse(s.sdl) })),
    // Hints come from merging: satisfiability (off on our side too) only adds errors.
    { runSatisfiability: false },
  );
  const theirs = (apollo.hints ?? [])
    .filter((h) => h.definition.code === code)
    .map((h) => `${h.definition.level.name.toLowerCase()} ${h.message}`);
  const result = composeSubgraphs(
    subgraphs.map((s) => ({ name: s.name, url: `http://${s.name}`, sdl: s.sdl })),
    { runSatisfiability: false },
  );
  const ours = result.hints.filter((h) => h.code === code);
  expect(theirs.length).toBeGreaterThan(0);
  expect(ours.map((h) => `${h.level} ${h.message}`)).toEqual(theirs);
  for (const h of ours) expect(h.subgraphs.length).toBeGreaterThan(0);
}
