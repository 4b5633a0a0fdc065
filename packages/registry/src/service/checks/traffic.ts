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
  /**
   * Over both thresholds: the operation counts. Weighed on its text (name, type and signature),
   * whose requests may be spread over several ids: variable values that touch other enum values
   * or input fields, or a publish that changed what the text touches, give other ids.
   */
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

const share = (requests: number, total: number): number =>
  total > 0 ? (requests * 100) / total : 0;

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
  const operations: (Omit<TrafficOperation, 'counted'> & { text: string })[] = [];
  const byText = new Map<string, number>();
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
    const text = `${operation.type}\n${operation.name ?? ''}\n${operation.signature}`;
    byText.set(text, (byText.get(text) ?? 0) + requests);
    operations.push({
      text,
      operationId: operation.operationId,
      name: operation.name,
      type: operation.type,
      signature: operation.signature,
      requests,
      percentage: share(requests, usage.totalRequests),
      clients: [...clients].sort((a, b) => b.requests - a.requests),
      coordinates: new Set(operation.coordinates),
    });
  }
  const counted: TrafficOperation[] = operations.map(({ text, ...operation }) => {
    const requests = byText.get(text)!;
    return {
      ...operation,
      counted:
        requests >= config.queryCountThreshold &&
        share(requests, usage.totalRequests) >= config.queryPercentageThreshold,
    };
  });
  counted.sort((a, b) => b.requests - a.requests || a.operationId.localeCompare(b.operationId));
  return { totalRequests: usage.totalRequests, includedRequests, operations: counted };
}
