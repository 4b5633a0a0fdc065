/**
 * A registry over HTTP for tests: the real service on an in-memory PGlite, the real HTTP layer
 * on an ephemeral loopback port, and a small undici client that returns status, headers and the
 * parsed body.
 */
import type { KeyRole, KeyScope } from '@orrery/registry-client';
import { request } from 'undici';
import { graphql } from '../../../../internal/testing/src/index.js';
import { createRegistry, type RegistryOptions } from '../../src/http/create-registry.js';
import { bootstrapAdminKey } from '../../src/server.js';
import { createRegistryService } from '../../src/service/index.js';
import type { RegistryService } from '../../src/service/types.js';
import { openStorage } from '../../src/storage/open.js';

/**
 * Parsed JSON replies: tests check their shape with `toMatchObject`/`toEqual`, so a loose type
 * keeps them readable (the wire types are checked by the server's own code).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Reply<T = unknown> {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Parsed JSON when the answer is JSON, else the text ('' when empty). */
  readonly body: T;
}

export interface CallOptions {
  readonly key?: string | undefined;
  readonly body?: unknown;
  /** A raw body, sent as is (for malformed JSON and oversized bodies). */
  readonly rawBody?: string | Buffer;
  readonly headers?: Record<string, string>;
  readonly signal?: AbortSignal;
}

export interface TestRegistry {
  readonly url: string;
  readonly adminKey: string;
  readonly service: RegistryService;
  call<T = Json>(method: string, path: string, options?: CallOptions): Promise<Reply<T>>;
  /** Creates a key with the admin key and returns the raw key. */
  createKey(role: KeyRole, scope?: KeyScope, name?: string): Promise<string>;
  /** Publishes a subgraph with the admin key; fails the test unless the answer is 200. */
  publish(ref: string, name: string, sdl: string, url?: string): Promise<Json>;
  close(): Promise<void>;
}

export type HarnessOptions = Omit<RegistryOptions, 'service'> & {
  /** Wraps the service (to observe or break one method). */
  readonly wrapService?: (service: RegistryService) => RegistryService;
  /** Serve this backend instead of opening a new one (PGlite start-up is the slow part). */
  readonly backend?: TestBackend;
};

/** The storage and service behind one or more test registries. */
export interface TestBackend {
  readonly service: RegistryService;
  readonly adminKey: string;
  close(): Promise<void>;
}

/** The real service on an in-memory PGlite, with a first admin key. */
export async function startTestBackend(): Promise<TestBackend> {
  const storage = await openStorage();
  const service = createRegistryService({ storage });
  const adminKey = (await bootstrapAdminKey(storage, undefined))!;
  return {
    service,
    adminKey,
    async close() {
      await service.close();
      await storage.close();
    },
  };
}

export async function startTestRegistry(options: HarnessOptions = {}): Promise<TestRegistry> {
  const owned = options.backend === undefined;
  const backend = options.backend ?? (await startTestBackend());
  const { adminKey } = backend;
  const service = options.wrapService ? options.wrapService(backend.service) : backend.service;
  const { wrapService: _, backend: __, ...registryOptions } = options;
  const registry = createRegistry({ log: () => {}, ...registryOptions, service });
  const { url } = await registry.listen(0);

  const call = async <T>(method: string, path: string, opts: CallOptions = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.key !== undefined) headers.authorization = `Bearer ${opts.key}`;
    let body: string | Buffer | undefined = opts.rawBody;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
    const response = await request(`${url}${path}`, {
      method: method as 'GET',
      headers,
      body: body ?? null,
      signal: opts.signal ?? null,
    });
    const text = await response.body.text();
    const type = String(response.headers['content-type'] ?? '');
    return {
      status: response.statusCode,
      headers: response.headers,
      body: (type.startsWith('application/json') ? JSON.parse(text) : text) as T,
    };
  };

  return {
    url,
    adminKey,
    service,
    call,
    async createKey(role, scope, name = `${role}-key`) {
      const reply = await call<{ key: string }>('POST', '/api/v1/keys', {
        key: adminKey,
        body: { name, role, ...(scope && { scope }) },
      });
      if (reply.status !== 201) throw new Error(`key creation failed: ${JSON.stringify(reply)}`);
      return reply.body.key;
    },
    async publish(ref, name, sdl, subgraphUrl = `http://${name}.test/graphql`) {
      const [graph, variant] = ref.split('@');
      const reply = await call(
        'POST',
        `/api/v1/graphs/${graph}/variants/${variant}/subgraphs/${name}`,
        { key: adminKey, body: { sdl, url: subgraphUrl } },
      );
      if (reply.status !== 200) throw new Error(`publish failed: ${JSON.stringify(reply.body)}`);
      return reply.body;
    },
    async close() {
      await registry.close();
      if (owned) await backend.close();
    },
  };
}

// ---- Subgraphs ---------------------------------------------------------------------------------

const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

export const PRODUCTS = graphql`
  ${LINK}
  type Query {
    products: [Product]
  }
  type Product @key(fields: "upc") {
    upc: ID!
    name: String
  }
`;

export const PRODUCTS_V2 = graphql`
  ${LINK}
  type Query {
    products: [Product]
    topProduct: Product
  }
  type Product @key(fields: "upc") {
    upc: ID!
    name: String
    price: Int
  }
`;

export const REVIEWS = graphql`
  ${LINK}
  type Review {
    id: ID!
    body: String
    product: Product
  }
  type Product @key(fields: "upc") {
    upc: ID!
    reviews: [Review]
  }
`;

/** Composes alone but not with PRODUCTS: `Product.name` has a different type. */
export const CONFLICTING = graphql`
  ${LINK}
  type Query {
    other: Product
  }
  type Product @key(fields: "upc") {
    upc: ID!
    name: Int
  }
`;

/** Resolves once `check()` is true; a hang guard only, never a timing assertion. */
export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
