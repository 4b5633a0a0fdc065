import { fed2, type CorpusSupergraph } from './types.js';

const LINK = fed2('2.3', ['@key', '@shareable', '@external', '@requires', '@provides']);

/**
 * A shop: catalog items known by two keys, prices computed from catalog data with `@requires`,
 * a carts subgraph that `@provides` item names, and shared value types.
 */
export const storefront: CorpusSupergraph = {
  name: 'storefront',
  about: 'several keys, @requires, @provides, @external, @shareable, aliases, variables, fragments',
  subgraphs: [
    {
      name: 'catalog',
      sdl: `${LINK}
        type Query {
          item(sku: String!): Item
          items(limit: Int = 10, category: Category): [Item!]!
          categories: [Category!]!
        }
        enum Category { GARDEN KITCHEN TOYS }
        type Item @key(fields: "sku") @key(fields: "gtin") {
          sku: String!
          gtin: String!
          title: String! @shareable
          category: Category!
          massGrams: Int
          dims: Dimensions
        }
        type Dimensions @shareable { widthMm: Int heightMm: Int }`,
    },
    {
      name: 'pricing',
      sdl: `${LINK}
        type Item @key(fields: "gtin") {
          gtin: String!
          massGrams: Int @external
          listPrice: Money
          shippingCost: Money @requires(fields: "massGrams")
        }
        type Money @shareable { cents: Int! currency: String! }`,
    },
    {
      name: 'carts',
      sdl: `${LINK}
        type Query { cart(id: ID!): Cart activeCarts: [Cart!]! }
        type Mutation { addToCart(cartId: ID!, sku: String!): Cart clearCart(cartId: ID!): Cart }
        type Cart { id: ID! lines: [CartLine!]! owner: Shopper }
        type CartLine { qty: Int! item: Item! @provides(fields: "title") }
        type Item @key(fields: "sku") { sku: String! title: String! @external }
        type Shopper @key(fields: "id") { id: ID! }`,
    },
    {
      name: 'shoppers',
      sdl: `${LINK}
        type Query { me: Shopper }
        type Shopper @key(fields: "id") { id: ID! email: String! tier: String dims: Dimensions }
        type Dimensions @shareable { widthMm: Int heightMm: Int }`,
    },
  ],
  operations: [
    { name: 'one-root-field', query: 'query One { item(sku: "a-1") { title category } }' },
    {
      name: 'hop-by-second-key',
      query: 'query Priced { items { title listPrice { cents currency } } }',
    },
    { name: 'requires-external-field', query: '{ items(limit: 3) { shippingCost { cents } } }' },
    {
      name: 'provides-avoids-hop',
      query: 'query CartTitles($id: ID!) { cart(id: $id) { lines { qty item { title } } } }',
    },
    {
      name: 'provides-then-hop',
      query:
        'query CartPrices($id: ID!) { cart(id: $id) { lines { item { title listPrice { cents } } } } }',
    },
    {
      name: 'cart-owner-and-items',
      query: '{ activeCarts { owner { email tier } lines { item { category massGrams } } } }',
    },
    {
      name: 'aliases-and-variables',
      query:
        'query Two($c: Category, $n: Int) { garden: items(category: $c, limit: $n) { t: title p: listPrice { cents } } all: items { sku } }',
    },
    {
      name: 'named-fragments',
      query:
        'fragment Money on Money { cents currency } fragment Priced on Item { listPrice { ...Money } shippingCost { ...Money } } query Frag { item(sku: "x") { title ...Priced } }',
    },
    { name: 'typename-only', query: '{ __typename item(sku: "x") { __typename } }' },
    {
      name: 'include-skip',
      query:
        'query Toggle($withPrice: Boolean!, $brief: Boolean!) { items { title listPrice @include(if: $withPrice) { cents } dims @skip(if: $brief) { widthMm } } }',
    },
    {
      name: 'mutation-then-entities',
      query:
        'mutation Add($cart: ID!) { addToCart(cartId: $cart, sku: "s") { lines { item { listPrice { cents } } } } clearCart(cartId: $cart) { id } }',
    },
    {
      name: 'parallel-roots',
      query: '{ me { email } categories items { gtin } }',
    },
  ],
};
