import { directory } from './directory.js';
import { ledger } from './ledger.js';
import { liveScores } from './live-scores.js';
import { mediaLibrary } from './media-library.js';
import { rollout } from './rollout.js';
import { shopContext } from './shop-context.js';
import { storefront } from './storefront.js';
import { travelChain } from './travel-chain.js';
import type { CorpusSupergraph } from './types.js';

export type { CorpusOperation, CorpusSupergraph } from './types.js';

/** Every supergraph of the plan-quality corpus. */
export const CORPUS: readonly CorpusSupergraph[] = [
  storefront,
  mediaLibrary,
  rollout,
  shopContext,
  travelChain,
  liveScores,
  ledger,
  directory,
];
