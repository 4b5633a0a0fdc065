// Writes fixtures/*.graphql: supergraphs composed once by @apollo/composition (a devDependency
// of packages/composition, resolved from there). Run: node packages/core/test/supergraph/generate-fixtures.mjs
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../../composition/package.json', import.meta.url));
const { composeServices } = require('@apollo/composition');
const { parse } = require('graphql');

const header = (version, imports) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v${version}", import: ${JSON.stringify(imports)})\n`;

const fixtures = {
  // Fed 2.8+: join v0.5 with every field-level join argument in use.
  'products-v05': [
    {
      name: 'products',
      sdl:
        header('2.8', ['@key', '@shareable', '@inaccessible', '@context', '@fromContext']) +
        `type Query { shop: Shop media: [Media] }
         type Shop @context(name: "shop") { name: String! product: Product }
         interface Media @key(fields: "id") { id: ID! title: String }
         type Book implements Media @key(fields: "id") { id: ID! title: String pages: Int }
         type Movie implements Media @key(fields: "id") { id: ID! title: String }
         type Product @key(fields: "upc") @key(fields: "sku", resolvable: false) { upc: String! sku: String! name: String @shareable price: Int secret: String @inaccessible
           label(locale: String @fromContext(field: "$shop { name }")): String }
         union Item = Book | Movie
         enum Color { RED GREEN }
         type Extra { c: Color i: Item }
         extend type Query { extra: Extra }`,
    },
    {
      name: 'reviews',
      sdl:
        header('2.8', [
          '@key',
          '@external',
          '@requires',
          '@provides',
          '@override',
          '@interfaceObject',
          '@shareable',
        ]) +
        `type Product @key(fields: "upc") { upc: String! price: Int @external weight: Int
           shipping: Int @requires(fields: "price") name: String @override(from: "products", label: "percent(20)") @shareable }
         type Media @key(fields: "id") @interfaceObject { id: ID! reviews: [Review] }
         type Review { body: String author: User @provides(fields: "name") }
         type User @key(fields: "id") { id: ID! name: String @external }
         type Query { topReview: Review }`,
    },
    {
      name: 'accounts',
      sdl:
        header('2.8', ['@key', '@shareable']) +
        `type User @key(fields: "id") { id: ID! name: String @shareable }`,
    },
  ],
};

for (const [name, subgraphs] of Object.entries(fixtures)) {
  const result = composeServices(
    subgraphs.map((s) => ({
      name: s.name,
      url: `http://${s.name}.local/graphql`,
      typeDefs: parse(s.sdl),
    })),
  );
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  writeFileSync(new URL(`fixtures/${name}.graphql`, import.meta.url), result.supergraphSdl);
}
