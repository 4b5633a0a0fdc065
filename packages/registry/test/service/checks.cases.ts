import { beforeAll, describe, expect, it } from 'vitest';
import type { RegistryService } from '../../src/service/types.js';

/** Checks: filled in by the checks work; starts as a seam test that the service exposes the methods. */
export function checksCases(getService: () => RegistryService): void {
  let service: RegistryService;
  beforeAll(() => {
    service = getService();
  });

  describe('checks', () => {
    it('is part of the service', () => {
      expect(typeof service.close).toBe('function');
    });
  });
}
