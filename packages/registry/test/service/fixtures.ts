/** Subgraph SDL used by the service suites. */

const LINK = (imports: string[]) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: [${imports.map((i) => `"${i}"`).join(', ')}])`;

export const PRODUCTS = `${LINK(['@key'])}
type Query { products: [Product!]! }
type Product @key(fields: "id") { id: ID! name: String! }
`;

export const PRODUCTS_V2 = `${LINK(['@key'])}
type Query { products: [Product!]! product(id: ID!): Product }
type Product @key(fields: "id") { id: ID! name: String! price: Int }
`;

export const REVIEWS = `${LINK(['@key'])}
type Product @key(fields: "id") { id: ID! reviews: [Review!]! }
type Review { id: ID! body: String! }
`;

/** Valid on its own, but defines Product.name again (not shareable, other type): composition fails. */
export const REVIEWS_CONFLICTING = `${LINK(['@key'])}
type Product @key(fields: "id") { id: ID! name: Int! reviews: [Review!]! }
type Review { id: ID! body: String! }
`;

/** Does not parse. */
export const UNPARSABLE = `type Query { products: [Product!]! `;

/** Parses, but refers to a type nobody defines. */
export const UNKNOWN_TYPE = `type Query { things: [Thing!]! }`;

/** Seed 004's staged release: a field in alpha, another in beta. */
export const PRODUCTS_TAGGED = `${LINK(['@key', '@tag'])}
type Query { products: [Product!]! }
type Product @key(fields: "id") {
  id: ID!
  name: String!
  newField: String @tag(name: "alpha")
  betaField: String @tag(name: "beta")
}
`;

/** The same release one stage later: `newField` moved from alpha to beta. */
export const PRODUCTS_TAGGED_PROMOTED = PRODUCTS_TAGGED.replace(
  'newField: String @tag(name: "alpha")',
  'newField: String @tag(name: "beta")',
);

/** A subgraph named `name` contributing one root field `<name>Field`, for concurrency tests. */
export function rootFieldSubgraph(name: string): string {
  return `${LINK(['@shareable'])}
type Query { ${name}Field: String }
`;
}
