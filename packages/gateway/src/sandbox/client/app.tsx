/**
 * The sandbox page: GraphiQL (editor for operations, variables and headers; the result) with the
 * query plan panel beside it. Every run asks the gateway for its plan
 * (`orrery-expose-query-plan: true`) and the panel shows it; while the operation is edited, a
 * dry run (`dry-run`) keeps the panel on the plan of what is in the editor.
 *
 * @module
 */
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import type { QueryPlan } from '@orrery/query-planner';
import { PlanPanel, type PanelState } from './plan-panel.js';

/** What the gateway writes into the page (`#orrery-sandbox-config`). */
export interface SandboxConfig {
  /** The GraphQL endpoint, e.g. `/graphql`. */
  readonly endpoint: string;
  /** The operation shown on first load. */
  readonly defaultQuery?: string;
}

type Fetcher = GraphiQLProps['fetcher'];
type Body = {
  data?: unknown;
  errors?: { message: string }[];
  extensions?: { queryPlan?: { text: string; object: QueryPlan }; [key: string]: unknown };
};

const CLIENT_HEADERS = {
  'apollographql-client-name': 'orrery-sandbox',
  'apollographql-client-version': '1',
};

async function post(
  endpoint: string,
  params: unknown,
  headers: Record<string, string>,
): Promise<Body> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...CLIENT_HEADERS,
      ...headers,
    },
    body: JSON.stringify(params),
  });
  return (await response.json()) as Body;
}

/** The plan in a response body as panel state; the body loses it (the panel shows it instead). */
function takePlan(body: Body, from: 'run' | 'preview'): PanelState {
  const exposed = body.extensions?.queryPlan;
  if (exposed) {
    const rest: Record<string, unknown> = { ...body.extensions };
    delete rest['queryPlan'];
    if (Object.keys(rest).length === 0) delete body.extensions;
    else body.extensions = rest;
    return { kind: 'plan', plan: exposed.object, text: exposed.text, from };
  }
  return { kind: 'error', message: body.errors?.[0]?.message ?? 'the gateway sent no plan' };
}

function parseVariables(text: string | undefined): unknown {
  if (!text || !text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function App({ config }: { config: SandboxConfig }): ReactElement {
  const [panel, setPanel] = useState<PanelState>({ kind: 'empty' });
  const editing = useRef<{ query?: string; operationName?: string; variables?: string }>({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Answers arriving after a newer request are dropped, so the panel never goes back in time.
  const sequence = useRef(0);

  const fetcher = useCallback<Fetcher>(
    async (params, options) => {
      const introspection = params.operationName === 'IntrospectionQuery';
      // A run gives the plan itself: a dry run still waiting to start is not needed.
      if (!introspection) clearTimeout(timer.current);
      const ticket = introspection ? 0 : ++sequence.current;
      const headers: Record<string, string> = { ...(options?.headers as Record<string, string>) };
      if (!introspection) headers['orrery-expose-query-plan'] = 'true';
      const body = await post(config.endpoint, params, headers);
      if (!introspection) {
        const state = takePlan(body, 'run');
        if (ticket === sequence.current) setPanel(state);
      }
      return body as Awaited<ReturnType<Fetcher>> & object;
    },
    [config.endpoint],
  );

  const preview = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const { query, operationName, variables } = editing.current;
      if (!query || !query.trim()) return setPanel({ kind: 'empty' });
      const ticket = ++sequence.current;
      post(
        config.endpoint,
        { query, operationName: operationName || undefined, variables: parseVariables(variables) },
        { 'orrery-expose-query-plan': 'dry-run' },
      ).then(
        (body) => {
          if (ticket === sequence.current) setPanel(takePlan(body, 'preview'));
        },
        (error: Error) => {
          if (ticket === sequence.current) setPanel({ kind: 'error', message: error.message });
        },
      );
    }, 400);
  }, [config.endpoint]);

  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <div className="orrery-sandbox">
      <div className="orrery-graphiql">
        <GraphiQL
          fetcher={fetcher}
          {...(config.defaultQuery ? { defaultQuery: config.defaultQuery } : {})}
          onEditQuery={(query) => {
            editing.current.query = query;
            preview();
          }}
          onEditOperationName={(name) => {
            editing.current.operationName = name;
            preview();
          }}
          onEditVariables={(variables) => {
            editing.current.variables = variables;
            preview();
          }}
        >
          <GraphiQL.Logo>Orrery</GraphiQL.Logo>
        </GraphiQL>
      </div>
      <PlanPanel state={panel} />
    </div>
  );
}
