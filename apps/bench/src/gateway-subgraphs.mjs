#!/usr/bin/env node
/**
 * The four subgraphs of the public gateway benchmark (accounts, inventory, products, reviews),
 * built with `@apollo/subgraph`, served by one `node:http` server on one port under `/accounts`,
 * `/inventory`, `/products` and `/reviews`. Run by `gateway.mjs` in its own process:
 *
 *   node apps/bench/src/gateway-subgraphs.mjs --port 4200
 *
 * It counts the requests each route receives (`GET /__stats`, `POST /__reset`), so the bench
 * measures subgraph requests per client request where they arrive, whatever the gateway does.
 * Parsed and validated documents are cached by query text (a subgraph in production does the
 * same), so the subgraphs cost as little of the shared core as possible.
 *
 * Data and quirks follow the public benchmark (see /work/shared/bench/README.md): 6 users,
 * 9 products, 11 reviews with ~600-character bodies; inventory's `shippingEstimate` is null
 * (its resolver ignores the required price and weight), `Review.author` is always user 1, and
 * `User.reviews` always returns the first two reviews.
 */
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { buildSubgraphSchema } from '@apollo/subgraph';

// `@apollo/subgraph` builds its schemas with graphql's CommonJS copy; documents must come from
// the same copy (under vitest, `import 'graphql'` may load the ESM one: the dual-package hazard).
const { execute, parse, specifiedRules, validate } = createRequire(import.meta.url)('graphql');

export const SUBGRAPH_NAMES = ['accounts', 'inventory', 'products', 'reviews'];

const USERS = [
  { id: '1', name: 'Ada Lovelace', username: 'ada', birthday: 1815 },
  { id: '2', name: 'Alan Turing', username: 'alan', birthday: 1912 },
  { id: '3', name: 'Grace Hopper', username: 'grace', birthday: 1906 },
  { id: '4', name: 'Edsger Dijkstra', username: 'edsger', birthday: 1930 },
  { id: '5', name: 'Barbara Liskov', username: 'barbara', birthday: 1939 },
  { id: '6', name: 'Donald Knuth', username: 'donald', birthday: 1938 },
];

const PRODUCTS = [
  ['Table', 899, 100],
  ['Couch', 1299, 1000],
  ['Chair', 54, 50],
  ['Lamp', 35, 8],
  ['Shelf', 149, 120],
  ['Desk', 499, 300],
  ['Rug', 210, 40],
  ['Mirror', 89, 15],
  ['Stool', 29, 12],
].map(([name, price, weight], i) => ({ upc: String(i + 1), name, price, weight }));

const IN_STOCK = new Set(['1', '2', '4', '5', '7', '9']);

const WORDS = (
  'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut ' +
  'labore et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris ' +
  'nisi aliquip ex ea commodo consequat duis aute irure in reprehenderit voluptate velit esse ' +
  'cillum fugiat nulla pariatur excepteur sint occaecat cupidatat non proident sunt culpa qui ' +
  'officia deserunt mollit anim id est laborum'
).split(' ');

/** A deterministic ~600-character body, different per review. */
function body(seed) {
  const words = [];
  let length = 0;
  for (let i = 0; length < 600; i++) {
    const word = WORDS[(seed * 7 + i * 13) % WORDS.length];
    words.push(word);
    length += word.length + 1;
  }
  const text = words.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

/**
 * Reviews spread over the products: the first two on product 1 (they are every user's reviews,
 * the quirk), two on each of the other top five products, so the deep query's answer is about
 * 83 KB, within the public benchmark's 80-90 KB.
 */
const REVIEW_PRODUCTS = ['1', '1', '2', '3', '4', '5', '3', '4', '5', '9', '2'];
const REVIEWS = REVIEW_PRODUCTS.map((upc, i) => ({
  id: String(i + 1),
  body: body(i + 1),
  upc,
}));

const byId = (list, key) => new Map(list.map((item) => [item[key], item]));
const usersById = byId(USERS, 'id');
const productsByUpc = byId(PRODUCTS, 'upc');
const reviewsById = byId(REVIEWS, 'id');

const reviewOut = (review) => ({ id: review.id, body: review.body, upc: review.upc });

const RESOLVERS = {
  accounts: {
    Query: {
      me: () => USERS[0],
      user: (_, { id }) => usersById.get(id) ?? null,
      users: () => USERS,
    },
    User: { __resolveReference: (ref) => usersById.get(ref.id) ?? null },
  },
  inventory: {
    Product: {
      __resolveReference: (ref) => ({ upc: ref.upc, inStock: IN_STOCK.has(ref.upc) }),
      // The public benchmark's quirk: the required price and weight are ignored.
      shippingEstimate: () => null,
    },
  },
  products: {
    Query: { topProducts: (_, { first }) => PRODUCTS.slice(0, first ?? 5) },
    Product: { __resolveReference: (ref) => productsByUpc.get(ref.upc) ?? null },
  },
  reviews: {
    Review: {
      __resolveReference: (ref) => {
        const review = reviewsById.get(ref.id);
        return review ? reviewOut(review) : null;
      },
      product: (review) => ({ __typename: 'Product', upc: review.upc }),
      // The public benchmark's quirk: every review is by user 1.
      author: () => ({ __typename: 'User', id: '1', username: USERS[0].username }),
    },
    User: {
      __resolveReference: (ref) => ({ id: ref.id }),
      // The public benchmark's quirk: every user has the first two reviews.
      reviews: () => REVIEWS.slice(0, 2).map(reviewOut),
    },
    Product: {
      __resolveReference: (ref) => ({ upc: ref.upc }),
      reviews: (product) => REVIEWS.filter((r) => r.upc === product.upc).map(reviewOut),
    },
  },
};

/** The subgraphs' SDL, from the bench fixtures (copies of the shared benchmark's). */
export function subgraphSdl(name) {
  return readFileSync(new URL(`../fixtures/demo/${name}.graphql`, import.meta.url), 'utf8');
}

/** Executable schemas by route name. */
function buildSchemas() {
  return new Map(
    SUBGRAPH_NAMES.map((name) => [
      name,
      buildSubgraphSchema([{ typeDefs: parse(subgraphSdl(name)), resolvers: RESOLVERS[name] }]),
    ]),
  );
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Starts the server; resolves with it once listening. */
export function startSubgraphs(port, host = '127.0.0.1') {
  const schemas = buildSchemas();
  const documents = new Map(SUBGRAPH_NAMES.map((name) => [name, new Map()]));
  const counts = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, 0]));

  function documentFor(name, query) {
    const cache = documents.get(name);
    let entry = cache.get(query);
    if (entry === undefined) {
      try {
        const document = parse(query);
        const errors = validate(schemas.get(name), document, specifiedRules);
        entry = errors.length > 0 ? { errors } : { document };
      } catch (error) {
        entry = { errors: [{ message: String(error?.message ?? error) }] };
      }
      if (cache.size < 1000) cache.set(query, entry);
    }
    return entry;
  }

  const send = (response, status, payload) => {
    const text = JSON.stringify(payload);
    response.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
    });
    response.end(text);
  };

  const server = createServer(async (request, response) => {
    const path = (request.url ?? '/').split('?')[0].replace(/^\/+|\/+$/g, '');
    try {
      if (path === '__stats') return send(response, 200, counts);
      if (path === '__reset') {
        for (const name of SUBGRAPH_NAMES) counts[name] = 0;
        return send(response, 200, counts);
      }
      const schema = schemas.get(path);
      if (schema === undefined || request.method !== 'POST') {
        return send(response, 404, { errors: [{ message: `no subgraph at /${path}` }] });
      }
      counts[path] += 1;
      const params = JSON.parse(await readBody(request));
      const entry = documentFor(path, params.query);
      if (entry.errors) return send(response, 200, { errors: entry.errors });
      const result = await execute({
        schema,
        document: entry.document,
        variableValues: params.variables,
        operationName: params.operationName,
      });
      return send(response, 200, result);
    } catch (error) {
      return send(response, 500, { errors: [{ message: String(error) }] });
    }
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '4200' } } });
  await startSubgraphs(Number(values.port));
  console.log(`subgraphs listening on ${values.port}`);
}
