/**
 * A check's result in words: what was checked and against which traffic, one line per task,
 * then the details of what did not pass (composition errors, the changes weighed against
 * traffic, the operations they affect, contracts, query plan regressions), the check's URL, and
 * a last line a CI log can be grepped for: `Check passed` or `Check failed: <why>`.
 * `subgraph check`, `service:check` and `check show` all print it.
 *
 * @module
 */
import type {
  AffectedOperation,
  CheckedChange,
  CheckResult,
  ContractCheck,
  Diagnostic,
  OperationsTask,
  TaskStatus,
} from '@orrery/registry-client';
import { formatTable, formatWireDiagnostic, plural, type Paint } from '../../lib/output.js';
import {
  formatClients,
  formatCount,
  formatPercent,
  formatPeriod,
  operationLabel,
} from '../../lib/usage-format.js';

export interface RenderOptions {
  /** Print composition hints (otherwise only counted). */
  readonly verbose?: boolean;
}

const SEVERITY_ORDER = { breaking: 0, dangerous: 1, safe: 2 } as const;

function indent(text: string, by = '  '): string {
  return text
    .split('\n')
    .map((line) => (line ? by + line : line))
    .join('\n');
}

function status(value: TaskStatus, paint: Paint): string {
  switch (value) {
    case 'passed':
      return paint.green(value);
    case 'failed':
      return paint.red(value);
    case 'warning':
      return paint.yellow(value);
    case 'skipped':
      return paint.dim(value);
  }
}

/** `1 breaking change affects 2 operations`, `2 breaking changes affect 1 operation`. */
function affects(changes: number, kind: string, operations: number): string {
  return `${plural(changes, `${kind} change`)} ${changes === 1 ? 'affects' : 'affect'} ${plural(operations, 'operation')}`;
}

/** What the operations task found, counted: the check's reason to fail or warn. */
function impactCounts(task: OperationsTask) {
  const broken = task.changes.filter((c) => c.impact === 'broken');
  const dangerous = task.changes.filter((c) => c.impact === 'potentially-affected');
  return {
    brokenChanges: broken.length,
    brokenOperations: task.affectedOperations.filter((o) => o.classification === 'broken').length,
    dangerousChanges: dangerous.length,
    dangerousOperations: task.affectedOperations.filter(
      (o) => o.classification === 'potentially-affected',
    ).length,
  };
}

function operationsDetail(task: OperationsTask): string {
  if (task.status === 'skipped') return 'not run: composition failed';
  const counts = impactCounts(task);
  const parts: string[] = [];
  if (counts.brokenChanges) {
    parts.push(affects(counts.brokenChanges, 'breaking', counts.brokenOperations));
  }
  if (counts.dangerousChanges) {
    parts.push(affects(counts.dangerousChanges, 'dangerous', counts.dangerousOperations));
  }
  if (parts.length) return parts.join('; ');
  if (task.changes.length === 0) return 'no changes to the API schema';
  const risky = task.changes.filter((c) => c.severity !== 'safe').length;
  return risky
    ? `${plural(task.changes.length, 'change')}, the ${plural(risky, 'breaking or dangerous one')} unused`
    : `${plural(task.changes.length, 'change')}, all safe`;
}

function compositionDetail(result: CheckResult): string {
  const { composition } = result;
  if (composition.status === 'failed') return plural(composition.errors.length, 'error');
  return composition.hints.length ? plural(composition.hints.length, 'hint') : '';
}

function contractsDetail(contracts: readonly ContractCheck[]): string {
  return contracts.map((c) => `${c.variant} ${c.status}`).join(', ');
}

/** The worst status among contracts: what the contracts row shows. */
function contractsStatus(contracts: readonly ContractCheck[]): TaskStatus {
  for (const worst of ['failed', 'warning', 'passed'] as const) {
    if (contracts.some((c) => c.status === worst)) return worst;
  }
  return 'skipped';
}

function header(result: CheckResult): string[] {
  const ref = `${result.graph}@${result.variant}`;
  const base =
    result.baseLaunchId === undefined
      ? `; '${ref}' serves no supergraph yet`
      : ` (served launch ${result.baseLaunchId})`;
  const lines = [`Check ${result.id} of the '${result.subgraph}' subgraph against '${ref}'${base}`];
  const context = result.context;
  if (context && Object.keys(context).length) {
    const parts = [
      context.branch ? `branch ${context.branch}` : '',
      context.commit ? `commit ${context.commit.slice(0, 12)}` : '',
      context.author ? `by ${context.author}` : '',
    ].filter(Boolean);
    const message = context.message ? `: ${JSON.stringify(context.message)}` : '';
    lines.push(`From ${parts.join(', ') || 'a change'}${message}`);
  }
  const { config } = result;
  const variants = config.trafficVariants.length ? config.trafficVariants : [result.variant];
  const threshold =
    plural(config.queryCountThreshold, 'request') +
    (config.queryPercentageThreshold > 0
      ? ` and ${formatPercent(config.queryPercentageThreshold)} of requests`
      : '');
  const excluded = [
    config.excludedClients.length ? `clients ${config.excludedClients.join(', ')}` : '',
    config.excludedOperations.length ? `operations ${config.excludedOperations.join(', ')}` : '',
  ].filter(Boolean);
  lines.push(
    // A skipped operations task read no traffic: a count of 0 would say there was none.
    `Traffic: ${result.operations.status === 'skipped' ? '' : `${formatCount(result.operations.totalRequests)} requests in `}the last ${formatPeriod(config.validationPeriodSeconds)} on ${variants.map((v) => `${result.graph}@${v}`).join(', ')}; an operation counts from ${threshold}` +
      (excluded.length ? `; excluding ${excluded.join(' and ')}` : ''),
  );
  return lines;
}

function tasks(result: CheckResult, paint: Paint): string {
  const rows: string[][] = [
    ['composition', status(result.composition.status, paint), compositionDetail(result)],
    ['operations', status(result.operations.status, paint), operationsDetail(result.operations)],
  ];
  if (result.contracts.length) {
    rows.push([
      'contracts',
      status(contractsStatus(result.contracts), paint),
      contractsDetail(result.contracts),
    ]);
  }
  const plans = result.planRegressions;
  rows.push([
    'query plans',
    status(plans.status, paint),
    plans.status === 'skipped'
      ? 'not run'
      : plans.regressions.length
        ? `${plural(plans.regressions.length, 'operation')} planned with more fetches or deeper`
        : 'no regressions',
  ]);
  return formatTable(['task', 'status', 'detail'], rows);
}

function diagnostics(label: string, list: readonly Diagnostic[], paint: Paint): string[] {
  return list.map(
    (d) => `${label === 'Error' ? paint.red(label) : paint.dim(label)}  ${formatWireDiagnostic(d)}`,
  );
}

function impact(change: CheckedChange, paint: Paint): string {
  switch (change.impact) {
    case 'broken':
      return paint.red(change.impact);
    case 'potentially-affected':
      return paint.yellow(change.impact);
    case 'unused':
      return paint.dim(change.impact);
    case 'safe':
      return change.impact;
  }
}

/** The changes, breaking first, each with what it meets in traffic. */
export function changesTable(changes: readonly CheckedChange[], paint: Paint): string {
  const sorted = [...changes].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  const severity = (c: CheckedChange) =>
    c.severity === 'breaking'
      ? paint.red(c.severity)
      : c.severity === 'dangerous'
        ? paint.yellow(c.severity)
        : c.severity;
  return formatTable(
    ['severity', 'change', 'coordinate', 'impact', 'operations', 'requests', 'description'],
    sorted.map((c) => [
      severity(c),
      c.code,
      c.coordinate,
      impact(c, paint),
      c.impact === 'safe' ? '-' : formatCount(c.affectedOperations),
      c.impact === 'safe' ? '-' : formatCount(c.affectedRequests),
      c.message,
    ]),
  );
}

/** The operations a change affects, busiest first, with their clients. */
export function operationsTable(operations: readonly AffectedOperation[], paint: Paint): string {
  const sorted = [...operations].sort((a, b) => b.requests - a.requests);
  return formatTable(
    ['operation', 'type', 'impact', 'requests', 'share', 'clients', 'uses'],
    sorted.map((o) => [
      operationLabel(o),
      o.type,
      o.classification === 'broken' ? paint.red('broken') : paint.yellow('potentially-affected'),
      formatCount(o.requests),
      formatPercent(o.percentage),
      formatClients(o.clients),
      o.coordinates.join(', '),
    ]),
  );
}

/** The changes table and the affected operations table, each with its title line. */
function operationsSection(task: OperationsTask, paint: Paint, title: string): string[] {
  const parts: string[] = [];
  if (task.changes.length) {
    parts.push(
      `${title} (${task.changes.length}):\n${indent(changesTable(task.changes, paint)).trimEnd()}`,
    );
  }
  if (task.affectedOperations.length) {
    parts.push(
      `Affected operations (${task.affectedOperations.length}):\n${indent(operationsTable(task.affectedOperations, paint)).trimEnd()}`,
    );
  }
  return parts;
}

function contractSection(result: CheckResult, contract: ContractCheck, paint: Paint): string[] {
  const ref = `${result.graph}@${contract.variant}`;
  const parts = [`Contract '${ref}': ${status(contract.status, paint)}`];
  const errors = diagnostics('Error', contract.compositionErrors, paint);
  if (errors.length) parts.push(indent(errors.join('\n')));
  const risky = contract.operations.changes.filter((c) => c.impact !== 'safe');
  if (risky.length || contract.operations.affectedOperations.length) {
    parts.push(
      ...operationsSection({ ...contract.operations, changes: risky }, paint, 'Changes').map((p) =>
        indent(p),
      ),
    );
  }
  return parts;
}

function planSection(result: CheckResult, paint: Paint): string[] {
  const { regressions, status: planStatus } = result.planRegressions;
  if (!regressions.length) return [];
  const label = planStatus === 'failed' ? paint.red('failed') : paint.yellow('warning');
  return [
    `Query plan regressions (${label}):`,
    indent(
      formatTable(
        ['operation', 'requests', 'fetches', 'depth'],
        regressions.map((r) => [
          operationLabel(r),
          formatCount(r.requests),
          `${r.before.fetches} -> ${r.after.fetches}`,
          `${r.before.depth} -> ${r.after.depth}`,
        ]),
      ),
    ),
  ];
}

/**
 * Why the check failed, or what it warns about: `composition failed with 2 errors`,
 * `1 breaking change affects 3 operations`, `contract shop@public failed`... (empty when none).
 */
export function checkReasons(result: CheckResult): { failures: string[]; warnings: string[] } {
  const failures: string[] = [];
  const warnings: string[] = [];
  if (result.composition.status === 'failed') {
    failures.push(`composition failed with ${plural(result.composition.errors.length, 'error')}`);
  }
  const counts = impactCounts(result.operations);
  if (counts.brokenChanges) {
    const line = affects(counts.brokenChanges, 'breaking', counts.brokenOperations);
    (result.operations.status === 'failed' ? failures : warnings).push(line);
  }
  if (counts.dangerousChanges) {
    const line = affects(counts.dangerousChanges, 'dangerous', counts.dangerousOperations);
    (result.operations.status === 'failed' && result.config.failOnDangerous
      ? failures
      : warnings
    ).push(line);
  }
  for (const contract of result.contracts) {
    if (contract.status === 'failed')
      failures.push(`contract ${result.graph}@${contract.variant} failed`);
    if (contract.status === 'warning')
      warnings.push(`contract ${result.graph}@${contract.variant} has warnings`);
  }
  const plans = result.planRegressions;
  if (plans.regressions.length && plans.status !== 'skipped') {
    const line = plural(plans.regressions.length, 'query plan regression');
    (plans.status === 'failed' ? failures : warnings).push(line);
  }
  return { failures, warnings };
}

/** The last line: `Check passed`, `Check passed with warnings: ...`, `Check failed: ...`. */
export function checkVerdict(result: CheckResult): string {
  const { failures, warnings } = checkReasons(result);
  if (result.status === 'failed') {
    return failures.length ? `Check failed: ${failures.join('; ')}` : 'Check failed';
  }
  return warnings.length ? `Check passed with warnings: ${warnings.join('; ')}` : 'Check passed';
}

/** The whole report (see the module comment), ending with a newline. */
export function describeCheck(
  result: CheckResult,
  paint: Paint,
  options: RenderOptions = {},
): string {
  const blocks: string[] = [header(result).join('\n'), tasks(result, paint).trimEnd()];
  const { composition } = result;
  if (composition.errors.length) {
    blocks.push(
      [
        'Composition errors:',
        ...diagnostics('Error', composition.errors, paint).map((l) => `  ${l}`),
      ].join('\n'),
    );
  }
  if (options.verbose && composition.hints.length) {
    blocks.push(
      [
        'Composition hints:',
        ...diagnostics('hint', composition.hints, paint).map((l) => `  ${l}`),
      ].join('\n'),
    );
  }
  const operations = operationsSection(result.operations, paint, 'Schema changes');
  if (operations.length) blocks.push(operations.map((p) => p.trimEnd()).join('\n\n'));
  for (const contract of result.contracts) {
    if (contract.status !== 'passed') {
      blocks.push(
        contractSection(result, contract, paint)
          .map((p) => p.trimEnd())
          .join('\n'),
      );
    }
  }
  const plans = planSection(result, paint);
  if (plans.length) blocks.push(plans.map((p) => p.trimEnd()).join('\n'));
  const verdict = checkVerdict(result);
  blocks.push(
    `Details: ${result.url}\n${result.status === 'passed' ? paint.green(verdict) : paint.bold(paint.red(verdict))}`,
  );
  return `${blocks.join('\n\n')}\n`;
}
