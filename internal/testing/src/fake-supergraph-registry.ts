/**
 * A stand-in for the registry's supergraph route only, for the poller's unit tests: it serves
 * launches that a test sets, answers If-None-Match with 304, and holds `?wait=` requests until
 * the next launch. The real registry is exercised by the e2e suites.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRegistry {
  readonly url: string;
  /** Serves a new launch (and wakes long-polls). */
  launch(id: number, sdl: string): void;
  /** Makes every request fail with this status until cleared (`undefined`). */
  failWith(status: number | undefined): void;
  readonly requests: { path: string; ifNoneMatch?: string; auth?: string }[];
  close(): Promise<void>;
}

export async function startFakeRegistry(key = 'orr_gateway_k_secret'): Promise<FakeRegistry> {
  let current: { id: number; sdl: string; hash: string } | undefined;
  let failure: number | undefined;
  const waiting = new Set<() => void>();
  const requests: FakeRegistry['requests'] = [];

  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const etag = req.headers['if-none-match'];
    if (!current) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'no launch yet' } }));
      return;
    }
    const headers = {
      etag: `"${current.hash}"`,
      'x-orrery-launch-id': String(current.id),
      'x-orrery-supergraph-hash': current.hash,
      'x-orrery-poll-interval': '1',
    };
    if (etag === `"${current.hash}"`) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': 'text/plain' });
    res.end(current.sdl);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push({
      path: url.pathname + url.search,
      ...(req.headers['if-none-match'] ? { ifNoneMatch: req.headers['if-none-match'] } : {}),
      ...(req.headers.authorization ? { auth: req.headers.authorization } : {}),
    });
    if (failure) {
      res.writeHead(failure);
      res.end('{"error":{"code":"INTERNAL","message":"down"}}');
      return;
    }
    if (req.headers.authorization !== `Bearer ${key}`) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"error":{"code":"UNAUTHENTICATED","message":"bad key"}}');
      return;
    }
    const wait = Number(url.searchParams.get('wait') ?? 0);
    const unchanged = current && req.headers['if-none-match'] === `"${current.hash}"`;
    if (wait > 0 && unchanged) {
      const wake = () => {
        clearTimeout(timer);
        waiting.delete(wake);
        answer(req, res);
      };
      const timer = setTimeout(wake, wait * 1000);
      waiting.add(wake);
      req.on('close', () => {
        clearTimeout(timer);
        waiting.delete(wake);
      });
      return;
    }
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    launch(id, sdl) {
      current = { id, sdl, hash: `h${id}-${sdl.length}` };
      for (const wake of [...waiting]) wake();
    },
    failWith(status) {
      failure = status;
    },
    async close() {
      for (const wake of [...waiting]) wake();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
