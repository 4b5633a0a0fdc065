import type { LinkedSpec, SpecVersion } from './spec-types.js';

/** A parsed `@link` URL: `https://specs.apollo.dev/join/v0.3` -> identity, name `join`, version `0.3`. */
export interface FeatureUrl {
  /** The URL without its version segment. */
  readonly identity: string;
  /** The last path segment before the version: the default prefix of the spec's elements. */
  readonly name: string;
  readonly major: number;
  readonly minor: number;
  /** `major.minor`. */
  readonly version: string;
}

const SPEC_URL = /^(.*\/([^/]+))\/v(\d+)\.(\d+)$/;

/**
 * Parses a link URL whose last segment is `v<major>.<minor>` (link spec). Returns `undefined` for
 * anything else; a query string or fragment is not accepted.
 */
export function parseFeatureUrl(url: string): FeatureUrl | undefined {
  const match = SPEC_URL.exec(url);
  if (!match) return undefined;
  const [, identity, name, major, minor] = match;
  if (identity === undefined || name === undefined || major === undefined || minor === undefined) {
    return undefined;
  }
  return {
    identity,
    name,
    major: Number(major),
    minor: Number(minor),
    version: `${major}.${minor}`,
  };
}

/** The URL of one version of a spec: `specUrl(JOIN_SPEC, '0.5')`. */
export function specUrl(spec: LinkedSpec, version: string): string {
  return `${spec.identity}/v${version}`;
}

/** The definitions of one version of a spec, or `undefined` when Orrery does not know it. */
export function findSpecVersion(spec: LinkedSpec, version: string): SpecVersion | undefined {
  return spec.versions.find((v) => v.version === version);
}

/**
 * Compares two `major.minor` versions numerically (`2.10` is after `2.9`). Negative when `a`
 * comes first, like a sort comparator.
 */
export function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}
