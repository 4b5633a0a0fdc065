/**
 * The check's flags turned into a `CheckConfig`: periods (`7d`, `2w`, `24h`, seconds),
 * thresholds, exclusions and the traffic variants. Every malformed value is a usage error (exit
 * 2) naming the flag, before anything is read or sent.
 *
 * @module
 */
import { parseGraphRef, type CheckConfig, type GraphRef } from '@orrery/registry-client';
import { CliError } from '../../lib/errors.js';
import { EXIT } from '../../lib/exit-codes.js';

const UNIT_SECONDS: Readonly<Record<string, number>> = {
  s: 1,
  m: 60,
  h: 3600,
  d: 24 * 3600,
  w: 7 * 24 * 3600,
};

function invalid(message: string): CliError {
  return new CliError('ERR_CLI_INVALID_ARGUMENT', message, EXIT.USAGE);
}

/**
 * A period in seconds: `604800`, `30m`, `24h`, `7d`, `2w`, or several parts (`1w2d`), as rover's
 * `--validation-period` reads them. Zero and unknown units are refused.
 */
export function parseDuration(text: string, flag: string): number {
  const trimmed = text.trim();
  let seconds = 0;
  if (/^\d+$/.test(trimmed)) {
    seconds = Number(trimmed);
  } else if (/^(\d+[smhdw])+$/.test(trimmed)) {
    for (const [, amount, unit] of trimmed.matchAll(/(\d+)([smhdw])/g)) {
      seconds += Number(amount) * UNIT_SECONDS[unit!]!;
    }
  } else {
    throw invalid(
      `--${flag} must be a number of seconds or a duration such as 30m, 24h, 7d or 2w, not "${text}"`,
    );
  }
  if (!Number.isSafeInteger(seconds) || seconds < 1) {
    throw invalid(`--${flag} must be at least one second, not "${text}"`);
  }
  return seconds;
}

/** A percentage, 0 to 100 (decimals allowed). */
export function parsePercentage(text: string, flag: string): number {
  const value = Number(text.replace(/%$/, ''));
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) {
    throw invalid(`--${flag} must be a percentage from 0 to 100, not "${text}"`);
  }
  return value;
}

/** A count of requests: an integer, 1 or more. */
export function parseCount(text: string, flag: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < 1) {
    throw invalid(`--${flag} must be a whole number of requests, 1 or more, not "${text}"`);
  }
  return value;
}

/**
 * `--variant-traffic` refs as variant names. They must name the checked graph: a check weighs a
 * proposal against its own graph's clients, and the registry reads traffic per graph.
 */
export function trafficVariants(refs: readonly string[], checked: GraphRef): string[] {
  const variants: string[] = [];
  for (const text of refs) {
    const ref = parseGraphRef(text);
    if (ref.graph !== checked.graph) {
      throw invalid(
        `--variant-traffic ${text} is not a variant of the checked graph "${checked.graph}" (give ${checked.graph}@VARIANT)`,
      );
    }
    if (!variants.includes(ref.variant)) variants.push(ref.variant);
  }
  return variants;
}

const PLAN_REGRESSIONS = ['warn', 'fail', 'off'] as const;

/** The flags of a check, read as strings (both `subgraph check` and `service:check` fill it). */
export interface CheckFlags {
  readonly validationPeriod?: string | undefined;
  readonly queryCountThreshold?: string | undefined;
  readonly queryPercentageThreshold?: string | undefined;
  readonly excludeClients?: readonly string[];
  readonly excludeOperations?: readonly string[];
  readonly variantTraffic?: readonly string[];
  readonly failOnDangerous?: boolean;
  readonly planRegressions?: string | undefined;
  /** The names the flags were given under, for messages (`service:check` has its own). */
  readonly names?: Partial<
    Record<'validationPeriod' | 'queryCountThreshold' | 'queryPercentageThreshold', string>
  >;
}

/**
 * The `CheckConfig` the flags ask for. Only what was given is sent, so the registry's defaults
 * (7 days, 1 request, 0 %, the checked variant's traffic) apply to the rest.
 */
export function checkConfig(flags: CheckFlags, ref: GraphRef): CheckConfig {
  const config: { -readonly [K in keyof CheckConfig]: CheckConfig[K] } = {};
  if (flags.validationPeriod !== undefined) {
    config.validationPeriodSeconds = parseDuration(
      flags.validationPeriod,
      flags.names?.validationPeriod ?? 'validation-period',
    );
  }
  if (flags.queryCountThreshold !== undefined) {
    config.queryCountThreshold = parseCount(
      flags.queryCountThreshold,
      flags.names?.queryCountThreshold ?? 'query-count-threshold',
    );
  }
  if (flags.queryPercentageThreshold !== undefined) {
    config.queryPercentageThreshold = parsePercentage(
      flags.queryPercentageThreshold,
      flags.names?.queryPercentageThreshold ?? 'query-percentage-threshold',
    );
  }
  const clients = flags.excludeClients ?? [];
  for (const client of clients) {
    // `name` or `name@version`; the name may itself hold no `@`, the version anything.
    if (!/^[^@\s][^@]*(@.+)?$/.test(client)) {
      throw invalid(`--exclude-client must be NAME or NAME@VERSION, not "${client}"`);
    }
  }
  if (clients.length) config.excludedClients = [...clients];
  const operations = (flags.excludeOperations ?? []).filter((o) => o.trim() !== '');
  if (operations.length) config.excludedOperations = operations;
  const variants = trafficVariants(flags.variantTraffic ?? [], ref);
  if (variants.length) config.trafficVariants = variants;
  if (flags.failOnDangerous) config.failOnDangerous = true;
  if (flags.planRegressions !== undefined) {
    const mode = flags.planRegressions as (typeof PLAN_REGRESSIONS)[number];
    if (!PLAN_REGRESSIONS.includes(mode)) {
      throw invalid(`--plan-regressions must be warn, fail or off, not "${flags.planRegressions}"`);
    }
    config.planRegressions = mode;
  }
  return config;
}
