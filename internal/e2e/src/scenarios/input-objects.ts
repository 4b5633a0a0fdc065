import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';
import { PRODUCTS, reviewsOf, type Args, type Product } from './data.js';

interface Filter {
  readonly minPrice?: number;
  readonly kinds?: readonly string[];
  readonly range?: { readonly from: number; readonly to?: number | null };
}

const filterProducts = (filter: Filter | undefined) =>
  PRODUCTS.filter(
    (p) =>
      (filter?.minPrice === undefined || p.price >= filter.minPrice) &&
      (filter?.kinds === undefined || filter.kinds.includes(p.kind)) &&
      (filter?.range === undefined ||
        (p.weight >= filter.range.from &&
          (filter.range.to == null || p.weight <= filter.range.to))),
  );
const ratedReviews = (p: { upc: string }, { where }: Args) => {
  const w = where as { minRating: number; limit: number };
  return reviewsOf(p.upc)
    .filter((r) => r.rating >= w.minRating)
    .slice(0, w.limit);
};

/** Input objects: nested, with defaults and lists, at the root and on entity fields. */
export const inputObjects = defineScenario({
  name: 'input-objects',
  description:
    'Nested input objects with defaults, passed as literals and variables, across subgraphs.',
  subgraphs: [
    {
      name: 'catalog',
      typeDefs: graphql`
        ${fed2(['@key'])}
        input WeightRange {
          from: Int! = 0
          to: Int
        }
        input ProductFilter {
          minPrice: Int
          kinds: [String!]
          range: WeightRange
        }
        type Query {
          products(filter: ProductFilter): [Product!]!
        }
        type Product @key(fields: "upc") {
          upc: ID!
          name: String!
        }
      `,
      resolvers: {
        Query: {
          products: (_: unknown, { filter }: Args) => filterProducts(filter as Filter | undefined),
        },
      },
    },
    {
      name: 'reviews',
      typeDefs: graphql`
        ${fed2(['@key'])}
        input ReviewWhere {
          minRating: Int! = 1
          limit: Int = 10
        }
        type Review {
          id: ID!
          rating: Int!
        }
        type Product @key(fields: "upc") {
          upc: ID!
          reviews(where: ReviewWhere! = {}): [Review!]!
        }
      `,
      resolvers: {
        Product: { __resolveReference: (ref: { upc: string }) => ref, reviews: ratedReviews },
      },
    },
  ],
  monolith: {
    typeDefs: graphql`
      input WeightRange {
        from: Int! = 0
        to: Int
      }
      input ProductFilter {
        minPrice: Int
        kinds: [String!]
        range: WeightRange
      }
      input ReviewWhere {
        minRating: Int! = 1
        limit: Int = 10
      }
      type Query {
        products(filter: ProductFilter): [Product!]!
      }
      type Product {
        upc: ID!
        name: String!
        reviews(where: ReviewWhere! = {}): [Review!]!
      }
      type Review {
        id: ID!
        rating: Int!
      }
    `,
    resolvers: {
      Query: {
        products: (_: unknown, { filter }: Args) => filterProducts(filter as Filter | undefined),
      },
      Product: { reviews: (p: Product, args: Args) => ratedReviews(p, args) },
    },
  },
  operations: [
    {
      name: 'nested literal input with a defaulted field',
      query: '{ products(filter: { kinds: ["Book"], range: { to: 4 } }) { name reviews { id } } }',
    },
    {
      name: 'input variables at the root and on the entity field',
      query:
        'query ($f: ProductFilter, $w: ReviewWhere!) { products(filter: $f) { upc reviews(where: $w) { id rating } } }',
      variables: { f: { minPrice: 10, range: { from: 1 } }, w: { minRating: 4 } },
    },
    {
      name: 'list coercion of a single value and an input default of {}',
      query: '{ products(filter: { kinds: "Furniture" }) { name reviews { rating } } }',
    },
  ],
});
