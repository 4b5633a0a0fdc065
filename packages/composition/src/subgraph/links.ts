import { Kind, type ConstValueNode, type DirectiveNode, type DocumentNode } from 'graphql';
import {
  FED1_DIRECTIVES,
  FEDERATION_DIRECTIVES,
  FEDERATION_TYPES,
  MAX_FEDERATION_MINOR,
  OTHER_SPECS,
} from './specs.js';

/** A `@link` to a spec composition does not know: kept for `@composeDirective`. */
export interface ForeignLink {
  readonly url: string;
  /** The spec name (next-to-last URL segment) and version. */
  readonly name: string;
  readonly version: string;
  /** Local directive name (no `@`) to the name the spec gives it. */
  readonly directives: ReadonlyMap<string, string>;
  /** The prefix of its non-imported directives (`@link(as:)`, else the spec name). */
  readonly prefix: string;
  readonly node: DirectiveNode;
}

/** A `@composeDirective(name:)` on the schema (`name` as written, normally with its `@`). */
export interface ComposeDirectiveApplication {
  readonly name: string | undefined;
  readonly node: DirectiveNode;
}

/** A problem found while reading `@link`s (the caller turns it into a diagnostic). */
export interface LinkProblem {
  readonly code:
    | 'UNKNOWN_FEDERATION_LINK_VERSION'
    | 'UNKNOWN_LINK_VERSION'
    | 'INVALID_LINK_IDENTIFIER'
    | 'INVALID_LINK_DIRECTIVE_USAGE';
  readonly message: string;
  readonly node: DirectiveNode;
}

/** How a subgraph names federation elements, resolved from its `@link`s. */
export interface LinkResolution {
  /** True when the schema links federation v2.x. */
  readonly isFed2: boolean;
  /** Federation 2 minor version in use (Fed 1 subgraphs count as 0), after implicit upgrades. */
  readonly minor: number;
  /** The minor version written in the federation `@link` (before implicit upgrades). */
  readonly linkedMinor: number;
  /** Local directive name (no `@`) to canonical name, for every federation-known directive. */
  readonly directives: ReadonlyMap<string, string>;
  /** Canonical directive name to the local name this subgraph uses for it. */
  readonly localDirectives: ReadonlyMap<string, string>;
  /** Local type name to canonical federation type name (`FieldSet`, `Scope`, ...). */
  readonly types: ReadonlyMap<string, string>;
  /** Specs linked on their own (tag, inaccessible, auth, cost, context). */
  readonly linkedSpecs: ReadonlySet<string>;
  readonly foreign: readonly ForeignLink[];
  /** The `@composeDirective`s of the schema, in document order. */
  readonly composeDirectives: readonly ComposeDirectiveApplication[];
  /** Local name prefix of the link spec itself (`link` unless renamed). */
  readonly linkPrefix: string;
  readonly problems: readonly LinkProblem[];
}

interface ParsedUrl {
  name: string;
  major: number;
  minor: number;
  version: string;
}

/** Parses `https://host/.../name/vX.Y` (ignoring a query string or trailing slash). */
export function parseSpecUrl(url: string): ParsedUrl | undefined {
  const path = url.split(/[?#]/)[0]?.replace(/\/+$/, '') ?? '';
  const parts = path.split('/');
  const version = parts[parts.length - 1] ?? '';
  const name = parts[parts.length - 2] ?? '';
  const m = /^v(\d+)\.(\d+)$/.exec(version);
  if (!m || !name) return undefined;
  return { name, major: Number(m[1]), minor: Number(m[2]), version };
}

function stringArg(node: DirectiveNode, name: string): string | undefined {
  const arg = node.arguments?.find((a) => a.name.value === name);
  return arg?.value.kind === Kind.STRING ? arg.value.value : undefined;
}

function argValue(node: DirectiveNode, name: string): ConstValueNode | undefined {
  return node.arguments?.find((a) => a.name.value === name)?.value as ConstValueNode | undefined;
}

function unknownImport(name: string, node: DirectiveNode): LinkProblem {
  return {
    code: 'INVALID_LINK_DIRECTIVE_USAGE',
    message: `Cannot import unknown element "${name}".`,
    node,
  };
}

/** `import:` entries as `[name, as]` pairs (both with their `@` when directives). */
function readImports(node: DirectiveNode, problems: LinkProblem[]): [string, string][] {
  const value = argValue(node, 'import');
  if (!value) return [];
  const items = value.kind === Kind.LIST ? value.values : [value];
  const out: [string, string][] = [];
  for (const item of items) {
    if (item.kind === Kind.STRING) {
      out.push([item.value, item.value]);
    } else if (item.kind === Kind.OBJECT) {
      const get = (n: string) => {
        const f = item.fields.find((x) => x.name.value === n);
        return f?.value.kind === Kind.STRING ? f.value.value : undefined;
      };
      const name = get('name');
      const as = get('as') ?? name;
      if (!name || !as) {
        problems.push({
          code: 'INVALID_LINK_DIRECTIVE_USAGE',
          message: 'Invalid @link import: an object entry needs a string "name"',
          node,
        });
        continue;
      }
      if (name.startsWith('@') !== as.startsWith('@')) {
        problems.push({
          code: 'INVALID_LINK_DIRECTIVE_USAGE',
          message: `Invalid @link import renaming: directive "${name}" imported name should start with a '@' and type "${name}" should not ("${as}")`,
          node,
        });
        continue;
      }
      out.push([name, as]);
    }
  }
  return out;
}

/** The `@link` applications on the schema definition and extensions, in document order. */
function schemaDirectives(document: DocumentNode): DirectiveNode[] {
  const out: DirectiveNode[] = [];
  for (const def of document.definitions) {
    if (def.kind === Kind.SCHEMA_DEFINITION || def.kind === Kind.SCHEMA_EXTENSION) {
      out.push(...(def.directives ?? []));
    }
  }
  return out;
}

const LINK_SPEC = 'https://specs.apollo.dev/link/';
const FEDERATION_SPEC = 'https://specs.apollo.dev/federation';

/** A linked spec other than link and federation: its prefix and identity (URL without version). */
interface OtherLink {
  readonly prefix: string;
  readonly identity: string;
  readonly node: DirectiveNode;
}

/**
 * A directive imported from federation under the name another linked spec's root directive has
 * (`import: ["@tag"]` next to `@link(url: ".../tag/v0.3")`) is ambiguous: Apollo refuses it.
 */
function importCollisions(
  federationImports: ReadonlySet<string>,
  otherLinks: readonly OtherLink[],
): LinkProblem[] {
  const problems: LinkProblem[] = [];
  for (const link of otherLinks) {
    if (!federationImports.has(link.prefix)) continue;
    const name = `@${link.prefix}`;
    problems.push({
      code: 'INVALID_LINK_DIRECTIVE_USAGE',
      message:
        link.prefix === 'tag' || link.prefix === 'inaccessible'
          ? `Please import "${name}" from the feature "${FEDERATION_SPEC}" instead of using "${link.identity}" to avoid potential unexpected behavior in the future.`
          : `Cannot import "${name}" from feature "${FEDERATION_SPEC}" since it can be confused with a namespaced name from another linked feature "${link.identity}". Please rename the import or feature to avoid conflicts via "as".`,
      node: link.node,
    });
  }
  return problems;
}

/**
 * The link spec has one version, v1.0. Linking another is UNKNOWN_LINK_VERSION; but when the
 * schema also links federation, which brings link v1.0 along, Apollo sees a second link of the
 * link spec instead (INVALID_LINK_DIRECTIVE_USAGE), and so do we.
 */
function linkSpecProblem(
  url: string,
  parsed: ParsedUrl,
  links: readonly DirectiveNode[],
  node: DirectiveNode,
): LinkProblem | undefined {
  if (!url.startsWith(LINK_SPEC) || (parsed.major === 1 && parsed.minor === 0)) return undefined;
  const linksFederation = links.some(
    (l) => parseSpecUrl(stringArg(l, 'url') ?? '')?.name === 'federation',
  );
  return linksFederation
    ? {
        code: 'INVALID_LINK_DIRECTIVE_USAGE',
        message: `Cannot link feature "${LINK_SPEC.slice(0, -1)}" since it has already been linked in the schema.`,
        node,
      }
    : {
        code: 'UNKNOWN_LINK_VERSION',
        message: `Schema uses unknown version ${parsed.version} of the link spec`,
        node,
      };
}

/**
 * Reads a subgraph's `@link`s: whether it is Federation 2, which version, and under which local
 * names it uses each federation directive and type (imports, renames, `federation__` namespacing,
 * `@link(as:)`).
 */
export function resolveLinks(document: DocumentNode): LinkResolution {
  const problems: LinkProblem[] = [];
  const directives = new Map<string, string>();
  const types = new Map<string, string>();
  const linkedSpecs = new Set<string>();
  const foreign: ForeignLink[] = [];
  let isFed2 = false;
  let linkedMinor = 0;
  let minor = 0;
  let linkPrefix = 'link';
  const otherLinks: OtherLink[] = [];
  const federationImports = new Set<string>();

  const links = schemaDirectives(document);
  // The link spec can itself be renamed; find its prefix first.
  for (const node of links) {
    const url = stringArg(node, 'url');
    const parsed = url ? parseSpecUrl(url) : undefined;
    if (parsed?.name === 'link') linkPrefix = stringArg(node, 'as') ?? 'link';
  }
  for (const node of links) {
    if (node.name.value !== 'link' && node.name.value !== `${linkPrefix}`) continue;
    const url = stringArg(node, 'url');
    if (url === undefined) continue;
    const parsed = parseSpecUrl(url);
    if (!parsed) {
      problems.push({
        code: 'INVALID_LINK_IDENTIFIER',
        message: `Invalid url "${url}" in @link: it should end with the spec name and version, like ".../name/v1.0"`,
        node,
      });
      continue;
    }
    const prefix = stringArg(node, 'as') ?? parsed.name;
    const imports = readImports(node, problems);
    if (parsed.name === 'link') {
      const problem = linkSpecProblem(url, parsed, links, node);
      if (problem) problems.push(problem);
      continue;
    }
    if (parsed.name === 'federation') {
      if (parsed.major !== 2 || parsed.minor > MAX_FEDERATION_MINOR) {
        problems.push({
          code: 'UNKNOWN_FEDERATION_LINK_VERSION',
          message: `Invalid version ${parsed.version} for the federation feature in @link directive on schema`,
          node,
        });
        continue;
      }
      isFed2 = true;
      linkedMinor = parsed.minor;
      minor = Math.max(minor, parsed.minor);
      for (const [name, available] of FEDERATION_DIRECTIVES) {
        if (available <= parsed.minor) directives.set(`${prefix}__${name}`, name);
      }
      for (const [name, available] of FEDERATION_TYPES) {
        if (available <= parsed.minor) types.set(`${prefix}__${name}`, name);
      }
      for (const [name, as] of imports) {
        if (name.startsWith('@')) {
          const canonical = name.slice(1);
          const available = FEDERATION_DIRECTIVES.get(canonical);
          if (available !== undefined && available <= parsed.minor) {
            directives.delete(`${prefix}__${canonical}`);
            directives.set(as.slice(1), canonical);
            federationImports.add(as.slice(1));
          } else {
            // Also a directive of a later federation version than the one linked.
            problems.push(unknownImport(name, node));
          }
        } else if ((FEDERATION_TYPES.get(name) ?? 99) <= parsed.minor) {
          types.delete(`${prefix}__${name}`);
          types.set(as, name);
        } else {
          problems.push(unknownImport(name, node));
        }
      }
      continue;
    }
    // A linked spec's root directive (`@tag` for `.../tag/v0.3`) is named like its prefix.
    otherLinks.push({ prefix, identity: url.replace(/\/v\d+\.\d+\/?([?#].*)?$/, ''), node });
    const spec = OTHER_SPECS.get(parsed.name);
    if (spec) {
      linkedSpecs.add(parsed.name);
      minor = Math.max(minor, spec.minor);
      for (const d of spec.directives) {
        directives.set(d === parsed.name ? `${prefix}` : `${prefix}__${d}`, d);
      }
      for (const [name, as] of imports) {
        if (name.startsWith('@') && spec.directives.includes(name.slice(1))) {
          directives.set(as.slice(1), name.slice(1));
        }
      }
      continue;
    }
    const local = new Map<string, string>();
    for (const [name, as] of imports) {
      if (name.startsWith('@')) local.set(as.slice(1), name.slice(1));
    }
    foreign.push({
      url,
      name: parsed.name,
      version: parsed.version,
      directives: local,
      prefix,
      node,
    });
  }

  problems.push(...importCollisions(federationImports, otherLinks));
  if (!isFed2) {
    for (const name of FED1_DIRECTIVES) directives.set(name, name);
    types.set('_FieldSet', 'FieldSet');
    types.set('FieldSet', 'FieldSet');
  }
  const localDirectives = new Map<string, string>();
  for (const [local, canonical] of directives) {
    // Prefer the imported (short) name over the namespaced one when both exist.
    if (!localDirectives.has(canonical) || !local.includes('__')) {
      localDirectives.set(canonical, local);
    }
  }
  const composeDirectives = links
    .filter((node) => directives.get(node.name.value) === 'composeDirective')
    .map((node) => ({ name: stringArg(node, 'name'), node }));
  return {
    isFed2,
    minor,
    composeDirectives,
    linkedMinor,
    directives,
    localDirectives,
    types,
    linkedSpecs,
    foreign,
    linkPrefix,
    problems,
  };
}
