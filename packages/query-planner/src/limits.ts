/**
 * The planner's guards against hostile or accidental operations. Every limit has a default, an
 * option of `createQueryPlanner`, and a coded error when exceeded: an operation over a limit is
 * rejected, never planned partially.
 */
export interface PlannerLimits {
  /**
   * The most fetches a plan may hold (`ERR_PLAN_TOO_MANY_FETCHES`). A plan's fetch count is what
   * one client request costs the subgraphs, so this caps the fan-out one request can cause.
   * The branches of `@defer(if: $v)` conditions count together. Default 1000.
   */
  readonly maxFetches: number;
  /**
   * The deepest nesting of selections (fields and inline fragments, after named fragments are
   * inlined) the planner walks (`ERR_PLAN_SELECTION_TOO_DEEP`). Planning recurses per level, so
   * this bounds the stack. Default 64.
   */
  readonly maxSelectionDepth: number;
  /**
   * The most selections the operation may expand to once every fragment spread is inlined
   * (`ERR_PLAN_SELECTION_TOO_DEEP`). Fragments that spread other fragments several times grow
   * exponentially ("fragment bombs"); validation does not catch that. Default 100000.
   */
  readonly maxSelections: number;
  /**
   * The most inline fragments the planner may create when it expands abstract types into the
   * object types a subgraph can return (`ERR_PLAN_TOO_MANY_TYPE_CONDITIONS`). Deep interface
   * chains multiply type conditions. Default 10000.
   */
  readonly maxTypeConditions: number;
}

/** The defaults, documented on {@link PlannerLimits}. */
export const DEFAULT_LIMITS: PlannerLimits = {
  maxFetches: 1000,
  maxSelectionDepth: 64,
  maxSelections: 100_000,
  maxTypeConditions: 10_000,
};

/** Thrown inside the planner when a limit is exceeded; `planner.plan()` turns it into a diagnostic. */
export class PlanLimitError extends Error {
  constructor(
    readonly code:
      | 'ERR_PLAN_TOO_MANY_FETCHES'
      | 'ERR_PLAN_SELECTION_TOO_DEEP'
      | 'ERR_PLAN_TOO_MANY_TYPE_CONDITIONS'
      | 'ERR_PLAN_UNSATISFIABLE',
    message: string,
  ) {
    super(message);
    this.name = 'PlanLimitError';
  }
}
