import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { type CorpusSet, FEDERATION_HEADER } from './corpus.js';

/** What `@apollo/composition` says about a corpus set. */
export interface OracleAnswer {
  /** Codes of Apollo's errors with satisfiability on (empty when it composes). */
  readonly codes: string[];
  readonly messages: string[];
  /**
   * Messages of Apollo's hints that satisfiability raises (INCONSISTENT_RUNTIME_TYPES_...);
   * undefined when composition fails (Apollo returns no hints then).
   */
  readonly satisfiabilityHints: string[] | undefined;
  /** The supergraph with satisfiability off (undefined if even that fails). */
  readonly supergraphSdl: string | undefined;
}

const answers = new WeakMap<CorpusSet, OracleAnswer>();

/** Apollo's answer on a set, computed once per set (composing twice takes a few hundred ms). */
export function askApollo(set: CorpusSet): OracleAnswer {
  let answer = answers.get(set);
  if (!answer) {
    answer = composeWithApollo(set);
    answers.set(set, answer);
  }
  return answer;
}

function composeWithApollo(set: CorpusSet): OracleAnswer {
  const services = Object.entries(set.subgraphs).map(([name, sdl]) => ({
    name,
    url: `http://${name}.local/graphql`,
    typeDefs: parse((set.header ?? FEDERATION_HEADER) + sdl),
  }));
  const full = composeServices(services);
  const loose = composeServices(services, { runSatisfiability: false });
  return {
    codes: (full.errors ?? []).map((e) => String(e.extensions['code'])),
    messages: (full.errors ?? []).map((e) => e.message),
    satisfiabilityHints: full.errors
      ? undefined
      : full.hints
          .filter((h) => h.definition.code === 'INCONSISTENT_RUNTIME_TYPES_FOR_SHAREABLE_RETURN')
          .map((h) => h.message),
    supergraphSdl: loose.errors ? undefined : loose.supergraphSdl,
  };
}

/** The witness query of a SATISFIABILITY_ERROR message. */
export function witnessOf(message: string): string {
  const start = message.indexOf('The following supergraph API query:\n');
  const end = message.indexOf('\ncannot be satisfied by the subgraphs because:');
  return start < 0 || end < 0 ? message : message.slice(start + 36, end);
}
