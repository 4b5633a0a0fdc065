/**
 * `@apollo/query-planner` 2.14 as a test oracle (Elastic License: run, never copied): composes
 * subgraphs with `@apollo/composition`, plans operations with Apollo's planner, and converts
 * Apollo's plan objects into Orrery's `QueryPlan` data model (nearly the same shape).
 */
import { composeServices } from '@apollo/composition';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import {
  prettyFormatQueryPlan,
  QueryPlanner,
  type QueryPlan as ApolloQueryPlan,
  type QueryPlannerConfig,
} from '@apollo/query-planner';
import { parse } from 'graphql';
import type {
  DataRewrite,
  DeferredNode,
  FetchNode,
  PlanNode,
  PlanSelection,
  QueryPlan,
  SubscriptionNode,
} from '../../src/index.js';

type ApolloNode = NonNullable<ApolloQueryPlan['node']>;
type ApolloPlanNode = Exclude<ApolloNode, { kind: 'Subscription' }>;
type ApolloFetch = Extract<ApolloNode, { kind: 'Fetch' }>;
type ApolloSelection = NonNullable<ApolloFetch['requires']>[number];

export interface SubgraphSource {
  readonly name: string;
  readonly sdl: string;
}

/** Composes with `@apollo/composition`; throws with every message when it fails. */
export function composeWithApollo(subgraphs: readonly SubgraphSource[]): string {
  const result = composeServices(
    subgraphs.map((s) => ({
      name: s.name,
      url: `http://${s.name}.example/graphql`,
      typeDefs: parse(s.sdl),
    })),
  );
  if (result.errors) {
    throw new Error(
      `@apollo/composition failed:\n${result.errors.map((e) => e.message).join('\n')}`,
    );
  }
  return result.supergraphSdl;
}

/** Apollo's planner for one supergraph (every linked feature accepted, as the router does). */
export function apolloPlanner(supergraphSdl: string, config: QueryPlannerConfig = {}) {
  const supergraph = Supergraph.build(supergraphSdl, { supportedFeatures: null });
  const planner = new QueryPlanner(supergraph, config);
  const apiSchema = supergraph.apiSchema();
  return {
    /** Plans `operation`; throws when Apollo rejects it (which proves it invalid). */
    plan(operation: string, operationName?: string): ApolloQueryPlan {
      const document = parse(operation);
      const op = operationFromDocument(
        apiSchema,
        document,
        operationName === undefined ? {} : { operationName },
      );
      return planner.buildQueryPlan(op);
    },
  };
}

/** Apollo's own printed form of one of its plans. */
export function apolloPrint(plan: ApolloQueryPlan): string {
  return prettyFormatQueryPlan(plan);
}

/** Converts an Apollo plan object into Orrery's data model. */
export function fromApolloPlan(plan: ApolloQueryPlan): QueryPlan {
  if (!plan.node) return { kind: 'QueryPlan' };
  if (plan.node.kind === 'Subscription') {
    const subscription: SubscriptionNode = {
      kind: 'Subscription',
      primary: convertFetch(plan.node.primary),
      ...(plan.node.rest ? { rest: convertNode(plan.node.rest) } : {}),
    };
    return { kind: 'QueryPlan', node: subscription };
  }
  return { kind: 'QueryPlan', node: convertNode(plan.node) };
}

function convertNode(node: ApolloPlanNode): PlanNode {
  switch (node.kind) {
    case 'Sequence':
    case 'Parallel':
      return { kind: node.kind, nodes: node.nodes.map(convertNode) };
    case 'Flatten':
      return { kind: 'Flatten', path: [...node.path], node: convertNode(node.node) };
    case 'Fetch':
      return convertFetch(node);
    case 'Condition':
      return {
        kind: 'Condition',
        condition: node.condition,
        ...(node.ifClause ? { ifClause: convertNode(node.ifClause) } : {}),
        ...(node.elseClause ? { elseClause: convertNode(node.elseClause) } : {}),
      };
    case 'Defer':
      return {
        kind: 'Defer',
        primary: {
          ...(node.primary.subselection === undefined
            ? {}
            : { subselection: node.primary.subselection }),
          ...(node.primary.node ? { node: convertNode(node.primary.node) } : {}),
        },
        deferred: node.deferred.map((d): DeferredNode => ({
          depends: d.depends.map((dep) => ({
            id: dep.id,
            ...(dep.deferLabel === undefined ? {} : { deferLabel: dep.deferLabel }),
          })),
          ...(d.label === undefined ? {} : { label: d.label }),
          queryPath: [...d.queryPath],
          ...(d.subselection === undefined ? {} : { subselection: d.subselection }),
          ...(d.node ? { node: convertNode(d.node) } : {}),
        })),
      };
  }
}

function convertFetch(node: ApolloFetch): FetchNode {
  return {
    kind: 'Fetch',
    serviceName: node.serviceName,
    ...(node.id === undefined ? {} : { id: node.id }),
    ...(node.hasDefers === undefined ? {} : { hasDefers: node.hasDefers }),
    ...(node.variableUsages === undefined ? {} : { variableUsages: [...node.variableUsages] }),
    ...(node.requires === undefined ? {} : { requires: node.requires.map(convertSelection) }),
    operation: node.operation,
    ...(node.operationName === undefined ? {} : { operationName: node.operationName }),
    operationKind: node.operationKind,
    ...(node.inputRewrites ? { inputRewrites: node.inputRewrites.map(convertRewrite) } : {}),
    ...(node.outputRewrites ? { outputRewrites: node.outputRewrites.map(convertRewrite) } : {}),
    ...(node.contextRewrites ? { contextRewrites: node.contextRewrites.map(convertRewrite) } : {}),
  };
}

function convertSelection(selection: ApolloSelection): PlanSelection {
  if (selection.kind === 'InlineFragment') {
    return {
      kind: 'InlineFragment',
      ...(selection.typeCondition === undefined ? {} : { typeCondition: selection.typeCondition }),
      selections: selection.selections.map(convertSelection),
    };
  }
  return {
    kind: 'Field',
    name: selection.name,
    ...(selection.alias === undefined ? {} : { alias: selection.alias }),
    ...(selection.selections === undefined
      ? {}
      : { selections: selection.selections.map(convertSelection) }),
  };
}

function convertRewrite(rewrite: NonNullable<ApolloFetch['inputRewrites']>[number]): DataRewrite {
  return rewrite.kind === 'ValueSetter'
    ? { kind: 'ValueSetter', path: [...rewrite.path], setValueTo: rewrite.setValueTo as unknown }
    : { kind: 'KeyRenamer', path: [...rewrite.path], renameKeyTo: rewrite.renameKeyTo };
}
