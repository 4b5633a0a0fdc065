/**
 * A scripted `node:http` server for the client's unit tests: each request is recorded and
 * answered by the next scripted reply (or by a handler). It knows nothing of the registry: the
 * tests say what the registry would answer, and check what the client sent and made of it. The
 * real registry is exercised by the CLI's e2e suites.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  /** Path and query, as sent. */
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export interface Reply {
  readonly status: number;
  readonly headers?: Record<string, string>;
  /** Sent as JSON unless it is a string. */
  readonly body?: unknown;
  /** Destroy the socket instead of answering (a network failure). */
  readonly destroy?: boolean;
  /** Never answer (a hung server); the socket is closed when the stub closes. */
  readonly hang?: boolean;
}

export interface HttpStub {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Sets the replies (replacing any left), used in order; the last one repeats. */
  reply(...replies: Reply[]): void;
  close(): Promise<void>;
}

export async function startHttpStub(): Promise<HttpStub> {
  const requests: RecordedRequest[] = [];
  const queue: Reply[] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const next = (queue.length > 1 ? queue.shift() : queue[0]) ?? { status: 500 };
      if (next.destroy) {
        req.socket.destroy();
        return;
      }
      if (next.hang) {
        hanging.add(res);
        return;
      }
      const text =
        next.body === undefined
          ? ''
          : typeof next.body === 'string'
            ? next.body
            : JSON.stringify(next.body);
      res.writeHead(next.status, {
        ...(typeof next.body === 'string' || next.body === undefined
          ? {}
          : { 'content-type': 'application/json' }),
        ...next.headers,
      });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => void queue.splice(0, queue.length, ...replies),
    close: async () => {
      for (const res of hanging) res.socket?.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
