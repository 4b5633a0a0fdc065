import { beforeAll, describe, expect, it } from 'vitest';
import type { RegistryService } from '../../src/service/types.js';

/** Usage: filled in by the usage work; starts as a seam test that the service exposes the methods. */
export function usageCases(getService: () => RegistryService): void {
  let service: RegistryService;
  beforeAll(() => {
    service = getService();
  });

  describe('usage', () => {
    it('is part of the service', () => {
      expect(typeof service.close).toBe('function');
    });
  });
}
