import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';
import { productByUpc, PRODUCTS, type Product } from './data.js';

/**
 * Descriptions and `@deprecated` survive composition into the API schema (the schema check
 * compares them with the monolith's), and deprecated fields still resolve.
 */
export const descriptionsDeprecated = defineScenario({
  name: 'descriptions-deprecated',
  description: 'Type, field and argument descriptions, deprecated fields and enum values.',
  subgraphs: [
    {
      name: 'catalog',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Query {
          "All products, in catalog order."
          products: [Product!]!
        }
        """
        Something for sale.
        """
        type Product @key(fields: "upc") {
          "Universal product code."
          upc: ID!
          name: String!
          title: String! @deprecated(reason: "Use name.")
          kind: Kind!
        }
        "What a product is."
        enum Kind {
          BOOK
          FURNITURE
          CHAIR @deprecated(reason: "Use FURNITURE.")
        }
      `,
      resolvers: {
        Query: { products: () => PRODUCTS },
        Product: {
          __resolveReference: (ref: { upc: string }) => productByUpc(ref.upc),
          title: (p: Product) => p.name,
          kind: (p: Product) => p.kind.toUpperCase(),
        },
      },
    },
    {
      name: 'pricing',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Product @key(fields: "upc") {
          upc: ID!
          "Price in cents."
          cents("Apply the sale discount." onSale: Boolean = false): Int! @deprecated
        }
      `,
      resolvers: {
        Product: {
          __resolveReference: (ref: { upc: string }) => productByUpc(ref.upc),
          cents: (p: Product, { onSale }: { onSale: boolean }) => p.price * (onSale ? 90 : 100),
        },
      },
    },
  ],
  monolith: {
    typeDefs: graphql`
      type Query {
        "All products, in catalog order."
        products: [Product!]!
      }
      """
      Something for sale.
      """
      type Product {
        "Universal product code."
        upc: ID!
        name: String!
        title: String! @deprecated(reason: "Use name.")
        kind: Kind!
        "Price in cents."
        cents("Apply the sale discount." onSale: Boolean = false): Int! @deprecated
      }
      "What a product is."
      enum Kind {
        BOOK
        FURNITURE
        CHAIR @deprecated(reason: "Use FURNITURE.")
      }
    `,
    resolvers: {
      Query: { products: () => PRODUCTS },
      Product: {
        title: (p: Product) => p.name,
        kind: (p: Product) => p.kind.toUpperCase(),
        cents: (p: Product, { onSale }: { onSale: boolean }) => p.price * (onSale ? 90 : 100),
      },
    },
  },
  operations: [
    {
      name: 'deprecated fields still resolve',
      query: '{ products { title kind cents sale: cents(onSale: true) } }',
    },
    {
      name: 'deprecation visible by introspection',
      query:
        '{ __type(name: "Product") { description fields(includeDeprecated: true) { name isDeprecated deprecationReason } } }',
    },
  ],
});
