/**
 * `toErrorAnswer` on errors the database driver really throws: a refused connection is the
 * registry being unavailable (503, retried by clients), a failing query is a bug (500).
 */
import { describe, expect, it } from 'vitest';
import { toErrorAnswer } from '../../src/http/errors.js';
import { openStorage } from '../../src/storage/open.js';
import { createTestDatabase } from '../storage/test-database.js';

async function thrownBy(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('error answers for storage failures', () => {
  it('answers 503 UNAVAILABLE with Retry-After when the database refuses connections', async () => {
    // Port 1 on loopback: nothing listens, the driver gets ECONNREFUSED.
    const error = await thrownBy(() =>
      openStorage({ databaseUrl: 'postgres://postgres@127.0.0.1:1/test' }),
    );
    const logged: unknown[] = [];
    const answer = toErrorAnswer(error, (e) => logged.push(e));
    expect(answer.status).toBe(503);
    expect(answer.body.error.code).toBe('UNAVAILABLE');
    expect(answer.headers).toEqual({ 'retry-after': '5' });
    expect(logged).toEqual([error]);
  });

  it('answers 500 INTERNAL for a query that fails on a working connection', async () => {
    const database = await createTestDatabase();
    const storage = await openStorage({ databaseUrl: database.url });
    try {
      const error = await thrownBy(() =>
        storage.transaction((query) => query('SELECT * FROM no_such_table')),
      );
      const answer = toErrorAnswer(error, () => {});
      expect(answer.status).toBe(500);
      expect(answer.body.error.code).toBe('INTERNAL');
    } finally {
      await storage.close();
      await database.drop();
    }
  });
});
