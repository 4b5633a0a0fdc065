import { afterAll } from 'vitest';
import { openStorage } from '../../src/storage/open.js';
import { createTestDatabase, type TestDatabase } from '../storage/test-database.js';
import { runServiceSuite } from './service.suite.js';

let database: TestDatabase | undefined;

runServiceSuite('PostgreSQL', async () => {
  database = await createTestDatabase();
  return openStorage({ databaseUrl: database.url });
});

// Registered after the suite's own afterAll (which closes the service), so it runs last.
afterAll(() => database?.drop());
