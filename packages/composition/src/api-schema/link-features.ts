/**
 * Reads the features a supergraph links (`@link`, or `@core` in Federation 1 supergraphs) and
 * tells which directives and types belong to them, honouring `as:` and `import:` renames.
 *
 * A feature owns, in the schema: the directive named like the feature (`@tag`), every directive
 * and type prefixed `<name>__` (`@join__field`, `join__Graph`), and whatever it imports under the
 * imported name (`@listSize`, or `@hidden` for `{ name: "@inaccessible", as: "@hidden" }`).
 *
 * @module
 */
import { Kind, type ConstDirectiveNode, type ConstValueNode, type DocumentNode } from 'graphql';

/** One `@link`ed (or `@core`d) feature. */
export interface LinkedFeature {
  readonly url: string;
  /** The feature's own name, from its URL (`join` for `https://specs.apollo.dev/join/v0.5`). */
  readonly name: string;
  /** `v0.5`, or undefined for a URL without a version. */
  readonly version: string | undefined;
  /** The prefix its elements use in this schema: `as:` when given, else `name`. */
  readonly nameInSchema: string;
  /** Imported directives: name in the spec (without `@`) to name in this schema. */
  readonly importedDirectives: ReadonlyMap<string, string>;
  /** Imported types: name in the spec to name in this schema. */
  readonly importedTypes: ReadonlyMap<string, string>;
  /** The `for:` purpose (`SECURITY`, `EXECUTION`), when given. */
  readonly purpose: string | undefined;
}

/** The features of a schema and who owns which element. */
export interface FeatureSet {
  /** The bootstrap feature: `link` (v1.0) or `core` (v0.1, v0.2). */
  readonly bootstrap: LinkedFeature;
  readonly features: readonly LinkedFeature[];
  /** The feature whose spec name is `name` (`inaccessible`, `join`, ...), if linked. */
  byName(name: string): LinkedFeature | undefined;
  /** Whether the directive `name` (without `@`) belongs to a linked feature. */
  ownsDirective(name: string): boolean;
  /** Whether the named type belongs to a linked feature. */
  ownsType(name: string): boolean;
  /** The name the feature's main directive has in this schema (`@hidden` if renamed). */
  directiveName(feature: LinkedFeature, nameInSpec?: string): string;
}

const BOOTSTRAP_URL = /\/(link\/v1\.\d+|core\/v0\.[12])\/?$/;
const VERSION = /^v\d+\.\d+$/;

/**
 * Finds the bootstrap `@link`/`@core` on the schema definition (and extensions) and reads every
 * feature linked by it. Returns a message when the schema is not a core schema.
 */
export function readLinkedFeatures(document: DocumentNode): FeatureSet | string {
  const schemaDirectives: ConstDirectiveNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.SCHEMA_DEFINITION || definition.kind === Kind.SCHEMA_EXTENSION) {
      schemaDirectives.push(...(definition.directives ?? []));
    }
  }
  // The bootstrap link names itself: `@link(url: ".../link/v1.0")`, possibly with `as:`.
  let bootstrapName: string | undefined;
  for (const directive of schemaDirectives) {
    const url = stringArgument(directive, 'url') ?? stringArgument(directive, 'feature');
    if (url === undefined || !BOOTSTRAP_URL.test(url)) continue;
    const own = parseFeatureUrl(url);
    const nameInSchema = stringArgument(directive, 'as') ?? own.name;
    if (directive.name.value === nameInSchema) {
      bootstrapName = nameInSchema;
      break;
    }
  }
  if (bootstrapName === undefined) {
    return 'the schema is not a core schema: no `@link(url: "https://specs.apollo.dev/link/v1.0")` (or `@core`) on its schema definition';
  }

  const features: LinkedFeature[] = [];
  for (const directive of schemaDirectives) {
    if (directive.name.value !== bootstrapName) continue;
    const url = stringArgument(directive, 'url') ?? stringArgument(directive, 'feature');
    if (url === undefined) return `\`@${bootstrapName}\` without a url`;
    features.push(readFeature(directive, url));
  }
  const bootstrap = features.find((f) => f.nameInSchema === bootstrapName);
  if (bootstrap === undefined) return 'the bootstrap feature could not be read';
  return createFeatureSet(bootstrap, features);
}

function createFeatureSet(bootstrap: LinkedFeature, features: LinkedFeature[]): FeatureSet {
  const prefixes = new Set(features.map((f) => `${f.nameInSchema}__`));
  const rootDirectives = new Set(features.map((f) => f.nameInSchema));
  const importedDirectives = new Set(features.flatMap((f) => [...f.importedDirectives.values()]));
  const importedTypes = new Set(features.flatMap((f) => [...f.importedTypes.values()]));
  const hasPrefix = (name: string): boolean => {
    const cut = name.indexOf('__');
    return cut > 0 && prefixes.has(name.slice(0, cut + 2));
  };
  return {
    bootstrap,
    features,
    byName: (name) => features.find((f) => f.name === name),
    ownsDirective: (name) =>
      rootDirectives.has(name) || importedDirectives.has(name) || hasPrefix(name),
    ownsType: (name) => importedTypes.has(name) || hasPrefix(name),
    directiveName(feature, nameInSpec = feature.name) {
      const imported = feature.importedDirectives.get(nameInSpec);
      if (imported !== undefined) return imported;
      return nameInSpec === feature.name
        ? feature.nameInSchema
        : `${feature.nameInSchema}__${nameInSpec}`;
    },
  };
}

function readFeature(directive: ConstDirectiveNode, url: string): LinkedFeature {
  const { name, version } = parseFeatureUrl(url);
  const importedDirectives = new Map<string, string>();
  const importedTypes = new Map<string, string>();
  const imports = argument(directive, 'import');
  if (imports?.kind === Kind.LIST) {
    for (const item of imports.values) {
      let from: string | undefined;
      let to: string | undefined;
      if (item.kind === Kind.STRING) {
        from = to = item.value;
      } else if (item.kind === Kind.OBJECT) {
        for (const field of item.fields) {
          if (field.value.kind !== Kind.STRING) continue;
          if (field.name.value === 'name') from = field.value.value;
          if (field.name.value === 'as') to = field.value.value;
        }
        to ??= from;
      }
      if (from === undefined || to === undefined) continue;
      if (from.startsWith('@')) importedDirectives.set(from.slice(1), to.replace(/^@/, ''));
      else importedTypes.set(from, to);
    }
  }
  const purpose = argument(directive, 'for');
  return {
    url,
    name,
    version,
    nameInSchema: stringArgument(directive, 'as') ?? name,
    importedDirectives,
    importedTypes,
    purpose: purpose?.kind === Kind.ENUM ? purpose.value : undefined,
  };
}

/** `https://specs.apollo.dev/join/v0.5` gives `{ name: 'join', version: 'v0.5' }`. */
export function parseFeatureUrl(url: string): { name: string; version: string | undefined } {
  const path = url.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const segments = path.split('/');
  const last = segments[segments.length - 1] ?? '';
  if (VERSION.test(last)) {
    return { name: segments[segments.length - 2] ?? '', version: last };
  }
  return { name: last, version: undefined };
}

function argument(directive: ConstDirectiveNode, name: string): ConstValueNode | undefined {
  return directive.arguments?.find((a) => a.name.value === name)?.value;
}

function stringArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const value = argument(directive, name);
  return value?.kind === Kind.STRING ? value.value : undefined;
}
