/** Every scenario the harness runs, in file-name order. */
import type { Scenario } from '../scenario.js';
import { aliases } from './aliases.js';
import { compositeKey } from './composite-key.js';
import { customScalars } from './custom-scalars.js';
import { dedupBatching } from './dedup-batching.js';
import { deepChain } from './deep-chain.js';
import { descriptionsDeprecated } from './descriptions-deprecated.js';
import { entityBasicKey } from './entity-basic-key.js';
import { enumsShared } from './enums-shared.js';
import { errorsEntities } from './errors-entities.js';
import { errorsInLists } from './errors-in-lists.js';
import { errorsNonNullBubbling } from './errors-non-null-bubbling.js';
import { fed1Basic } from './fed1-basic.js';
import { fed1ValueTypes } from './fed1-value-types.js';
import { fragments } from './fragments.js';
import { inaccessible } from './inaccessible.js';
import { inputObjects } from './input-objects.js';
import { interfaceObjectRequires } from './interface-object-requires.js';
import { interfaceSplit } from './interface-split.js';
import { introspection } from './introspection.js';
import { multipleKeys } from './multiple-keys.js';
import { mutationEntities } from './mutation-entities.js';
import { mutationsInOrder } from './mutations-in-order.js';
import { operationName } from './operation-name.js';
import { overridePlain, overridePercent100, overridePercent0 } from './override.js';
import { providesNested } from './provides-nested.js';
import { provides } from './provides.js';
import { requiresBasic } from './requires-basic.js';
import { requiresChain } from './requires-chain.js';
import { requiresNested } from './requires-nested.js';
import { seedChannelsInterfaceObject } from './seed-channels-interface-object.js';
import { seedChannels } from './seed-channels.js';
import { seedProductsReviewsBefore, seedProductsReviewsAfter } from './seed-products-reviews.js';
import { shareableRootFields } from './shareable-root-fields.js';
import { skipInclude } from './skip-include.js';
import { unionSplit } from './union-split.js';
import { unionValueMembers } from './union-value-members.js';
import { variables } from './variables.js';

export const SCENARIOS: readonly Scenario[] = [
  aliases,
  compositeKey,
  customScalars,
  dedupBatching,
  deepChain,
  descriptionsDeprecated,
  entityBasicKey,
  enumsShared,
  errorsEntities,
  errorsInLists,
  errorsNonNullBubbling,
  fed1Basic,
  fed1ValueTypes,
  fragments,
  inaccessible,
  inputObjects,
  interfaceObjectRequires,
  interfaceSplit,
  introspection,
  multipleKeys,
  mutationEntities,
  mutationsInOrder,
  operationName,
  overridePlain,
  overridePercent100,
  overridePercent0,
  providesNested,
  provides,
  requiresBasic,
  requiresChain,
  requiresNested,
  seedChannelsInterfaceObject,
  seedChannels,
  seedProductsReviewsBefore,
  seedProductsReviewsAfter,
  shareableRootFields,
  skipInclude,
  unionSplit,
  unionValueMembers,
  variables,
];
