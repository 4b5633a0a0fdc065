/**
 * The query plan panel: the plan of the current operation as a tree of fetches, each labelled
 * with its subgraph (one colour per subgraph) and the response path it runs at, or the plan in
 * Apollo's text format.
 *
 * @module
 */
import { useState, type ReactElement } from 'react';
import type { QueryPlan } from '@orrery/query-planner';
import { planTree, type PlanStep } from './plan-tree.js';

/** What the panel shows: a plan (from a run or a dry run), a reason there is none, or nothing yet. */
export type PanelState =
  | {
      readonly kind: 'plan';
      readonly plan: QueryPlan;
      readonly text: string;
      readonly from: 'run' | 'preview';
    }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'empty' };

/** Well-separated hues; a subgraph's name picks one, so it looks the same in every plan. */
const HUES = [212, 145, 28, 275, 340, 190, 55, 0, 100, 240];

function hue(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0;
  return HUES[h % HUES.length]!;
}

function SubgraphBadge({ name }: { name: string }): ReactElement {
  return (
    <span className="orrery-plan-subgraph" style={{ background: `hsl(${hue(name)} 70% 42%)` }}>
      {name}
    </span>
  );
}

function Step({ step }: { step: PlanStep }): ReactElement {
  switch (step.kind) {
    case 'fetch':
      return (
        <div className="orrery-plan-fetch" data-testid="plan-fetch" data-subgraph={step.subgraph}>
          <div className="orrery-plan-fetch-head">
            <SubgraphBadge name={step.subgraph} />
            <span className="orrery-plan-kind">
              {step.entity ? 'entities' : step.operationKind}
            </span>
            {step.path ? <code className="orrery-plan-path">at {step.path}</code> : null}
          </div>
          <details>
            <summary>operation</summary>
            <pre>{step.operation}</pre>
          </details>
        </div>
      );
    case 'sequence':
    case 'parallel':
      if (step.steps.length === 1) return <Step step={step.steps[0]!} />;
      return (
        <div className={`orrery-plan-group orrery-plan-${step.kind}`}>
          <div className="orrery-plan-label">
            {step.kind === 'sequence'
              ? 'Sequence: one after another'
              : 'Parallel: at the same time'}
          </div>
          <ol>
            {step.steps.map((child, i) => (
              <li key={i}>
                <Step step={child} />
              </li>
            ))}
          </ol>
        </div>
      );
    case 'condition':
      return (
        <div className="orrery-plan-group">
          <div className="orrery-plan-label">If ${step.variable}</div>
          <ol>
            <li>{step.ifClause ? <Step step={step.ifClause} /> : <em>nothing</em>}</li>
            {step.elseClause ? (
              <li>
                <div className="orrery-plan-label">Else</div>
                <Step step={step.elseClause} />
              </li>
            ) : null}
          </ol>
        </div>
      );
    case 'defer':
      return (
        <div className="orrery-plan-group">
          <div className="orrery-plan-label">Defer</div>
          <ol>
            <li>{step.primary ? <Step step={step.primary} /> : <em>nothing first</em>}</li>
            {step.deferred.map((d, i) => (
              <li key={i}>
                <div className="orrery-plan-label">Later: {d.label}</div>
                {d.step ? <Step step={d.step} /> : null}
              </li>
            ))}
          </ol>
        </div>
      );
  }
}

/** The panel next to GraphiQL. */
export function PlanPanel({ state }: { state: PanelState }): ReactElement {
  const [view, setView] = useState<'tree' | 'text'>('tree');
  let body: ReactElement;
  let summary = '';
  if (state.kind === 'empty') {
    body = <p className="orrery-plan-note">Write or run an operation to see its plan.</p>;
  } else if (state.kind === 'error') {
    body = (
      <p className="orrery-plan-note" data-testid="plan-error">
        No plan: {state.message}
      </p>
    );
  } else {
    const tree = planTree(state.plan);
    summary = `${tree.fetchCount} fetch${tree.fetchCount === 1 ? '' : 'es'}${state.from === 'preview' ? ' (not run yet)' : ''}`;
    body =
      view === 'text' ? (
        <pre className="orrery-plan-text" data-testid="plan-text">
          {state.text}
        </pre>
      ) : (
        <div data-testid="plan-tree">
          <div className="orrery-plan-totals">
            {tree.fetchesBySubgraph.map(({ subgraph, count }) => (
              <span key={subgraph}>
                <SubgraphBadge name={subgraph} /> ×{count}
              </span>
            ))}
          </div>
          {tree.root ? (
            <Step step={tree.root} />
          ) : (
            <p className="orrery-plan-note">No subgraph is called.</p>
          )}
        </div>
      );
  }
  return (
    <aside className="orrery-plan" data-testid="plan-panel">
      <header>
        <h2>Query plan</h2>
        <span className="orrery-plan-summary" data-testid="plan-summary">
          {summary}
        </span>
        <div className="orrery-plan-tabs" role="tablist">
          <button role="tab" aria-selected={view === 'tree'} onClick={() => setView('tree')}>
            Tree
          </button>
          <button role="tab" aria-selected={view === 'text'} onClick={() => setView('text')}>
            Text
          </button>
        </div>
      </header>
      <div className="orrery-plan-body">{body}</div>
    </aside>
  );
}
