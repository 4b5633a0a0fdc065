/**
 * The shared in-memory data set most scenarios serve. Subgraph resolvers and monolith resolvers
 * read the SAME arrays, so any difference in answers comes from the federation layer. Read-only:
 * scenarios with mutations keep their own data and a `reset`.
 */
export interface User {
  readonly id: string;
  readonly name: string;
  readonly username: string;
  readonly email: string;
  readonly orgId: string;
  readonly role: 'ADMIN' | 'MEMBER' | 'GUEST';
}

export interface Product {
  readonly upc: string;
  readonly sku: string;
  readonly kind: 'Book' | 'Furniture';
  readonly name: string;
  readonly price: number;
  readonly weight: number;
  readonly inStock: boolean;
  readonly pages?: number;
  readonly material?: string;
}

export interface Review {
  readonly id: string;
  readonly body: string;
  readonly rating: number;
  readonly authorId: string;
  readonly upc: string;
}

export const USERS: readonly User[] = [
  {
    id: 'u1',
    name: 'Ada Lovelace',
    username: '@ada',
    email: 'ada@example.com',
    orgId: 'o1',
    role: 'ADMIN',
  },
  {
    id: 'u2',
    name: 'Alan Turing',
    username: '@alan',
    email: 'alan@example.com',
    orgId: 'o1',
    role: 'MEMBER',
  },
  {
    id: 'u3',
    name: 'Grace Hopper',
    username: '@grace',
    email: 'grace@example.com',
    orgId: 'o2',
    role: 'GUEST',
  },
];

export const PRODUCTS: readonly Product[] = [
  {
    upc: 'p1',
    sku: 'BK-1',
    kind: 'Book',
    name: 'Notes on the Engine',
    price: 12,
    weight: 3,
    inStock: true,
    pages: 40,
  },
  {
    upc: 'p2',
    sku: 'FN-1',
    kind: 'Furniture',
    name: 'Chair',
    price: 80,
    weight: 70,
    inStock: false,
    material: 'oak',
  },
  {
    upc: 'p3',
    sku: 'BK-2',
    kind: 'Book',
    name: 'Computable Numbers',
    price: 20,
    weight: 5,
    inStock: true,
    pages: 36,
  },
  {
    upc: 'p4',
    sku: 'FN-2',
    kind: 'Furniture',
    name: 'Table',
    price: 150,
    weight: 120,
    inStock: true,
    material: 'pine',
  },
];

export const REVIEWS: readonly Review[] = [
  { id: 'r1', body: 'Visionary', rating: 5, authorId: 'u2', upc: 'p1' },
  { id: 'r2', body: 'Dense', rating: 3, authorId: 'u1', upc: 'p1' },
  { id: 'r3', body: 'Foundational', rating: 5, authorId: 'u1', upc: 'p3' },
  { id: 'r4', body: 'Wobbly', rating: 2, authorId: 'u3', upc: 'p2' },
];

export const userById = (id: string): User | undefined => USERS.find((u) => u.id === id);
export const productByUpc = (upc: string): Product | undefined =>
  PRODUCTS.find((p) => p.upc === upc);
export const reviewsOf = (upc: string): Review[] => REVIEWS.filter((r) => r.upc === upc);
export const reviewsBy = (authorId: string): Review[] =>
  REVIEWS.filter((r) => r.authorId === authorId);

/** Resolver argument helpers: resolvers receive `(parent, args)` untyped. */
export type Args = Record<string, unknown>;
