/** Every scenario the harness runs, in file-name order. */
import type { Scenario } from '../scenario.js';
import { compositeKey } from './composite-key.js';
import { entityBasicKey } from './entity-basic-key.js';
import { errorsNonNullBubbling } from './errors-non-null-bubbling.js';
import { inaccessible } from './inaccessible.js';
import { interfaceSplit } from './interface-split.js';
import { multipleKeys } from './multiple-keys.js';
import { overridePlain, overridePercent100, overridePercent0 } from './override.js';
import { provides } from './provides.js';
import { requiresBasic } from './requires-basic.js';
import { requiresChain } from './requires-chain.js';
import { requiresNested } from './requires-nested.js';
import { seedChannelsInterfaceObject } from './seed-channels-interface-object.js';
import { seedChannels } from './seed-channels.js';
import { seedProductsReviewsBefore, seedProductsReviewsAfter } from './seed-products-reviews.js';
import { unionSplit } from './union-split.js';

export const SCENARIOS: readonly Scenario[] = [
  compositeKey,
  entityBasicKey,
  errorsNonNullBubbling,
  inaccessible,
  interfaceSplit,
  multipleKeys,
  overridePlain,
  overridePercent100,
  overridePercent0,
  provides,
  requiresBasic,
  requiresChain,
  requiresNested,
  seedChannelsInterfaceObject,
  seedChannels,
  seedProductsReviewsBefore,
  seedProductsReviewsAfter,
  unionSplit,
];
