/**
 * `useExposeQueryPlan`: a client that sends `orrery-expose-query-plan: true` gets the query plan
 * of its operation in the response's `extensions.queryPlan`; Apollo's header,
 * `Apollo-Expose-Query-Plan: true`, puts it in `extensions.apolloQueryPlan`, the shape Apollo
 * Router answers with, so tools written for the router read ours. Both carry `text` (Apollo's
 * printed format) and `object` (the plan as JSON). The value `dry-run` returns the plan without
 * running the operation.
 *
 * Plans describe the subgraphs and how the gateway calls them, so `createGateway` adds this
 * plugin only outside production (`NODE_ENV=production` turns it off unless `exposeQueryPlan`
 * says otherwise), as Apollo does.
 *
 * @module
 */
import { printQueryPlan, type QueryPlan } from '@orrery/query-planner';
import type { GatewayRequest } from '../http/types.js';
import type { GatewayPlugin } from '../plugin.js';

/** The header of this plugin; its value is `true` or `dry-run`. */
export const EXPOSE_QUERY_PLAN_HEADER = 'orrery-expose-query-plan';
/** Apollo Router's header, answered in the router's `apolloQueryPlan` shape. */
export const APOLLO_EXPOSE_QUERY_PLAN_HEADER = 'apollo-expose-query-plan';

/** What a response's `extensions.queryPlan` (and `extensions.apolloQueryPlan`) holds. */
export interface ExposedQueryPlan {
  /** The plan printed in Apollo's text format. */
  readonly text: string;
  /** The plan as data (`kind: 'QueryPlan'`, `node`). */
  readonly object: QueryPlan;
}

type Mode = 'on' | 'dry-run' | undefined;

function mode(request: GatewayRequest, name: string): Mode {
  const raw = request.headers[name];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim().toLowerCase();
  if (value === 'true') return 'on';
  if (value === 'dry-run') return 'dry-run';
  return undefined;
}

/** Adds the query plan to responses whose request asks for it (see the module doc). */
export function useExposeQueryPlan(): GatewayPlugin {
  // Plans are cached with their compiled operation, so each is printed once.
  const printed = new WeakMap<QueryPlan, ExposedQueryPlan>();
  const expose = (plan: QueryPlan): ExposedQueryPlan => {
    let exposed = printed.get(plan);
    if (!exposed) printed.set(plan, (exposed = { text: printQueryPlan(plan), object: plan }));
    return exposed;
  };
  return {
    name: 'expose-query-plan',
    onExecute({ request, plan, extensions, setResult }) {
      if (!request) return;
      const ours = mode(request, EXPOSE_QUERY_PLAN_HEADER);
      const apollo = mode(request, APOLLO_EXPOSE_QUERY_PLAN_HEADER);
      if (!ours && !apollo) return;
      if (ours) extensions['queryPlan'] = expose(plan);
      if (apollo) extensions['apolloQueryPlan'] = expose(plan);
      if (ours === 'dry-run' || apollo === 'dry-run') setResult({});
    },
  };
}
