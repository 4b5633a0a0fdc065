import { accounts } from './accounts.js';
import { channel } from './channel.js';
import { email } from './email.js';
import { inventory } from './inventory.js';
import { products } from './products.js';
import { reviews } from './reviews.js';
import type { DemoSubgraph } from './types.js';
import { web } from './web.js';

/** Every demo subgraph, in the order the stack starts and publishes them. */
export const SUBGRAPHS: readonly DemoSubgraph[] = [
  channel,
  web,
  email,
  products,
  reviews,
  accounts,
  inventory,
];

export { accounts, channel, email, inventory, products, reviews, web };
export type { DemoSubgraph, SubgraphVersion } from './types.js';
