import { accounts } from './accounts.js';
import { channel } from './channel.js';
import { email } from './email.js';
import { inventory } from './inventory.js';
import { products } from './products.js';
import { reviews } from './reviews.js';
import type { DemoSubgraph } from './types.js';
import { web } from './web.js';

/**
 * Every demo subgraph, in the order the stack starts and publishes them: each publish composes
 * with those before it (reviews, which extends Product and User, comes after products and
 * accounts), so every launch of the first publish round succeeds.
 */
export const SUBGRAPHS: readonly DemoSubgraph[] = [
  channel,
  web,
  email,
  products,
  accounts,
  inventory,
  reviews,
];

export { accounts, channel, email, inventory, products, reviews, web };
export type { DemoSubgraph, SubgraphVersion } from './types.js';
