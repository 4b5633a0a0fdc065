/**
 * CheckResult builders for the `subgraph-check` rendering tests: values shaped as the registry
 * answers them, a passed check with only safe changes unless parts are overridden.
 */
import type {
  AffectedOperation,
  CheckedChange,
  CheckResult,
  ContractCheck,
  OperationsTask,
} from '@orrery/registry-client';

export function checkResult(overrides: Partial<CheckResult> = {}): CheckResult {
  return {
    id: 3,
    graph: 'shop',
    variant: 'prod',
    subgraph: 'users',
    status: 'passed',
    url: 'http://registry.test/api/v1/graphs/shop/variants/prod/checks/3',
    config: {
      validationPeriodSeconds: 7 * 24 * 3600,
      queryCountThreshold: 1,
      queryPercentageThreshold: 0,
      failOnDangerous: false,
      planRegressions: 'warn',
      excludedClients: [],
      excludedOperations: [],
      trafficVariants: [],
    },
    baseLaunchId: 5,
    composition: { status: 'passed', errors: [], hints: [] },
    operations: operationsTask(),
    contracts: [],
    planRegressions: { status: 'passed', regressions: [] },
    actor: 'admin',
    createdAt: '2026-12-04T05:00:00.000Z',
    ...overrides,
  };
}

export function operationsTask(overrides: Partial<OperationsTask> = {}): OperationsTask {
  return {
    status: 'passed',
    totalRequests: 1250,
    changes: [change({ code: 'FIELD_ADDED', severity: 'safe', coordinate: 'User.email' })],
    affectedOperations: [],
    ...overrides,
  };
}

export function change(overrides: Partial<CheckedChange> = {}): CheckedChange {
  const severity = overrides.severity ?? 'breaking';
  return {
    code: 'FIELD_REMOVED',
    severity,
    coordinate: 'User.name',
    message: `Field '${(overrides.coordinate ?? 'User.name').split('.')[1]}' changed on 'User'`,
    impact: severity === 'safe' ? 'safe' : 'unused',
    affectedOperations: 0,
    affectedRequests: 0,
    ...overrides,
  };
}

export function affected(overrides: Partial<AffectedOperation> = {}): AffectedOperation {
  return {
    operationId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9',
    name: 'GetMe',
    type: 'query',
    signature: 'query GetMe{me{id name}}',
    requests: 42,
    percentage: 3.36,
    clients: [
      { name: 'web', version: '1.2.0', requests: 40 },
      { name: 'ios', version: '', requests: 2 },
    ],
    classification: 'broken',
    coordinates: ['User.name'],
    ...overrides,
  };
}

/** A check failed by `User.name` removed while `GetMe` (web, ios) selects it. */
export function brokenCheck(overrides: Partial<CheckResult> = {}): CheckResult {
  return checkResult({
    status: 'failed',
    operations: operationsTask({
      status: 'failed',
      changes: [
        change({ code: 'FIELD_ADDED', severity: 'safe', coordinate: 'User.email' }),
        change({ impact: 'broken', affectedOperations: 1, affectedRequests: 42 }),
      ],
      affectedOperations: [affected()],
    }),
    ...overrides,
  });
}

export function contract(overrides: Partial<ContractCheck> = {}): ContractCheck {
  return {
    variant: 'public',
    status: 'passed',
    compositionErrors: [],
    operations: operationsTask({ changes: [] }),
    ...overrides,
  };
}
