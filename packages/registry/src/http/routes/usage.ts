/**
 * Usage routes. SKELETON: the usage helper fills this in.
 *
 * @module
 */
import type { AddRoute, RouteDeps } from '../types.js';

export function usageRoutes(_add: AddRoute, _deps: RouteDeps): void {}
