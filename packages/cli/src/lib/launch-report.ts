/**
 * The words for what a publish, delete or restore did to the graph, in the seeds' style
 * (seed 001, "Handling composition failure"): first the subgraph, then whether the gateway's
 * supergraph was updated, said plainly when it was NOT, with each composition error on its own
 * line as `CODE [subgraphs] message`.
 *
 * @module
 */
import type { Diagnostic, Launch, SchemaChange } from '@orrery/registry-client';
import { formatTable, formatWireDiagnostic, plural, type Paint } from './output.js';

export interface LaunchOutcome {
  /** `graph@variant`. */
  readonly graphRef: string;
  /** The subgraph the change came from. */
  readonly subgraph: string;
  readonly launch: Launch | undefined;
  readonly supergraphUpdated: boolean;
  readonly errors: readonly Diagnostic[];
  readonly contractLaunches?: readonly Launch[];
}

function describeChanges(changes: readonly SchemaChange[], paint: Paint): string {
  if (changes.length === 0) return '';
  const severity = (s: SchemaChange['severity']) =>
    s === 'breaking' ? paint.red(s) : s === 'dangerous' ? paint.yellow(s) : s;
  return `\nAPI schema changes (${changes.length}):\n${formatTable(
    ['change', 'severity', 'coordinate', 'description'],
    changes.map((c) => [c.code, severity(c.severity), c.coordinate, c.message]),
  )
    .split('\n')
    .map((l) => (l ? `  ${l}` : l))
    .join('\n')}`;
}

/**
 * The paragraphs after "the subgraph was updated": the gateway's fate, the errors, the schema
 * changes and the contract launches. Returns whether composition failed.
 */
export function describeLaunchOutcome(
  outcome: LaunchOutcome,
  paint: Paint,
): { readonly text: string; readonly failed: boolean } {
  const { graphRef, subgraph, launch } = outcome;
  const parts: string[] = [];
  const failed = launch?.status === 'failed' || outcome.errors.length > 0;
  if (failed) {
    const errors = outcome.errors.length ? outcome.errors : (launch?.errors ?? []);
    parts.push(
      `Composition errors must be resolved before the graph's schema or corresponding gateway can be updated${launch ? ` (launch ${launch.id} failed with ${plural(errors.length, 'error')})` : ''}:\n`,
      ...errors.map((e) => `${paint.red('Error')}  ${formatWireDiagnostic(e)}`),
      '',
      paint.bold(`The gateway for the '${graphRef}' graph was NOT updated with a new schema`),
    );
  } else if (outcome.supergraphUpdated) {
    parts.push(
      paint.green(
        `The gateway for the '${graphRef}' graph was updated with a new schema, composed from the updated '${subgraph}' subgraph${launch ? ` (launch ${launch.id})` : ''}`,
      ),
    );
  } else if (launch) {
    parts.push(
      `Composition succeeded (launch ${launch.id}) but the supergraph is identical to the one served: the gateway for the '${graphRef}' graph keeps its schema`,
    );
  } else {
    parts.push(`No launch: the gateway for the '${graphRef}' graph keeps its schema`);
  }
  const changes = launch?.status === 'success' ? describeChanges(launch.changes, paint) : '';
  if (changes) parts.push(changes.trimEnd());
  for (const contract of outcome.contractLaunches ?? []) {
    const ref = `${contract.graph}@${contract.variant}`;
    parts.push(
      contract.status === 'success'
        ? `Contract '${ref}' relaunched (launch ${contract.id})`
        : paint.red(
            `Contract '${ref}' launch ${contract.id} failed: ${contract.errors.map(formatWireDiagnostic).join('; ')}`,
          ),
    );
  }
  return { text: `${parts.join('\n')}\n`, failed };
}
