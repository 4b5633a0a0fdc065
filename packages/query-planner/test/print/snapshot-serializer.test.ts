import { describe, expect, it } from 'vitest';
import { isQueryPlan, queryPlanSerializer, type QueryPlan } from '../../src/index.js';

expect.addSnapshotSerializer(queryPlanSerializer);

const PLAN: QueryPlan = {
  kind: 'QueryPlan',
  node: {
    kind: 'Fetch',
    serviceName: 'accounts',
    operation: 'query Me__accounts__0{me{name}}',
    operationName: 'Me__accounts__0',
    operationKind: 'query',
  },
};

describe('queryPlanSerializer', () => {
  it('snapshots a plan as its printed text', () => {
    expect(PLAN).toMatchInlineSnapshot(`
      QueryPlan {
        Fetch(service: "accounts") {
          {
            me {
              name
            }
          }
        },
      }
    `);
  });

  it('only claims query plans', () => {
    expect(isQueryPlan(PLAN)).toBe(true);
    expect(isQueryPlan({ kind: 'Fetch' })).toBe(false);
    expect(isQueryPlan(null)).toBe(false);
    expect({ kind: 'Other' }).toMatchInlineSnapshot(`
      {
        "kind": "Other",
      }
    `);
  });
});
