/**
 * Contracts downstream: every contract variant fed by the checked variant is filtered from the
 * proposed supergraph exactly as a publish would relaunch it (`buildContract`), diffed against
 * the contract's own served API schema and weighed against the contract's own traffic (its
 * clients are not the source's). A filter that fails, or broken operations, fail the check.
 *
 * @module
 */
import type { ContractCheck } from '@orrery/registry-client';
import type { ServiceContext } from '../context.js';
import { buildContract, printApiSchema } from '../launch.js';
import type { AppliedConfig } from './config.js';
import { skippedOperations } from './impact.js';
import { checkOperations } from './operations.js';
import type { ContractSnapshot } from './snapshot.js';

export async function checkContracts(
  context: ServiceContext,
  input: {
    readonly graph: string;
    readonly contracts: readonly ContractSnapshot[];
    readonly config: AppliedConfig;
    readonly now: Date;
    /** The proposed source supergraph; undefined when it did not compose. */
    readonly proposedSupergraphSdl: string | undefined;
  },
): Promise<ContractCheck[]> {
  const results: ContractCheck[] = [];
  for (const contract of input.contracts) {
    if (input.proposedSupergraphSdl === undefined) {
      results.push({
        variant: contract.variant,
        status: 'skipped',
        compositionErrors: [],
        operations: skippedOperations(),
      });
      continue;
    }
    const built = buildContract(input.proposedSupergraphSdl, contract.config);
    if (!built.ok) {
      results.push({
        variant: contract.variant,
        status: 'failed',
        compositionErrors: built.errors,
        operations: skippedOperations(),
      });
      continue;
    }
    const { task } = await checkOperations(context, {
      graph: input.graph,
      trafficVariants: [contract.variant],
      // The contract's own traffic, with the check's thresholds and exclusions.
      config: { ...input.config, trafficVariants: [contract.variant] },
      now: input.now,
      servedApiSchemaSdl: contract.served?.apiSchemaSdl,
      proposedApiSchemaSdl: printApiSchema(built.apiSchema),
      readAll: false,
    });
    results.push({
      variant: contract.variant,
      status: task.status,
      compositionErrors: [],
      operations: task,
    });
  }
  return results;
}
