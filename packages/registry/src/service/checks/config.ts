/**
 * A check's request, validated, and its config with the defaults filled in. Every mistake is a
 * `BAD_REQUEST` naming the field, before anything is read or composed.
 *
 * @module
 */
import type { CheckConfig, CheckRequest, CheckResult, GraphRef } from '@orrery/registry-client';
import { BadRequestError } from '../../errors.js';
import { checkName } from '../names.js';
import { checkUrl } from '../subgraph-writes.js';

/** The config as applied (`CheckResult.config`). */
export type AppliedConfig = CheckResult['config'];

/** Seven days, Apollo's and Hive's default window. */
export const DEFAULT_VALIDATION_PERIOD_SECONDS = 604_800;
/** A year: longer than any usage retention, so a larger window is certainly a mistake. */
const MAX_VALIDATION_PERIOD_SECONDS = 366 * 86_400;

const PLAN_MODES: readonly AppliedConfig['planRegressions'][] = ['warn', 'fail', 'off'];

/** BAD_REQUEST unless the request's own fields are well typed (the SDL is validated later). */
export function checkRequestShape(request: CheckRequest): void {
  if (typeof request !== 'object' || request === null) {
    throw new BadRequestError('a check request is an object');
  }
  checkName('subgraph', request.subgraph);
  if (typeof request.sdl !== 'string') throw new BadRequestError('sdl must be a string');
  if (request.url !== undefined) checkUrl(request.url);
  if (request.context !== undefined) {
    if (typeof request.context !== 'object' || request.context === null) {
      throw new BadRequestError('context must be an object');
    }
    for (const [key, value] of Object.entries(request.context)) {
      if (value !== undefined && typeof value !== 'string') {
        throw new BadRequestError(`context.${key} must be a string`);
      }
    }
  }
}

/**
 * Fills in the defaults. `trafficVariants` are variant names of the checked graph; a
 * `graph@variant` ref of the same graph is accepted too (and reduced to its name), a ref of
 * another graph is refused: traffic is only comparable within one graph.
 */
export function resolveConfig(ref: GraphRef, config: CheckConfig = {}): AppliedConfig {
  if (typeof config !== 'object' || config === null) {
    throw new BadRequestError('config must be an object');
  }
  const validationPeriodSeconds = integer(
    'validationPeriodSeconds',
    config.validationPeriodSeconds,
    DEFAULT_VALIDATION_PERIOD_SECONDS,
    1,
    MAX_VALIDATION_PERIOD_SECONDS,
  );
  const queryCountThreshold = integer(
    'queryCountThreshold',
    config.queryCountThreshold,
    1,
    1,
    Number.MAX_SAFE_INTEGER,
  );
  const queryPercentageThreshold = config.queryPercentageThreshold ?? 0;
  if (
    typeof queryPercentageThreshold !== 'number' ||
    !Number.isFinite(queryPercentageThreshold) ||
    queryPercentageThreshold < 0 ||
    queryPercentageThreshold > 100
  ) {
    throw new BadRequestError('config.queryPercentageThreshold must be a number from 0 to 100');
  }
  const failOnDangerous = config.failOnDangerous ?? false;
  if (typeof failOnDangerous !== 'boolean') {
    throw new BadRequestError('config.failOnDangerous must be a boolean');
  }
  const planRegressions = config.planRegressions ?? 'warn';
  if (!PLAN_MODES.includes(planRegressions)) {
    throw new BadRequestError(`config.planRegressions must be one of ${PLAN_MODES.join(', ')}`);
  }
  const trafficVariants = unique(
    strings('trafficVariants', config.trafficVariants).map((entry) => variantOf(ref, entry)),
  );
  return {
    validationPeriodSeconds,
    queryCountThreshold,
    queryPercentageThreshold,
    excludedClients: unique(strings('excludedClients', config.excludedClients)),
    excludedOperations: unique(strings('excludedOperations', config.excludedOperations)),
    trafficVariants: trafficVariants.length > 0 ? trafficVariants : [ref.variant],
    failOnDangerous,
    planRegressions,
  };
}

function integer(
  field: string,
  value: unknown,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new BadRequestError(`config.${field} must be an integer from ${min} to ${max}`);
  }
  return value;
}

function strings(field: string, value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item !== '')) {
    throw new BadRequestError(`config.${field} must be an array of non-empty strings`);
  }
  return value as string[];
}

function variantOf(ref: GraphRef, entry: string): string {
  const at = entry.indexOf('@');
  const graph = at < 0 ? ref.graph : entry.slice(0, at);
  const variant = at < 0 ? entry : entry.slice(at + 1);
  if (graph !== ref.graph) {
    throw new BadRequestError(
      `config.trafficVariants: ${entry} is not a variant of graph ${ref.graph}`,
    );
  }
  checkName('variant', variant);
  return variant;
}

const unique = (values: readonly string[]): string[] => [...new Set(values)];
