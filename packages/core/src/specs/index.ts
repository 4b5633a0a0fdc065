// Shapes
export type {
  LinkPurpose,
  LinkedSpec,
  SpecDirective,
  SpecType,
  SpecVersion,
} from './spec-types.js';

// The specs
export { AUTHENTICATED_SPEC, POLICY_SPEC, REQUIRES_SCOPES_SPEC } from './authorization-specs.js';
export { CACHE_TAG_SPEC } from './cache-tag-spec.js';
export { CONTEXT_SPEC } from './context-spec.js';
export { COST_SPEC } from './cost-spec.js';
export { INACCESSIBLE_SPEC } from './inaccessible-spec.js';
export { JOIN_SPEC } from './join-spec.js';
export { CORE_SPEC, LINK_SPEC } from './link-spec.js';
export { TAG_SPEC } from './tag-spec.js';

// Federation version -> linked versions
export {
  FEDERATION_VERSIONS,
  KNOWN_SPECS,
  SUPERGRAPH_FEATURE_LINKS,
  SUPERGRAPH_LINK_VERSION,
  findSpec,
  joinVersionForFederation,
} from './federation-versions.js';
export type {
  FederationVersion,
  SupergraphFeatureLink,
  SupergraphFeatureName,
} from './federation-versions.js';

// URLs and versions
export { compareVersions, findSpecVersion, parseFeatureUrl, specUrl } from './spec-url.js';
export type { FeatureUrl } from './spec-url.js';
