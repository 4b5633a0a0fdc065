/**
 * Turns supergraph input (SDL text or a parsed document) into what the API-schema and contract
 * code work on: the document, its graphql-js schema and its linked features. Anything malformed
 * becomes an `INVALID_FEDERATION_SUPERGRAPH` diagnostic, never a throw.
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
  const join = features.byName('join');
  if (join === undefined) return invalid('it does not link the join spec');
  if (join.version === undefined || !KNOWN_JOIN_VERSIONS.has(join.version)) {
    return invalid(`unknown join spec version ${join.version ?? '(none)'} in ${join.url}`);
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
