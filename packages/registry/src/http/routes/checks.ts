/**
 * Check routes. SKELETON: the checks helper fills this in.
 *
 * @module
 */
import type { AddRoute, RouteDeps } from '../types.js';

export function checkRoutes(_add: AddRoute, _deps: RouteDeps): void {}
