import { parseFeatureUrl } from '@orrery/core';
import type { DirectiveDefinitionNode, DirectiveNode } from 'graphql';
import type { SupergraphFeatures } from '../print/index.js';
import { BUILT_IN_DIRECTIVES } from '../subgraph/specs.js';
import type { SubgraphState } from '../subgraph/state.js';
import type { SupergraphContext } from './context.js';

/** What `@composeDirective` keeps: for the mergers (by name) and for the printer's preamble. */
export interface ComposedDirectives {
  /**
   * Supergraph name (no `@`) to whether the directive is repeatable, and whether its definition
   * has `@inaccessible` arguments (the supergraph then links the inaccessible spec, whose rules
   * reject that: DISALLOWED_INACCESSIBLE, as in Apollo).
   */
  readonly byName: ReadonlyMap<
    string,
    {
      readonly repeatable: boolean;
      readonly hidesArguments: boolean;
      /** The subgraphs composing it (applications elsewhere are dropped, as in Apollo). */
      readonly graphs: ReadonlySet<string>;
    }
  >;
  readonly features: SupergraphFeatures['composedDirectives'];
}

interface Composition {
  readonly graph: string;
  /** Local (and supergraph) name, without `@`. */
  readonly name: string;
  /** The name the spec gives it. */
  readonly specName: string;
  readonly identity: string;
  readonly url: string;
  readonly major: number;
  readonly minor: number;
  readonly definition: DirectiveDefinitionNode;
  readonly node: DirectiveNode;
  readonly hidesArguments: boolean;
}

/**
 * Reads every subgraph's `@composeDirective`s and checks them: the name has its `@`, is defined,
 * is not a federation or built-in directive, comes from a `@link`ed spec, and every subgraph
 * composing it links the same spec, with one major version, under one name. The supergraph keeps
 * the definition from the (last) subgraph linking the highest version (without its description).
 * Composing a federation directive the supergraph keeps anyway (`@tag`, ...) is only a hint.
 * Raises: DIRECTIVE_COMPOSITION_ERROR; hints DIRECTIVE_COMPOSITION_INFO, DIRECTIVE_COMPOSITION_WARN.
 */
export function collectComposedDirectives(context: SupergraphContext): ComposedDirectives {
  const found: Composition[] = [];
  for (const s of context.state.subgraphs) {
    for (const application of s.links.composeDirectives) {
      const c = readComposition(context, s, application.name, application.node);
      if (c) found.push(c);
    }
  }

  const byName = new Map<string, Composition[]>();
  for (const c of found) {
    const list = byName.get(c.name);
    if (list) list.push(c);
    else byName.set(c.name, [c]);
  }
  const ok: Composition[][] = [];
  const failedIdentities = new Set<string>();
  for (const [name, list] of byName) {
    if (new Set(list.map((c) => c.identity)).size > 1) {
      context.report(
        'DIRECTIVE_COMPOSITION_ERROR',
        `Composed directive "@${name}" is not linked by the same core feature in every subgraph`,
        list.map((c) => [c.graph, c.node] as const),
      );
      continue;
    }
    const identity = list[0]!.identity;
    if (new Set(list.map((c) => c.major)).size > 1) {
      if (!failedIdentities.has(identity)) {
        failedIdentities.add(identity);
        context.report(
          'DIRECTIVE_COMPOSITION_ERROR',
          `Core feature "${identity}" requested to be merged has major version mismatch across subgraphs`,
          list.map((c) => [c.graph, c.node] as const),
        );
      }
      continue;
    }
    ok.push(list);
  }
  majorVersionHints(context, failedIdentities);
  // One spec directive, one supergraph name.
  const namesBySpecDirective = new Map<string, Set<string>>();
  for (const list of ok) {
    const key = `${list[0]!.identity}#${list[0]!.specName}`;
    const names = namesBySpecDirective.get(key) ?? new Set();
    names.add(list[0]!.name);
    namesBySpecDirective.set(key, names);
  }
  const features: SupergraphFeatures['composedDirectives'][number][] = [];
  const repeatable = new Map<
    string,
    { repeatable: boolean; hidesArguments: boolean; graphs: ReadonlySet<string> }
  >();
  for (const list of ok) {
    const first = list[0]!;
    const names = namesBySpecDirective.get(`${first.identity}#${first.specName}`)!;
    if (names.size > 1) {
      context.report(
        'DIRECTIVE_COMPOSITION_ERROR',
        `Composed directive "@${first.specName}" of core feature "${first.identity}" is composed under different names across subgraphs: ${[...names].map((n) => `"@${n}"`).join(', ')}`,
        list.map((c) => [c.graph, c.node] as const),
      );
      continue;
    }
    namingHint(context, list);
    // The highest version a composing subgraph links; the definition is that of the last
    // subgraph (in name order) linking that version, composing the directive or not, as Apollo.
    const latest = list.reduce((a, b) => (b.minor >= a.minor ? b : a));
    const { description: _dropped, ...definition } = definitionAt(context, latest);
    features.push({
      url: latest.url,
      name: first.name,
      definition,
      ...(first.specName !== first.name ? { originalName: first.specName } : {}),
    });
    repeatable.set(first.name, {
      repeatable: definition.repeatable,
      hidesArguments: latest.hidesArguments,
      graphs: new Set(list.map((c) => c.graph)),
    });
  }
  return { byName: repeatable, features };
}

/**
 * The definition of a composed directive in the last subgraph linking its feature at the version
 * `latest` links (under the supergraph name).
 */
function definitionAt(context: SupergraphContext, latest: Composition): DirectiveDefinitionNode {
  let found = latest.definition;
  for (const s of context.state.subgraphs) {
    for (const link of s.links.foreign) {
      const parsed = parseFeatureUrl(link.url);
      if (parsed?.identity !== latest.identity || parsed.major !== latest.major) continue;
      if (parsed.minor !== latest.minor) continue;
      const local = [...link.directives].find(([, spec]) => spec === latest.specName)?.[0];
      const definition = local === undefined ? undefined : s.directiveDefinitions.get(local);
      if (definition) found = { ...definition, name: { ...definition.name, value: latest.name } };
    }
  }
  return found;
}

/** Federation directives the supergraph keeps anyway: composing them is pointless, not wrong. */
const COMPOSED_BY_DEFAULT: ReadonlySet<string> = new Set([
  'tag',
  'inaccessible',
  'authenticated',
  'requiresScopes',
  'policy',
  'context',
]);

/**
 * DIRECTIVE_COMPOSITION_INFO for a linked (custom) feature whose major version differs between
 * subgraphs, when none of its directives is composed across that mismatch (that is an error).
 */
function majorVersionHints(
  context: SupergraphContext,
  failedIdentities: ReadonlySet<string>,
): void {
  const byIdentity = new Map<string, { majors: Set<number>; sites: [string, DirectiveNode][] }>();
  for (const s of context.state.subgraphs) {
    for (const link of s.links.foreign) {
      const parsed = parseFeatureUrl(link.url);
      if (!parsed) continue;
      const entry = byIdentity.get(parsed.identity) ?? { majors: new Set(), sites: [] };
      entry.majors.add(parsed.major);
      entry.sites.push([s.name, link.node]);
      byIdentity.set(parsed.identity, entry);
    }
  }
  for (const [identity, { majors, sites }] of byIdentity) {
    if (majors.size < 2 || failedIdentities.has(identity)) continue;
    context.hint(
      'DIRECTIVE_COMPOSITION_INFO',
      `Non-composed core feature "${identity}" has major version mismatch across subgraphs`,
      sites,
    );
  }
}

/**
 * DIRECTIVE_COMPOSITION_WARN when a subgraph that links a composed directive's feature without
 * composing it imports the directive under another name: composing it there later would clash.
 */
function namingHint(context: SupergraphContext, list: readonly Composition[]): void {
  const first = list[0]!;
  const composing = new Set(list.map((c) => c.graph));
  const sites: [string, DirectiveNode][] = [];
  for (const s of context.state.subgraphs) {
    if (composing.has(s.name)) continue;
    for (const link of s.links.foreign) {
      if (parseFeatureUrl(link.url)?.identity !== first.identity) continue;
      for (const [local, specName] of link.directives) {
        if (specName === first.specName && local !== first.name) sites.push([s.name, link.node]);
      }
    }
  }
  if (sites.length === 0) return;
  context.hint(
    'DIRECTIVE_COMPOSITION_WARN',
    `Composed directive "@${first.name}" is named differently in a subgraph that doesn't export it. Consistent naming will be required to export it.`,
    sites,
  );
}

function readComposition(
  context: SupergraphContext,
  s: SubgraphState,
  written: string | undefined,
  node: DirectiveNode,
): Composition | undefined {
  const site = [[s.name, node] as const];
  if (written === undefined) return undefined;
  if (!written.startsWith('@')) {
    context.report(
      'DIRECTIVE_COMPOSITION_ERROR',
      `Argument to @composeDirective "${written}" in subgraph "${s.name}" must have a leading "@"`,
      site,
    );
    return undefined;
  }
  const name = written.slice(1);
  const canonical = s.links.directives.get(name);
  if (canonical !== undefined && COMPOSED_BY_DEFAULT.has(canonical)) {
    context.hint(
      'DIRECTIVE_COMPOSITION_INFO',
      `Directive "${written}" should not be explicitly manually composed since it is a federation directive composed by default`,
      site,
    );
    return undefined;
  }
  if (canonical !== undefined) {
    context.report(
      'DIRECTIVE_COMPOSITION_ERROR',
      `Composing federation directive "${written}" in subgraph "${s.name}" is not supported`,
      site,
    );
    return undefined;
  }
  const definition = s.directiveDefinitions.get(name);
  if (!definition && !BUILT_IN_DIRECTIVES.has(name)) {
    context.report(
      'DIRECTIVE_COMPOSITION_ERROR',
      `Could not find matching directive definition for argument to @composeDirective "${written}" in subgraph "${s.name}".`,
      site,
    );
    return undefined;
  }
  const link = s.links.foreign.find(
    (f) => f.directives.has(name) || name.startsWith(`${f.prefix}__`) || name === f.prefix,
  );
  const parsed = link ? parseFeatureUrl(link.url) : undefined;
  if (!definition || !link || !parsed) {
    context.report(
      'DIRECTIVE_COMPOSITION_ERROR',
      `Directive "${written}" in subgraph "${s.name}" cannot be composed because it is not a member of a core feature`,
      site,
    );
    return undefined;
  }
  const specName =
    link.directives.get(name) ??
    (name === link.prefix ? link.name : name.slice(link.prefix.length + 2));
  return {
    graph: s.name,
    name,
    specName,
    identity: parsed.identity,
    url: `${parsed.identity}/v${parsed.version}`,
    major: parsed.major,
    minor: parsed.minor,
    definition,
    node,
    hidesArguments: (definition.arguments ?? []).some((arg) =>
      arg.directives?.some((d) => s.links.directives.get(d.name.value) === 'inaccessible'),
    ),
  };
}
