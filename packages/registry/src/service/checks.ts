/**
 * Schema checks. SKELETON: the checks helper replaces this file.
 *
 * @module
 */
import type { CheckList, CheckRequest, CheckResult, GraphRef } from '@orrery/registry-client';
import type { ServiceContext } from './context.js';
import type { Actor } from './types.js';

const todo = (): never => {
  throw new Error('checks: not implemented yet');
};

export async function runCheck(
  _context: ServiceContext,
  _actor: Actor,
  _ref: GraphRef,
  _request: CheckRequest,
): Promise<CheckResult> {
  return todo();
}

export async function listChecks(
  _context: ServiceContext,
  _actor: Actor,
  _ref: GraphRef,
  _options?: { limit?: number; before?: number },
): Promise<CheckList> {
  return todo();
}

export async function getCheck(
  _context: ServiceContext,
  _actor: Actor,
  _ref: GraphRef,
  _id: number,
): Promise<CheckResult> {
  return todo();
}
