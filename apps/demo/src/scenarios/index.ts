/**
 * The scenarios, in the order: `npm run demo -- scenario NAME` (or its number).
 */
import { removeEmailChannel } from './01-remove-email-channel.js';
import { requiresInPlace } from './02-requires-in-place.js';
import { requiresAtomic } from './03-requires-atomic.js';
import { canary } from './04-canary.js';
import { failedComposition } from './05-failed-composition.js';
import { usageCheck } from './06-usage-check.js';
import { concurrentChanges } from './07-concurrent-changes.js';
import { stagedRelease } from './08-staged-release.js';
import { registryDown } from './09-registry-down.js';
import type { Scenario } from './types.js';

export const SCENARIOS: readonly Scenario[] = [
  removeEmailChannel,
  requiresInPlace,
  requiresAtomic,
  canary,
  failedComposition,
  usageCheck,
  concurrentChanges,
  stagedRelease,
  registryDown,
];

export type { Scenario } from './types.js';
