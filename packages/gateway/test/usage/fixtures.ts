/**
 * A composed supergraph with what coordinates are about: an interface with an implementation
 * that is `@inaccessible` (not in the API schema), a union, enums with an inaccessible value,
 * nested and recursive input objects, list arguments, a mutation.
 */
import { composeSubgraphs } from '@orrery/composition';
import type { GraphQLSchema } from 'graphql';
import { dedent } from '../../../../internal/testing/src/index.js';
import { createGateway } from '../../src/index.js';

const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@inaccessible"])';

export const CATALOG_SUBGRAPHS = [
  {
    name: 'products',
    url: 'http://products.test/graphql',
    sdl: dedent`
      ${LINK}
      type Query {
        products(filter: ProductFilter, first: Int = 10): [Product!]!
        productsIn(categories: [Category!]!): [Product!]!
        product(id: ID!): Product
        node(id: ID!): Node
        search(text: String!): [SearchResult!]!
      }
      type Mutation { addProduct(input: NewProduct!): Product }
      interface Node { id: ID! }
      type Product implements Node @key(fields: "id") {
        id: ID!
        name: String!
        price(currency: Currency = EUR): Float
        category: Category
      }
      type Book implements Node @key(fields: "id") { id: ID! title: String! }
      type Secret implements Node @inaccessible { id: ID! }
      union SearchResult = Product | Book
      enum Category { BOOKS GAMES TOYS HIDDEN @inaccessible }
      enum Currency { EUR USD }
      input ProductFilter {
        category: Category
        tags: [String!]
        price: PriceRange
        and: [ProductFilter!]
      }
      input PriceRange { min: Float max: Float currency: Currency }
      input NewProduct { name: String! category: Category! }
    `,
  },
  {
    name: 'reviews',
    url: 'http://reviews.test/graphql',
    sdl: dedent`
      ${LINK}
      type Product @key(fields: "id") { id: ID! reviews(minRating: Int): [Review!]! }
      type Review { id: ID! rating: Int }
    `,
  },
];

export function catalogSupergraph(): string {
  const result = composeSubgraphs(CATALOG_SUBGRAPHS);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.supergraphSdl;
}

/** The API schema the gateway serves for the catalog supergraph. */
export async function catalogApiSchema(): Promise<GraphQLSchema> {
  const gateway = createGateway({ supergraph: catalogSupergraph() });
  const schema = gateway.apiSchema;
  await gateway.close();
  return schema;
}
