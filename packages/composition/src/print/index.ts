export { graphEnumValue } from './graph-enum.js';
export { supergraphPreamble } from './preamble.js';
export { printDirective, printSupergraphSdl, printTypeDefinition } from './print-supergraph.js';
export {
  printBlockString,
  printStringValue,
  printTypeReference,
  printValue,
} from './print-values.js';
export type { SupergraphFeatures, SupergraphGraph, SupergraphRoots } from './types.js';
