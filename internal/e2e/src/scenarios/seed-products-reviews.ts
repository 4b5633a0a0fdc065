import { graphql } from '@orrery/internal-testing';
import { defineScenario, type Scenario } from '../scenario.js';
import { productByUpc, PRODUCTS, REVIEWS } from './data.js';

const lower = (name: string) => name.toLowerCase();
// The review service tags each review with the product name it received (from the
// representation), so the answer proves the required field travelled.
const reviewsFor = (upc: string, name: string) =>
  REVIEWS.filter((r) => r.upc === upc).map((r) => ({ ...r, about: name }));

/**
 * The seed's Products/Reviews migration graph, as the seed writes it (Federation 1 subgraphs:
 * `extend type`, `@external` keys). `phase` picks which field `reviews` `@requires`: before the
 * migration `nameLowercase`, after it `name`. Both phases must answer like the monolith.
 */
function productsReviews(phase: 'before' | 'after'): Scenario {
  const required = phase === 'before' ? 'nameLowercase' : 'name';
  const requiredValue = (p: { name: string }) => (phase === 'before' ? lower(p.name) : p.name);
  return defineScenario({
    name: `seed-products-reviews-${phase}`,
    description: `Fed 1 Products/Reviews from the seed; reviews @requires "${required}".`,
    subgraphs: [
      {
        name: 'products',
        typeDefs: graphql`
          type Query { topProducts: [Product] }
          type Product @key(fields: "upc") {
            upc: ID!
            nameLowercase: String! ${phase === 'after' ? '@deprecated' : ''}
            ${phase === 'after' ? 'name: String!' : ''}
          }
        `,
        resolvers: {
          Query: { topProducts: () => PRODUCTS },
          Product: {
            __resolveReference: (ref: { upc: string }) => productByUpc(ref.upc),
            nameLowercase: (p: { name: string }) => lower(p.name),
          },
        },
      },
      {
        name: 'reviews',
        typeDefs: graphql`
          type Review { body: String! about: String! }
          extend type Product @key(fields: "upc") {
            upc: ID! @external
            ${phase === 'after' ? 'nameLowercase: String! @external' : ''}
            ${required}: String! @external
            reviews: [Review]! @requires(fields: "${required}")
          }
        `,
        resolvers: {
          Product: {
            reviews: (p: Record<string, string>) => reviewsFor(p.upc!, p[required]!),
          },
        },
      },
    ],
    monolith: {
      typeDefs: graphql`
        type Query { topProducts: [Product] }
        type Review { body: String! about: String! }
        type Product {
          upc: ID!
          nameLowercase: String! ${phase === 'after' ? '@deprecated' : ''}
          ${phase === 'after' ? 'name: String!' : ''}
          reviews: [Review]!
        }
      `,
      resolvers: {
        Query: { topProducts: () => PRODUCTS },
        Product: {
          nameLowercase: (p: { name: string }) => lower(p.name),
          reviews: (p: { upc: string; name: string }) => reviewsFor(p.upc, requiredValue(p)),
        },
      },
    },
    operations: [
      {
        name: 'reviews need the required name',
        query: '{ topProducts { upc reviews { body about } } }',
      },
      {
        name: 'required field also selected',
        query: `{ topProducts { ${required} reviews { about } } }`,
      },
    ],
  });
}

export const seedProductsReviewsBefore = productsReviews('before');
export const seedProductsReviewsAfter = productsReviews('after');
