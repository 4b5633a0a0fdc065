import {
  formatGraphRef,
  NAME_PATTERN,
  parseGraphRef,
  type GraphRef,
} from '@orrery/registry-client';
import { BadRequestError } from '../errors.js';

/** BAD_REQUEST unless `name` is a valid graph, variant or subgraph name. */
export function checkName(kind: string, name: string): void {
  if (typeof name !== 'string' || !NAME_PATTERN.test(name)) {
    throw new BadRequestError(
      `invalid ${kind} name ${JSON.stringify(name)}: a letter, then letters, digits, _ or - (64 at most)`,
    );
  }
}

export function checkRef(ref: GraphRef): void {
  checkName('graph', ref.graph);
  checkName('variant', ref.variant);
}

/** Parses a `graph@variant` given in a request body, as BAD_REQUEST when malformed. */
export function refFromBody(field: string, value: unknown): GraphRef {
  if (typeof value !== 'string') throw new BadRequestError(`${field} must be a graph ref string`);
  try {
    return parseGraphRef(value);
  } catch (error) {
    throw new BadRequestError(`${field}: ${(error as Error).message}`);
  }
}

export { formatGraphRef };
