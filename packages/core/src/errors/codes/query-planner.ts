import { defineCodeTable } from '../code-table.js';

/** Codes raised by the query planner (`@orrery/query-planner`) when it cannot or will not plan. */
export const QUERY_PLANNER_CODES = defineCodeTable({
  title: 'Query planning',
  summary:
    'Raised by `planner.plan()` / `planQuery()`: the operation is rejected before or during planning, and no plan is returned.',
  codes: {
    ERR_PLAN_INVALID_OPERATION: {
      description:
        "The operation is not valid against the API schema (graphql-js `validate`: unknown field, wrong argument, bad variable, ...), does not parse, or names an operation the document does not hold. The message is the validator's.",
      raisedBy: ['query-planner'],
      level: 'error',
    },
    ERR_PLAN_INVALID_SUPERGRAPH: {
      description:
        'The supergraph given to `createQueryPlanner` cannot be read (not a core schema, unknown join version) or gives no valid API schema.',
      raisedBy: ['query-planner'],
      level: 'error',
    },
    ERR_PLAN_UNSATISFIABLE: {
      description:
        'No subgraph can resolve a selected field from where the plan stands (no usable key, a `@requires` whose fields cannot be fetched). A supergraph that passed satisfiability should not give this; the message names the field and the subgraphs tried.',
      raisedBy: ['query-planner'],
      level: 'error',
    },
    ERR_PLAN_TOO_MANY_FETCHES: {
      description:
        'The plan would hold more fetches than the `maxFetches` limit (default 1000). Protects the gateway from operations that fan out to many subgraph requests; raise the limit if your operations are legitimately that large.',
      raisedBy: ['query-planner'],
      level: 'error',
    },
    ERR_PLAN_SELECTION_TOO_DEEP: {
      description:
        'The operation nests selections (fields and fragments, after fragment spreads are inlined) deeper than the `maxSelectionDepth` limit (default 64), or its fragments expand to more than `maxSelections` selections. Protects the planner from exponential fragment expansion.',
      raisedBy: ['query-planner'],
      level: 'error',
    },
    ERR_PLAN_TOO_MANY_TYPE_CONDITIONS: {
      description:
        'Expanding abstract types into the object types subgraphs can return would create more than the `maxTypeConditions` limit of inline fragments (default 10000). Protects the planner from interface chains that multiply type conditions.',
      raisedBy: ['query-planner'],
      level: 'error',
    },
  },
});
