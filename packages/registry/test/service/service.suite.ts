import { afterAll, beforeAll, describe } from 'vitest';
import { createRegistryService } from '../../src/service/index.js';
import type { RegistryService } from '../../src/service/types.js';
import type { Storage } from '../../src/storage/types.js';
import { accessCases } from './access.cases.js';
import { checksCases } from './checks.cases.js';
import { publishingCases } from './publishing.cases.js';
import { usageCases } from './usage.cases.js';

/**
 * The registry service's behaviour, run once on PGlite and once on PostgreSQL. `openStorage`
 * returns a migrated storage on a fresh database; each test uses its own graph.
 */
export function runServiceSuite(name: string, openStorage: () => Promise<Storage>): void {
  describe(`registry service on ${name}`, () => {
    let service: RegistryService;

    beforeAll(async () => {
      service = createRegistryService({
        storage: await openStorage(),
        publicUrl: 'https://registry.example',
        // Retries 5, 10, 20, 40 ms apart: the backoff is exercised without slowing the suite.
        webhookDelivery: { retryBaseDelayMs: 5, timeoutMs: 5_000 },
      });
    });
    afterAll(() => service?.close());

    publishingCases(() => service);
    accessCases(() => service);
    usageCases(() => service);
    checksCases(() => service);
  });
}
