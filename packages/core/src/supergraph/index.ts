export { extractSubgraphs, printExtractedSubgraph } from './extract-subgraphs.js';
export type { ExtractedField, ExtractedSubgraph, ExtractedType } from './extract-subgraphs.js';
export { parseSpecUrl, readLinkedFeatures } from './features.js';
export { parseFieldSet } from './field-set.js';
export { namedTypeOf, namedTypeOfPrinted, printType, readSupergraph } from './read-supergraph.js';
export type {
  ContextArgument,
  FieldInSubgraph,
  FieldSet,
  KeyDefinition,
  ReadSupergraphResult,
  SupergraphArgument,
  SupergraphFeature,
  SupergraphField,
  SupergraphModel,
  SupergraphRoots,
  SupergraphSubgraph,
  SupergraphType,
  SupergraphTypeKind,
  TypeInSubgraph,
} from './model.js';
