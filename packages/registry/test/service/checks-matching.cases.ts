import type { SchemaChange } from '@orrery/registry-client';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/service/checks/config.js';
import { NO_FACTS, schemaFacts } from '../../src/service/checks/coordinates.js';
import { changeMatchers, soften, weighChanges } from '../../src/service/checks/impact.js';
import type { Traffic } from '../../src/service/checks/traffic.js';

/** How changes meet operations, on synthetic traffic (no database needed, run with the suite). */
export function checkMatchingCases(): void {
  const config = resolveConfig({ graph: 'g', variant: 'v' });
  const traffic = (
    ops: { id: string; type?: 'query' | 'mutation'; coordinates: string[]; requests?: number }[],
  ): Traffic => ({
    totalRequests: ops.reduce((sum, o) => sum + (o.requests ?? 1), 0),
    includedRequests: ops.reduce((sum, o) => sum + (o.requests ?? 1), 0),
    operations: ops.map((o) => ({
      operationId: o.id,
      name: o.id,
      type: o.type ?? 'query',
      signature: '{__typename}',
      requests: o.requests ?? 1,
      percentage: 0,
      clients: [],
      coordinates: new Set(o.coordinates),
      counted: true,
    })),
  });
  const weigh = (changes: SchemaChange[], t: Traffic, facts = NO_FACTS) =>
    weighChanges(changes.map(soften), changeMatchers(changes.map(soften), facts), t, config);

  describe('check matching', () => {
    it('matches argument changes by the gateway coordinate format', () => {
      const t = traffic([
        { id: 'passes', coordinates: ['Query.products', 'Query.products(first:)'] },
        { id: 'omits', coordinates: ['Query.products'] },
      ]);
      const removed = weigh(
        [
          {
            code: 'ARG_REMOVED',
            severity: 'breaking',
            coordinate: 'Query.products(first:)',
            message: '',
          },
        ],
        t,
      );
      expect(removed.affectedOperations.map((o) => o.operationId)).toEqual(['passes']);
      const required = weigh(
        [
          {
            code: 'REQUIRED_ARG_ADDED',
            severity: 'breaking',
            coordinate: 'Query.products(after:)',
            message: '',
          },
        ],
        t,
      );
      expect(required.affectedOperations.map((o) => o.operationId).sort()).toEqual([
        'omits',
        'passes',
      ]);
      // A new default reaches the calls that omit the argument, and those passing a variable the
      // request leaves unset: reports cannot tell these from calls that give it, so all calls.
      const defaulted = weigh(
        [
          {
            code: 'ARG_DEFAULT_VALUE_CHANGE',
            severity: 'dangerous',
            coordinate: 'Query.products(first:)',
            message: '',
          },
        ],
        t,
      );
      expect(defaulted.affectedOperations.map((o) => [o.operationId, o.classification])).toEqual([
        ['omits', 'potentially-affected'],
        ['passes', 'potentially-affected'],
      ]);
    });

    it('matches a removed enum value by the value sent, and by the enum when a field returns it', () => {
      const t = traffic([
        { id: 'sends', coordinates: ['Status', 'Status.RETIRED'] },
        { id: 'reads', coordinates: ['Product.status', 'Status'] },
      ]);
      const removal: SchemaChange = {
        code: 'VALUE_REMOVED_FROM_ENUM',
        severity: 'breaking',
        coordinate: 'Status.RETIRED',
        message: '',
      };
      expect(weigh([removal], t).affectedOperations.map((o) => o.operationId)).toEqual(['sends']);
      const output = schemaFacts(
        'type Query { product: Product } type Product { status: Status } enum Status { ACTIVE RETIRED }',
      );
      expect(output.outputEnums.has('Status')).toBe(true);
      expect(
        weigh([removal], t, output)
          .affectedOperations.map((o) => o.operationId)
          .sort(),
      ).toEqual(['reads', 'sends']);
    });

    it('matches interface implementations by the interface, unions by the union', () => {
      const t = traffic([
        { id: 'channels', coordinates: ['Channel', 'Query.channels'] },
        { id: 'results', coordinates: ['Query.search', 'SearchResult'] },
      ]);
      const task = weigh(
        [
          {
            code: 'TYPE_REMOVED_FROM_INTERFACE',
            severity: 'breaking',
            coordinate: 'EmailChannel',
            message: '',
            meta: { interface: 'Channel' },
          },
          {
            code: 'TYPE_ADDED_TO_UNION',
            severity: 'dangerous',
            coordinate: 'SearchResult',
            message: '',
            meta: { member: 'Film' },
          },
        ],
        t,
      );
      expect(task.affectedOperations.map((o) => [o.operationId, o.classification])).toEqual([
        ['channels', 'broken'],
        ['results', 'potentially-affected'],
      ]);
    });

    it('matches a changed root by operation type, directive changes by the directive', () => {
      const t = traffic([
        { id: 'read', coordinates: ['Query.products'] },
        { id: 'lower', coordinates: ['@lowercase', 'Query.products'] },
        { id: 'write', type: 'mutation', coordinates: ['Mutation.addProduct'] },
      ]);
      const root = weigh(
        [
          {
            code: 'ROOT_TYPE_CHANGED',
            severity: 'breaking',
            coordinate: 'Mutation',
            message: '',
            meta: { operation: 'mutation' },
          },
        ],
        t,
      );
      expect(root.affectedOperations.map((o) => o.operationId)).toEqual(['write']);
      const directive: SchemaChange = {
        code: 'DIRECTIVE_REMOVED',
        severity: 'breaking',
        coordinate: '@lowercase',
        message: '',
      };
      const used = weigh([directive], t);
      expect(used.status).toBe('failed');
      expect(used.changes[0]).toMatchObject({ impact: 'broken', affectedOperations: 1 });
      expect(used.affectedOperations.map((o) => o.operationId)).toEqual(['lower']);
      const quiet = weigh([directive], traffic([{ id: 'read', coordinates: ['Query.products'] }]));
      expect(quiet.status).toBe('passed');
      expect(quiet.changes[0]!.impact).toBe('unused');
    });
  });
}
