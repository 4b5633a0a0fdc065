/**
 * A tiny usage-report receiver on a loopback port: records each request's path, headers and JSON
 * body, and answers like the registry's ingest (202), or holds every request until released
 * (`hold: true`, a registry that hangs).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { UsageReport } from '@orrery/registry-client';

export interface ReceivedReport {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: UsageReport;
}

export interface Receiver {
  readonly url: string;
  readonly reports: ReceivedReport[];
  /** Requests received and not answered yet (`hold: true`). */
  readonly held: number;
  /** Answers every held request with 202. */
  release(): void;
  close(): Promise<void>;
}

export async function startReceiver(options: { hold?: boolean } = {}): Promise<Receiver> {
  const reports: ReceivedReport[] = [];
  const held: ServerResponse[] = [];
  const answer = (res: ServerResponse, accepted: number) => {
    res.writeHead(202, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ accepted, rejected: 0 }));
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as UsageReport;
      reports.push({ path: req.url ?? '', headers: req.headers, body });
      if (options.hold) held.push(res);
      else answer(res, body.rows.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const release = () => {
    for (const res of held.splice(0)) if (!res.destroyed) answer(res, 0);
  };
  return {
    url: `http://127.0.0.1:${port}`,
    reports,
    get held() {
      return held.filter((res) => !res.writableEnded && !res.destroyed).length;
    },
    release,
    async close() {
      release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A loopback URL nothing listens on (a port that was free a moment ago). */
export async function unreachableUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
