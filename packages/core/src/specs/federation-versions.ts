import { AUTHENTICATED_SPEC, POLICY_SPEC, REQUIRES_SCOPES_SPEC } from './authorization-specs.js';
import { CACHE_TAG_SPEC } from './cache-tag-spec.js';
import { CONTEXT_SPEC } from './context-spec.js';
import { COST_SPEC } from './cost-spec.js';
import { INACCESSIBLE_SPEC } from './inaccessible-spec.js';
import { JOIN_SPEC } from './join-spec.js';
import { CORE_SPEC, LINK_SPEC } from './link-spec.js';
import { compareVersions } from './spec-url.js';
import type { LinkedSpec } from './spec-types.js';
import { TAG_SPEC } from './tag-spec.js';

/**
 * Which spec versions a supergraph links for a given federation version, as observed from
 * `@apollo/composition` 2.14 (see the tests in `test/specs/`).
 */

/** Federation versions a subgraph can `@link` (Fed 1 subgraphs compose as 2.0). */
export const FEDERATION_VERSIONS = [
  '2.0',
  '2.1',
  '2.2',
  '2.3',
  '2.4',
  '2.5',
  '2.6',
  '2.7',
  '2.8',
  '2.9',
  '2.10',
  '2.11',
  '2.12',
] as const;

export type FederationVersion = (typeof FEDERATION_VERSIONS)[number];

/** The link spec version every Fed 2 supergraph bootstraps with. */
export const SUPERGRAPH_LINK_VERSION = '1.0';

/**
 * The join version composition writes for the highest federation version among the subgraphs:
 * v0.3 up to 2.6, v0.4 for 2.7 (override labels, `@join__directive`), v0.5 from 2.8 (contexts).
 */
export function joinVersionForFederation(federationVersion: string): '0.3' | '0.4' | '0.5' {
  if (compareVersions(federationVersion, '2.8') >= 0) return '0.5';
  if (compareVersions(federationVersion, '2.7') >= 0) return '0.4';
  return '0.3';
}

/** The features a supergraph links only when its subgraphs use them. */
export type SupergraphFeatureName =
  | 'tag'
  | 'inaccessible'
  | 'authenticated'
  | 'requiresScopes'
  | 'policy'
  | 'context'
  | 'cost'
  | 'cacheTag';

/** How composition links one optional feature. */
export interface SupergraphFeatureLink {
  readonly feature: SupergraphFeatureName;
  readonly spec: LinkedSpec;
  /** The spec version composition links (the same for every federation version so far). */
  readonly version: string;
  /** The first federation version whose subgraphs can use the feature. */
  readonly since: FederationVersion;
}

/**
 * The optional features, in the order composition writes their `@link`s (after link and join;
 * `@composeDirective` specs come last).
 */
export const SUPERGRAPH_FEATURE_LINKS: readonly SupergraphFeatureLink[] = [
  { feature: 'tag', spec: TAG_SPEC, version: '0.3', since: '2.0' },
  { feature: 'inaccessible', spec: INACCESSIBLE_SPEC, version: '0.2', since: '2.0' },
  { feature: 'authenticated', spec: AUTHENTICATED_SPEC, version: '0.1', since: '2.5' },
  { feature: 'requiresScopes', spec: REQUIRES_SCOPES_SPEC, version: '0.1', since: '2.5' },
  { feature: 'policy', spec: POLICY_SPEC, version: '0.1', since: '2.6' },
  { feature: 'context', spec: CONTEXT_SPEC, version: '0.1', since: '2.8' },
  { feature: 'cost', spec: COST_SPEC, version: '0.1', since: '2.9' },
  { feature: 'cacheTag', spec: CACHE_TAG_SPEC, version: '0.1', since: '2.12' },
];

/** Every spec Orrery knows, for readers that meet a `@link`/`@core` URL. */
export const KNOWN_SPECS: readonly LinkedSpec[] = [
  LINK_SPEC,
  CORE_SPEC,
  JOIN_SPEC,
  ...SUPERGRAPH_FEATURE_LINKS.map((link) => link.spec),
];

/** The known spec with this identity (`https://specs.apollo.dev/join`), if any. */
export function findSpec(identity: string): LinkedSpec | undefined {
  return KNOWN_SPECS.find((spec) => spec.identity === identity);
}
