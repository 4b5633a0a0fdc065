import type { SupergraphContext } from './context.js';
import { ContextualArgumentsRule } from './rules/contextual-arguments-rule.js';
import { ExtensionWithNoBaseRule } from './rules/extension-with-no-base-rule.js';
import { ExternalArgumentsRule } from './rules/external-arguments-rule.js';
import { ExternalMissingOnBaseRule } from './rules/external-missing-on-base-rule.js';
import { InconsistentEntityRule } from './rules/inconsistent-entity-rule.js';
import { InconsistentUnionMemberRule } from './rules/inconsistent-union-member-rule.js';
import { InconsistentValueTypeFieldRule } from './rules/inconsistent-value-type-field-rule.js';
import { InterfaceFieldNoImplementationRule } from './rules/interface-field-no-implementation-rule.js';
import { InterfaceKeyMissingImplementationTypeRule } from './rules/interface-key-missing-implementation-type-rule.js';
import { InterfaceObjectUsageRule } from './rules/interface-object-usage-rule.js';
import { InvalidFieldSharingRule } from './rules/invalid-field-sharing-rule.js';
import { NoQueriesRule } from './rules/no-queries-rule.js';
import { OverrideSourceRule } from './rules/override-source-rule.js';
import { TransitiveAuthRequirementsRule } from './rules/transitive-auth-requirements-rule.js';
import { TypeKindMismatchRule } from './rules/type-kind-mismatch-rule.js';
import { UnusedEnumTypeRule } from './rules/unused-enum-type-rule.js';

/** A rule over the subgraphs grouped by type (`byGraph`), reporting through the context. */
export type SupergraphRule = (context: SupergraphContext) => void;

/** Rules run before merging: when one fails, merging would produce nonsense. In order. */
export const PRE_MERGE_RULES: readonly SupergraphRule[] = [
  ExtensionWithNoBaseRule,
  TypeKindMismatchRule,
  InterfaceObjectUsageRule,
];

/** Rules run after merging (satisfiability is a separate, last phase). In order. */
export const POST_MERGE_RULES: readonly SupergraphRule[] = [
  NoQueriesRule,
  OverrideSourceRule,
  ExternalMissingOnBaseRule,
  ExternalArgumentsRule,
  InvalidFieldSharingRule,
  InterfaceFieldNoImplementationRule,
  InterfaceKeyMissingImplementationTypeRule,
  InconsistentEntityRule,
  InconsistentValueTypeFieldRule,
  InconsistentUnionMemberRule,
  UnusedEnumTypeRule,
  ContextualArgumentsRule,
  TransitiveAuthRequirementsRule,
];
