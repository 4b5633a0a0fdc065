import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The installed binary at the repository root (the built dist), as a user runs it. */
export const ORRERY_BIN = fileURLToPath(
  new URL('../../../node_modules/.bin/orrery', import.meta.url),
);

export interface RunResult {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the binary without blocking this process: the registry under test runs in it, so a
 * synchronous spawn would leave the registry unable to answer. The environment is only what is
 * given (plus PATH for `#!/usr/bin/env node`), so no ORRERY_* of the developer leaks in.
 */
export function runOrrery(
  args: readonly string[],
  options: { env?: Record<string, string>; input?: string | undefined; cwd?: string } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(ORRERY_BIN, [...args], {
      cwd: options.cwd,
      env: { PATH: process.env['PATH'] ?? '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/**
 * A running subgraph as far as `--endpoint` and `subgraph introspect` care: it answers
 * `{ _service { sdl } }` with the SDL it was given (and records the headers it got).
 */
export async function startSdlServer(sdl: string) {
  const headers: Record<string, string | string[] | undefined>[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      headers.push(req.headers);
      const query = (JSON.parse(body || '{}') as { query?: string }).query ?? '';
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          query.includes('_service')
            ? { data: { _service: { sdl } } }
            : { errors: [{ message: 'only _service is served here' }] },
        ),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    headers,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const LINK = (imports: string[]) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: [${imports.map((i) => `"${i}"`).join(', ')}])\n`;

/** Subgraph schemas for the tests: two that compose, one that conflicts with `users`. */
export const SCHEMAS = {
  users: `${LINK(['@key', '@tag'])}type Query { me: User }\ntype User @key(fields: "id") { id: ID! name: String secret: String @tag(name: "internal") }\n`,
  points: `${LINK(['@key'])}type User @key(fields: "id") { id: ID! points: Int }\n`,
  pointsV2: `${LINK(['@key'])}type User @key(fields: "id") { id: ID! points: Int level: Int }\n`,
  /** `User.name` as Int where `users` has String: composition fails. */
  conflicting: `${LINK(['@key'])}type User @key(fields: "id") { id: ID! name: Int }\n`,
  /** Not GraphQL. */
  broken: `type Query {\n  me: User\n`,
} as const;
