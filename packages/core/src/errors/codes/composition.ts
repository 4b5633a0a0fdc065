// Codes raised by composition. The code strings are Apollo Federation's, so users can look them up
// in Apollo's documentation and tools matching on them keep working; descriptions are our own.

import { COMPOSITION_GENERAL_CODES } from './composition/general.js';
import { COMPOSITION_FIELDSET_CODES } from './composition/fieldset.js';
import { COMPOSITION_EXTERNAL_CODES } from './composition/external.js';
import { COMPOSITION_MERGE_CODES } from './composition/merge.js';
import { COMPOSITION_INACCESSIBLE_CODES } from './composition/inaccessible.js';
import { COMPOSITION_OVERRIDE_CODES } from './composition/override.js';
import { COMPOSITION_INTERFACE_OBJECT_CODES } from './composition/interface-object.js';
import { COMPOSITION_COMPOSE_DIRECTIVE_CODES } from './composition/compose-directive.js';
import { COMPOSITION_CONTEXT_CODES } from './composition/context.js';
import { COMPOSITION_COST_CODES } from './composition/cost.js';
import { COMPOSITION_AUTH_CODES } from './composition/auth.js';
import { COMPOSITION_HINT_CODES } from './composition/hint.js';

export {
  COMPOSITION_GENERAL_CODES,
  COMPOSITION_FIELDSET_CODES,
  COMPOSITION_EXTERNAL_CODES,
  COMPOSITION_MERGE_CODES,
  COMPOSITION_INACCESSIBLE_CODES,
  COMPOSITION_OVERRIDE_CODES,
  COMPOSITION_INTERFACE_OBJECT_CODES,
  COMPOSITION_COMPOSE_DIRECTIVE_CODES,
  COMPOSITION_CONTEXT_CODES,
  COMPOSITION_COST_CODES,
  COMPOSITION_AUTH_CODES,
  COMPOSITION_HINT_CODES,
};

export const COMPOSITION_CODE_TABLES = [
  COMPOSITION_GENERAL_CODES,
  COMPOSITION_FIELDSET_CODES,
  COMPOSITION_EXTERNAL_CODES,
  COMPOSITION_MERGE_CODES,
  COMPOSITION_INACCESSIBLE_CODES,
  COMPOSITION_OVERRIDE_CODES,
  COMPOSITION_INTERFACE_OBJECT_CODES,
  COMPOSITION_COMPOSE_DIRECTIVE_CODES,
  COMPOSITION_CONTEXT_CODES,
  COMPOSITION_COST_CODES,
  COMPOSITION_AUTH_CODES,
  COMPOSITION_HINT_CODES,
] as const;
