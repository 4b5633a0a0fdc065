/**
 * `createServer`: a `node:http` server around `gateway.handle`. Bodies are read up to the body
 * limit and refused with 413 past it, without buffering the rest.
 *
 * @module
 */
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { GatewayRequest, GatewayResponse } from './types.js';

/** What `createServer` needs of a gateway. */
export interface HandlesRequests {
  handle(request: GatewayRequest): Promise<GatewayResponse>;
}

export interface ServerOptions {
  /** Largest body read (default 1 MiB); keep it equal to the gateway's `limits.maxBodyBytes`. */
  readonly maxBodyBytes?: number;
  /** Keep-alive timeout for client connections in ms (default 65 000, above common LB idles). */
  readonly keepAliveTimeoutMs?: number;
}

const TOO_LARGE = JSON.stringify({
  errors: [
    {
      message: 'The request body is too large.',
      extensions: { code: 'ERR_GATEWAY_BODY_TOO_LARGE' },
    },
  ],
});

/** A `node:http` server serving `gateway` (call `.listen(port)`). */
export function createServer(gateway: HandlesRequests, options: ServerOptions = {}): Server {
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const server = createHttpServer((req, res) => {
    serve(gateway, req, res, maxBodyBytes).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 65_000;
  return server;
}

async function serve(
  gateway: HandlesRequests,
  req: IncomingMessage,
  res: ServerResponse,
  maxBodyBytes: number,
): Promise<void> {
  let body: string | undefined;
  if (req.method === 'POST') {
    const declared = Number(req.headers['content-length']);
    if (declared > maxBodyBytes) return tooLarge(res);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBodyBytes) return tooLarge(res);
      chunks.push(chunk);
    }
    body =
      chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
  }
  const request: GatewayRequest =
    body === undefined
      ? { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers }
      : { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body };
  const response = await gateway.handle(request);
  res.writeHead(response.status, {
    ...response.headers,
    'content-length': Buffer.byteLength(response.body),
  });
  res.end(response.body);
}

function tooLarge(res: ServerResponse): void {
  res.writeHead(413, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(TOO_LARGE),
    connection: 'close',
  });
  res.end(TOO_LARGE);
}
