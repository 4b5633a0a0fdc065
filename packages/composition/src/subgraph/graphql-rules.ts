import type { DocumentNode } from 'graphql';
import { createDefaultValuesRule } from './rules/default-values-rule.js';
import { createDirectiveDefinitionsRule } from './rules/directive-definitions-rule.js';
import { createDirectiveApplicationsRule } from './rules/directive-applications-rule.js';
import { EmptyTypesRule } from './rules/empty-types-rule.js';
import { createInputOutputTypesRule } from './rules/input-output-types-rule.js';
import { InterfaceImplementationsRule } from './rules/interface-implementations-rule.js';
import { createKnownTypesRule } from './rules/known-types-rule.js';
import { ReservedNamesRule } from './rules/reserved-names-rule.js';
import { createTypeDefinitionsRule } from './rules/type-definitions-rule.js';
import { UniqueDefinitionsRule } from './rules/unique-definitions-rule.js';
import { UnionMembersRule } from './rules/union-members-rule.js';
import type { SubgraphRule } from './validation-context.js';

/**
 * The GraphQL rules a subgraph must pass before any federation rule, in two phases as
 * composition runs them: what building the schema needs (unique definitions, known types), then
 * the schema's validity (directive applications, type shapes, interface implementations,
 * default values). Each phase's errors (INVALID_GRAPHQL) stop the subgraph's checks.
 */
export function graphqlDefinitionRules(document: DocumentNode): readonly SubgraphRule[] {
  return [
    createTypeDefinitionsRule(document),
    createDirectiveDefinitionsRule(document),
    UniqueDefinitionsRule,
    createKnownTypesRule(document),
  ];
}

/** The second phase: see {@link graphqlDefinitionRules}. */
export function graphqlSchemaRules(document: DocumentNode): readonly SubgraphRule[] {
  return [
    ReservedNamesRule,
    EmptyTypesRule,
    createInputOutputTypesRule(document),
    UnionMembersRule,
    InterfaceImplementationsRule,
    createDirectiveApplicationsRule(document),
    createDefaultValuesRule(document),
  ];
}
