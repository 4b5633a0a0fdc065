/**
 * The traffic a check weighs changes against: the usage of the traffic variants in the window,
 * with excluded clients' requests and excluded operations taken out, and which operations are
 * over the thresholds.
 *
 * @module
 */
import type { ClientUsage } from '@orrery/registry-client';
import type { ServiceContext } from '../context.js';
import { queryUsage } from '../usage.js';
import type { AppliedConfig } from './config.js';

export interface TrafficOperation {
  readonly operationId: string;
  readonly name: string | null;
  readonly type: 'query' | 'mutation' | 'subscription';
  readonly signature: string;
  /** Requests after exclusions. */
  readonly requests: number;
  /** Share of the window's requests (before exclusions), 0-100. */
  readonly percentage: number;
  /** Clients after exclusions, most requests first. */
  readonly clients: readonly ClientUsage[];
  readonly coordinates: ReadonlySet<string>;
  /** Over both thresholds: the operation counts. */
  readonly counted: boolean;
}

export interface Traffic {
  /** Requests of the traffic variants in the window, before exclusions. */
  readonly totalRequests: number;
  /** Requests left after exclusions (all operations, counted or not). */
  readonly includedRequests: number;
  /** Operations with requests left after exclusions, most requests first. */
  readonly operations: readonly TrafficOperation[];
}

export const NO_TRAFFIC: Traffic = { totalRequests: 0, includedRequests: 0, operations: [] };

/** Whether a client is excluded: by name (any version) or by `name@version`. */
function excludedClient(config: AppliedConfig, client: ClientUsage): boolean {
  return config.excludedClients.some(
    (entry) => entry === client.name || entry === `${client.name}@${client.version}`,
  );
}

/**
 * Reads the traffic of `variants` in the window ending at `now`. `coordinates` narrows the read
 * to operations referencing at least one of them (all operations when undefined). The
 * percentage is of all the window's requests, excluded ones included, as Apollo computes it:
 * excluding a noisy client does not inflate everyone else's share.
 */
export async function readTraffic(
  context: ServiceContext,
  graph: string,
  variants: readonly string[],
  config: AppliedConfig,
  now: Date,
  coordinates: readonly string[] | undefined,
): Promise<Traffic> {
  if (variants.length === 0) return NO_TRAFFIC;
  const since = new Date(now.getTime() - config.validationPeriodSeconds * 1000);
  const usage = await queryUsage(context, {
    graph,
    variants,
    since,
    until: now,
    ...(coordinates ? { coordinates } : {}),
  });
  const excludedOperations = new Set(config.excludedOperations);
  const operations: TrafficOperation[] = [];
  let includedRequests = 0;
  for (const operation of usage.operations) {
    if (
      excludedOperations.has(operation.operationId) ||
      (operation.name !== null && excludedOperations.has(operation.name))
    ) {
      continue;
    }
    const clients = operation.clients.filter((client) => !excludedClient(config, client));
    const requests = clients.reduce((sum, client) => sum + client.requests, 0);
    if (requests === 0) continue;
    includedRequests += requests;
    const percentage = usage.totalRequests > 0 ? (requests * 100) / usage.totalRequests : 0;
    operations.push({
      operationId: operation.operationId,
      name: operation.name,
      type: operation.type,
      signature: operation.signature,
      requests,
      percentage,
      clients: [...clients].sort((a, b) => b.requests - a.requests),
      coordinates: new Set(operation.coordinates),
      counted:
        requests >= config.queryCountThreshold && percentage >= config.queryPercentageThreshold,
    });
  }
  operations.sort((a, b) => b.requests - a.requests || a.operationId.localeCompare(b.operationId));
  return { totalRequests: usage.totalRequests, includedRequests, operations };
}
