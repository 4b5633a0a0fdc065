import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSubgraphs } from '../src/gateway-subgraphs.mjs';

let server: Awaited<ReturnType<typeof startSubgraphs>>;
let origin = '';

// Responses are read field by field in the assertions; a loose shape keeps them short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function post(path: string, body: unknown): Promise<Json> {
  const response = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.json();
}

beforeAll(async () => {
  server = await startSubgraphs(0);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('benchmark subgraphs', () => {
  it('serves the data shape: 6 users, 9 products', async () => {
    const users = await post('/accounts', { query: '{ users { id username } }' });
    expect(users.data.users).toHaveLength(6);
    const top = await post('/products', {
      query: '{ topProducts(first: 20) { upc price weight } }',
    });
    expect(top.data.topProducts.map((p: { upc: string }) => p.upc)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
    ]);
  });

  it('keeps the public quirks: first two reviews, author 1, null shippingEstimate', async () => {
    const reviews = await post('/reviews', {
      query: `query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on User { reviews { id body author { id } } } } }`,
      variables: { r: [{ __typename: 'User', id: '5' }] },
    });
    const list = reviews.data._entities[0].reviews;
    expect(list.map((r: { id: string }) => r.id)).toEqual(['1', '2']);
    expect(list.every((r: { author: { id: string } }) => r.author.id === '1')).toBe(true);
    expect(list[0].body.length).toBeGreaterThanOrEqual(600);
    const inventory = await post('/inventory', {
      query: `query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on Product { inStock shippingEstimate } } }`,
      variables: { r: [{ __typename: 'Product', upc: '1', price: 899, weight: 100 }] },
    });
    expect(inventory.data._entities[0]).toEqual({ inStock: true, shippingEstimate: null });
  });

  it('counts requests per route and resets the counts', async () => {
    await post('/__reset', {});
    await post('/accounts', { query: '{ me { id } }' });
    await post('/accounts', { query: '{ me { id } }' });
    await post('/reviews', { query: '{ _service { sdl } }' });
    expect(await post('/__stats', {})).toEqual({
      accounts: 2,
      inventory: 0,
      products: 0,
      reviews: 1,
    });
  });
});
