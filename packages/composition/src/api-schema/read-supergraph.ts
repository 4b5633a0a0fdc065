/**
 * Turns supergraph input (SDL text or a parsed document) into what the API-schema and contract
 * code work on: the document, its graphql-js schema and its linked features. Anything malformed
 * becomes an `INVALID_FEDERATION_SUPERGRAPH` diagnostic, never a throw; a feature linked for
 * security or execution that Orrery does not support is `UNSUPPORTED_LINKED_FEATURE`.
 *
 * @module
 */
import { createDiagnostic, type Diagnostic } from '@orrery/core';
import {
  GraphQLError,
  buildASTSchema,
  parse,
  validateSchema,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { hasRepeatedInputFields } from './document-elements.js';
import { readLinkedFeatures, type FeatureSet } from './link-features.js';

/** A supergraph that parsed, builds as a GraphQL schema, and is a federation core schema. */
export interface SupergraphModel {
  readonly document: DocumentNode;
  readonly schema: GraphQLSchema;
  readonly features: FeatureSet;
  /** The name `@inaccessible` has in this supergraph, or undefined when it is not linked. */
  readonly inaccessibleName: string | undefined;
}

/** Join spec versions a supergraph may use (Fed 1 wrote v0.1, Fed 2 v0.2 to v0.5). */
const KNOWN_JOIN_VERSIONS = new Set(['v0.1', 'v0.2', 'v0.3', 'v0.4', 'v0.5']);

/** Other specs whose metadata a supergraph reader interprets, with the versions that exist. */
const KNOWN_VERSIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['context', new Set(['v0.1'])],
  ['cost', new Set(['v0.1'])],
]);

export interface ReadSupergraphOptions {
  /**
   * The document comes from composition, which builds every type, field, argument and value
   * from maps keyed by name: graphql-js's SDL rules (unique names, known types and directives)
   * hold by construction, so they are skipped (they cost more than building the schema on a
   * large graph). `validateSchema` still runs. Subgraph values are copied as written, so an
   * object value repeating a field (`{x: 1, x: 2}`) still gets graphql-js's full check.
   */
  readonly composed?: boolean;
}

/** Reads a supergraph, or explains why it is not one. */
export function readSupergraph(
  supergraph: string | DocumentNode,
  options: ReadSupergraphOptions = {},
): SupergraphModel | { readonly errors: readonly Diagnostic[] } {
  const invalid = (message: string): { errors: Diagnostic[] } => ({
    errors: [createDiagnostic('INVALID_FEDERATION_SUPERGRAPH', `Invalid supergraph: ${message}`)],
  });
  let document: DocumentNode;
  try {
    document = typeof supergraph === 'string' ? parse(supergraph) : supergraph;
  } catch (error) {
    return invalid(errorMessage(error));
  }
  const features = readLinkedFeatures(document);
  if (typeof features === 'string') return invalid(features);
  const { name: bootstrapName, version: bootstrapVersion } = features.bootstrap;
  if (bootstrapName === 'link' && bootstrapVersion !== 'v1.0') {
    return {
      errors: [
        createDiagnostic(
          'UNKNOWN_LINK_VERSION',
          `Schema uses unknown version ${bootstrapVersion ?? '(none)'} of the link spec (only v1.0 exists)`,
        ),
      ],
    };
  }
  const join = features.byName('join');
  if (join === undefined) return invalid('it does not link the join spec');
  if (join.version === undefined || !KNOWN_JOIN_VERSIONS.has(join.version)) {
    return invalid(`unknown join spec version ${join.version ?? '(none)'} in ${join.url}`);
  }
  // Specs whose elements the supergraph's readers interpret: an unknown version cannot be read.
  for (const [spec, known] of KNOWN_VERSIONS) {
    const feature = features.byName(spec);
    if (!feature?.url.startsWith('https://specs.apollo.dev/')) continue;
    if (feature.version === undefined || !known.has(feature.version)) {
      return invalid(
        `unknown ${spec} spec version ${feature.version ?? '(none)'} in ${feature.url}`,
      );
    }
  }
  if (!options.composed) {
    const unsupported = unsupportedFeatures(features);
    if (unsupported.length > 0) return { errors: unsupported };
  }
  let schema: GraphQLSchema;
  try {
    schema = buildSchema(document, options.composed === true && !hasRepeatedInputFields(document));
  } catch (error) {
    return invalid(errorMessage(error));
  }
  const schemaErrors = validateSchema(schema);
  if (schemaErrors.length > 0) {
    return invalid(schemaErrors.map((e) => e.message).join('; '));
  }
  const inaccessible = features.byName('inaccessible');
  return {
    document,
    schema,
    features,
    inaccessibleName: inaccessible && features.directiveName(inaccessible),
  };
}

/**
 * The features a gateway can serve when they are linked `for: SECURITY` or `for: EXECUTION`:
 * those Orrery composes, at the versions it knows (the set Apollo's router accepts). A feature
 * with such a purpose changes how the graph must be served, so an unknown one is refused rather
 * than silently ignored.
 */
const SUPPORTED_PURPOSEFUL_FEATURES: ReadonlySet<string> = new Set([
  'https://specs.apollo.dev/core/v0.1',
  'https://specs.apollo.dev/core/v0.2',
  ...['v0.1', 'v0.2', 'v0.3', 'v0.4', 'v0.5'].map((v) => `https://specs.apollo.dev/join/${v}`),
  ...['v0.1', 'v0.2', 'v0.3'].map((v) => `https://specs.apollo.dev/tag/${v}`),
  ...['v0.1', 'v0.2'].map((v) => `https://specs.apollo.dev/inaccessible/${v}`),
  'https://specs.apollo.dev/authenticated/v0.1',
  'https://specs.apollo.dev/requiresScopes/v0.1',
  'https://specs.apollo.dev/policy/v0.1',
  'https://specs.apollo.dev/context/v0.1',
  'https://specs.apollo.dev/cost/v0.1',
  ...['v0.1', 'v0.2', 'v0.3', 'v0.4'].map((v) => `https://specs.apollo.dev/connect/${v}`),
  'https://specs.apollo.dev/cacheTag/v0.1',
]);

/**
 * UNSUPPORTED_LINKED_FEATURE for each feature linked `for: SECURITY`/`EXECUTION` that is not
 * supported, and for `for:` used with `@core` v0.1 (which has no such argument).
 */
function unsupportedFeatures(features: FeatureSet): Diagnostic[] {
  const errors: Diagnostic[] = [];
  const withPurpose = features.features.filter((f) => f.purpose !== undefined);
  const base = (url: string) => url.replace(/[?#].*$/, '').replace(/\/+$/, '');
  if (
    base(features.bootstrap.url) === 'https://specs.apollo.dev/core/v0.1' &&
    withPurpose.length > 0
  ) {
    errors.push(
      createDiagnostic(
        'UNSUPPORTED_LINKED_FEATURE',
        'the `for:` argument is unsupported by version v0.1 of the core spec. Please upgrade to at least @core v0.2 (https://specs.apollo.dev/core/v0.2).',
      ),
    );
  }
  for (const feature of withPurpose) {
    if (feature.purpose !== 'SECURITY' && feature.purpose !== 'EXECUTION') continue;
    if (SUPPORTED_PURPOSEFUL_FEATURES.has(base(feature.url))) continue;
    errors.push(
      createDiagnostic(
        'UNSUPPORTED_LINKED_FEATURE',
        `feature ${feature.url} is for: ${feature.purpose} but is unsupported. Remove the link, or serve this supergraph with a gateway that implements the feature.`,
      ),
    );
  }
  return errors;
}

/**
 * `buildASTSchema`, without the SDL validation rules when the caller vouches for the document.
 * Should that build throw anyway (an unknown type), the validating build runs so the error is
 * graphql-js's usual message.
 */
export function buildSchema(document: DocumentNode, assumeValidSdl: boolean): GraphQLSchema {
  if (assumeValidSdl) {
    try {
      return buildASTSchema(document, { assumeValidSDL: true });
    } catch {
      // Fall through to the validating build for its message.
    }
  }
  return buildASTSchema(document);
}

function errorMessage(error: unknown): string {
  if (error instanceof GraphQLError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
