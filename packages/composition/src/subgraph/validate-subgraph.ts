import { createDiagnostic, type Diagnostic } from '@orrery/core';
import { GraphQLError, Source, parse, type DocumentNode } from 'graphql';
import type { SubgraphInput, SubgraphValidationResult } from '../types.js';
import { annotateFieldSets } from './annotate-field-sets.js';
import { buildSubgraphState } from './build-state.js';
import { graphqlDefinitionRules, graphqlSchemaRules } from './graphql-rules.js';
import { resolveLinks } from './links.js';
import { AuthOnInterfaceRule } from './rules/auth-on-interface-rule.js';
import { ContextRule } from './rules/context-rule.js';
import { CostDirectivesRule } from './rules/cost-directives-rule.js';
import { ExternalDirectivesRule } from './rules/external-directives-rule.js';
import { ExternalUnusedRule } from './rules/external-unused-rule.js';
import { InterfaceFieldDirectivesRule } from './rules/interface-field-directives-rule.js';
import { InterfaceKeyOnImplementationsRule } from './rules/interface-key-on-implementations-rule.js';
import { KeyFieldsRule } from './rules/key-fields-rule.js';
import { createKnownDirectivesRule } from './rules/known-directives-rule.js';
import { OverrideUsageRule } from './rules/override-usage-rule.js';
import { ProvidesFieldsRule } from './rules/provides-fields-rule.js';
import { RequiresFieldsRule } from './rules/requires-fields-rule.js';
import type { SubgraphState } from './state.js';
import { TypeWithOnlyUnusedExternalRule } from './rules/type-with-only-unused-external-rule.js';
import { upgradeFed1Subgraph } from './upgrade-fed1.js';
import { createSubgraphReporter, type SubgraphRule } from './validation-context.js';

/** Rules run on each subgraph after it is built and upgraded, in this order. */
export const SUBGRAPH_RULES: readonly SubgraphRule[] = [
  KeyFieldsRule,
  RequiresFieldsRule,
  ProvidesFieldsRule,
  ExternalUnusedRule,
  ExternalDirectivesRule,
  TypeWithOnlyUnusedExternalRule,
  InterfaceFieldDirectivesRule,
  OverrideUsageRule,
  InterfaceKeyOnImplementationsRule,
  CostDirectivesRule,
  AuthOnInterfaceRule,
  ContextRule,
];

/** A subgraph after the per-subgraph phases: its state (when it could be built) and diagnostics. */
export interface PreparedSubgraph {
  readonly state: SubgraphState | undefined;
  readonly errors: Diagnostic[];
  readonly hints: Diagnostic[];
}

/**
 * The per-subgraph phases, in order: name check -> parse -> resolve `@link`s -> build the
 * normalised state -> known directives -> mark FieldSet usages -> upgrade Federation 1 ->
 * subgraph rules. Stops early when a phase leaves nothing sound to check.
 */
export function prepareSubgraph(input: SubgraphInput): PreparedSubgraph {
  const errors: Diagnostic[] = [];
  const hints: Diagnostic[] = [];
  const source = input.source ?? input.name;
  const report = createSubgraphReporter(input.name, source, errors);
  const fail = () => ({ state: undefined, errors, hints });

  if (input.name === '_' || input.name === '') {
    errors.push(
      createDiagnostic(
        'INVALID_SUBGRAPH_NAME',
        `[${input.name}] Invalid name "${input.name}" for a subgraph: this name is reserved`,
        { subgraphs: [input.name] },
      ),
    );
    return fail();
  }

  let document: DocumentNode;
  try {
    document = input.document ?? parse(new Source(input.sdl ?? '', source));
  } catch (error) {
    const message = error instanceof GraphQLError ? error.message : String(error);
    const loc = error instanceof GraphQLError ? error.locations?.[0] : undefined;
    errors.push(
      createDiagnostic('INVALID_GRAPHQL', `[${input.name}] ${message}`, {
        subgraphs: [input.name],
        locations: loc ? [{ source, line: loc.line, column: loc.column }] : [],
      }),
    );
    return fail();
  }

  const links = resolveLinks(document);
  for (const problem of links.problems) report(problem.code, problem.message, [problem.node]);
  if (links.problems.length > 0) return fail();

  if (links.isFed2 && links.minor > links.linkedMinor) {
    // A spec linked on its own (cost, context, ...) needs a newer federation than the one linked.
    hints.push(
      createDiagnostic(
        'IMPLICITLY_UPGRADED_FEDERATION_VERSION',
        `Subgraph ${input.name} has been implicitly upgraded from federation v2.${links.linkedMinor} to v2.${links.minor}`,
        { subgraphs: [input.name] },
      ),
    );
  }
  const state = buildSubgraphState(
    { name: input.name, url: input.url, source, document, links },
    report,
  );
  const context = { subgraph: state, report };
  // Building errors (a type defined twice, a root type clash) leave nothing sound to check.
  if (errors.length > 0) return fail();
  for (const rule of graphqlDefinitionRules(document)) rule(context);
  if (errors.length > 0) return fail();
  createKnownDirectivesRule(document)(context);
  for (const rule of graphqlSchemaRules(document)) rule(context);
  if (errors.length > 0) return fail();

  annotateFieldSets(state);
  upgradeFed1Subgraph(state);
  for (const rule of SUBGRAPH_RULES) rule(context);
  return { state: errors.length > 0 ? undefined : state, errors, hints };
}

/**
 * Validates one subgraph on its own: parses it, reads its `@link`s, upgrades it when it is a
 * Federation 1 schema, and runs the subgraph rules. Checks that need other subgraphs (sharing,
 * type merging, satisfiability) need {@link composeSubgraphs}.
 */
export function validateSubgraph(subgraph: SubgraphInput): SubgraphValidationResult {
  const { errors, hints } = prepareSubgraph(subgraph);
  return errors.length > 0 ? { ok: false, errors, hints } : { ok: true, hints };
}
