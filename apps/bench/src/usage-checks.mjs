/**
 * Part 3 of the usage bench: how long a schema check takes on a realistic graph with traffic.
 *
 * - Graph: `generate-large-graph.mjs` with its default per-subgraph shape (the composition
 *   bench's) at `--check-subgraphs` subgraphs (40: about 2,000 types), published one by one.
 * - Traffic: `generate-operations.mjs` operations over the registry's served API schema (as the
 *   gateway builds it from the supergraph), their signatures and coordinates computed with the
 *   gateway's own `usageSignature` / `collectCoordinates`, ids with `usageOperationId`; requests
 *   spread over the last 7 days (operation `r` of the list gets about `20,000 / (r + 1)` requests
 *   from a few of 20 clients in a few minutes), sent as usage reports with a gateway key.
 * - Checks (`runCheck` over HTTP, admin key): a safe addition (a new field on a type) and the
 *   removal of a field the most used operations select, each with plan regressions `warn` (the
 *   default: the 50 most used operations planned on both supergraphs) and `off`. One untimed run
 *   of each first (it also proves the cases: the addition passes, the removal fails as broken).
 */
import { createGateway, collectCoordinates, usageSignature } from '@orrery/gateway';
import {
  USAGE_REPORT_VERSION,
  createRegistryClient,
  usageOperationId,
} from '@orrery/registry-client';
import { getNamedType, isLeafType, isObjectType, Kind, parse, print } from 'graphql';
import { generateLargeGraph } from './generate-large-graph.mjs';
import { generateOperations } from './generate-operations.mjs';
import { log, summarize } from './usage-common.mjs';

const CHECKS_REF = 'usagechecks@prod';
const CLIENTS = 20;
const MAX_ROWS_PER_REPORT = 2_000;

/** mulberry32, as the generators use: deterministic traffic for a seed. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Operations as the gateway would report them: `{ id, name, signature, coordinates }`. */
function usageOperations(apiSchema, texts) {
  return texts.map((text, i) => {
    const name = `Op${i}`;
    const document = parse(text);
    const signature = usageSignature(document, name);
    const coordinates = collectCoordinates(apiSchema, document, name);
    return { id: usageOperationId({ name, signature, coordinates }), name, signature, coordinates };
  });
}

/** Rows over the last 7 days, operation `r` weighted `20,000 / (r + 1)`; at least 1 request each. */
function trafficRows(operations, seed) {
  const random = prng(seed);
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  const rows = [];
  for (const [r, operation] of operations.entries()) {
    const requests = Math.max(1, Math.round(20_000 / (r + 1)));
    const minutes = 2 + (r % 6);
    for (let m = 0; m < minutes; m++) {
      const count = Math.floor(requests / minutes) + (m < requests % minutes ? 1 : 0);
      if (count === 0) continue;
      // Whole minutes between 2 minutes and 7 days ago (inside any check's default window).
      const minute = now - (2 + Math.floor(random() * (7 * 1440 - 10))) * 60_000;
      const client = Math.floor(random() * CLIENTS);
      rows.push({
        operationId: operation.id,
        clientName: `client-${String(Math.floor(client / 2)).padStart(2, '0')}`,
        clientVersion: `1.${client % 2}.0`,
        minute: new Date(minute).toISOString(),
        count,
        errors: 0,
      });
    }
  }
  return rows;
}

/** Where each `Type.field` is defined: coordinate -> subgraph names (definitions and extensions). */
function fieldOwners(subgraphs) {
  const owners = new Map();
  for (const { name, sdl } of subgraphs) {
    for (const definition of parse(sdl).definitions) {
      if (
        definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
        definition.kind !== Kind.OBJECT_TYPE_EXTENSION
      ) {
        continue;
      }
      for (const field of definition.fields ?? []) {
        const coordinate = `${definition.name.value}.${field.name.value}`;
        const list = owners.get(coordinate) ?? [];
        list.push({ subgraph: name, directives: field.directives?.length ?? 0 });
        owners.set(coordinate, list);
      }
    }
  }
  return owners;
}

/** `sdl` without the field `type.field` (AST edit, printed back). */
function withoutField(sdl, typeName, fieldName) {
  const document = parse(sdl);
  return print({
    ...document,
    definitions: document.definitions.map((d) =>
      d.name?.value === typeName && 'fields' in d
        ? { ...d, fields: d.fields.filter((f) => f.name.value !== fieldName) }
        : d,
    ),
  });
}

/** `sdl` with `usageBenchAdded: String` on its first object type that is not a root type. */
function withAddedField(sdl) {
  const document = parse(sdl);
  const added = parse('type X { usageBenchAdded: String }').definitions[0].fields[0];
  let done = false;
  const definitions = document.definitions.map((d) => {
    if (done || d.kind !== Kind.OBJECT_TYPE_DEFINITION) return d;
    if (['Query', 'Mutation', 'Subscription'].includes(d.name.value)) return d;
    done = true;
    return { ...d, fields: [...(d.fields ?? []), added] };
  });
  if (!done) throw new Error('no object type to add a field to');
  return print({ ...document, definitions });
}

/**
 * Removal candidates: leaf fields the most used operations select, defined by exactly one
 * subgraph without directives, on an object type whose interfaces do not declare them, and whose
 * name appears in no quoted string of any subgraph (`@key` / `@requires` / `@provides` fields).
 */
function* removalCandidates(apiSchema, subgraphs, operations) {
  const owners = fieldOwners(subgraphs);
  const quoted = subgraphs.map((s) => s.sdl.match(/"[^"]*"/g) ?? []).flat();
  const seen = new Set();
  for (const operation of operations) {
    for (const coordinate of operation.coordinates) {
      const match = /^(\w+)\.(\w+)$/.exec(coordinate);
      if (!match || seen.has(coordinate)) continue;
      seen.add(coordinate);
      const [, typeName, fieldName] = match;
      const type = apiSchema.getType(typeName);
      if (!isObjectType(type) || typeName === apiSchema.getQueryType()?.name) continue;
      const field = type.getFields()[fieldName];
      if (!field || !isLeafType(getNamedType(field.type))) continue;
      if (type.getInterfaces().some((i) => fieldName in i.getFields())) continue;
      const defined = owners.get(coordinate) ?? [];
      if (defined.length !== 1 || defined[0].directives > 0) continue;
      if (quoted.some((q) => new RegExp(`\\b${fieldName}\\b`).test(q))) continue;
      yield { coordinate, typeName, fieldName, subgraph: defined[0].subgraph };
    }
  }
}

function describe(result) {
  const changes = result.operations.changes;
  return {
    status: result.status,
    composition: result.composition.status,
    changes: changes.length,
    broken: changes.filter((c) => c.impact === 'broken').length,
    affectedOperations: result.operations.affectedOperations.length,
    planRegressions: result.planRegressions.status,
    regressions: result.planRegressions.regressions.length,
  };
}

/** Runs part 3 against `registry` (`{ url, adminKey }`). */
export async function measureChecks({ registry, label, options }) {
  const { seed, checkSubgraphs, checkOperations, checkRuns } = options;
  const admin = createRegistryClient({
    url: registry.url,
    key: registry.adminKey,
    timeoutMs: 300_000,
  });
  const { subgraphs, stats } = generateLargeGraph({ seed, subgraphs: checkSubgraphs });

  log(`${label}: checks, publishing ${subgraphs.length} subgraphs (${stats.types} types)`);
  const seedStarted = performance.now();
  let last;
  for (const subgraph of subgraphs) {
    last = await admin.publishSubgraph(CHECKS_REF, subgraph.name, {
      sdl: subgraph.sdl,
      url: subgraph.url,
    });
  }
  if (last?.launch?.status !== 'success') {
    throw new Error(
      `the generated graph did not compose: ${JSON.stringify(last?.errors).slice(0, 300)}`,
    );
  }
  const seedSeconds = (performance.now() - seedStarted) / 1000;

  const served = await admin.getSupergraph(CHECKS_REF);
  if (served.status !== 'updated') throw new Error('the registry serves no supergraph');
  const gateway = createGateway({ supergraph: served.supergraphSdl });
  await gateway.ready;
  const apiSchema = gateway.apiSchema;
  await gateway.close();
  const texts = generateOperations(apiSchema, {
    seed,
    count: checkOperations,
    depth: 3,
    breadth: 2,
  });
  const operations = usageOperations(apiSchema, texts);
  const distinct = new Set(operations.map((o) => o.id)).size;

  const { key } = await admin.createKey({
    name: 'usage-bench-checks',
    role: 'gateway',
    scope: { variants: [CHECKS_REF] },
  });
  const reporter = createRegistryClient({ url: registry.url, key, retries: 0, timeoutMs: 120_000 });
  const rows = trafficRows(operations, seed);
  const byId = new Map(operations.map((o) => [o.id, o]));
  let accepted = 0;
  for (let start = 0; start < rows.length; start += MAX_ROWS_PER_REPORT) {
    const chunk = rows.slice(start, start + MAX_ROWS_PER_REPORT);
    const ids = [...new Set(chunk.map((row) => row.operationId))];
    const answer = await reporter.reportUsage(CHECKS_REF, {
      version: USAGE_REPORT_VERSION,
      agent: 'orrery-bench usage-checks',
      operations: Object.fromEntries(
        ids.map((id) => {
          const { name, signature, coordinates } = byId.get(id);
          return [id, { name, type: 'query', signature, coordinates }];
        }),
      ),
      rows: chunk,
    });
    accepted += answer.accepted;
    if (answer.rejected > 0) {
      throw new Error(`traffic rows rejected: ${JSON.stringify(answer.errors).slice(0, 300)}`);
    }
  }
  const requests = rows.reduce((sum, row) => sum + row.count, 0);
  log(`${label}: ${distinct} operations, ${rows.length} rows, ${requests} requests over 7 days`);

  // The cases, proven once (untimed: also the warm-up).
  const sdlOf = new Map(subgraphs.map((s) => [s.name, s.sdl]));
  let removal;
  for (const candidate of removalCandidates(apiSchema, subgraphs, operations)) {
    const request = {
      subgraph: candidate.subgraph,
      sdl: withoutField(sdlOf.get(candidate.subgraph), candidate.typeName, candidate.fieldName),
    };
    const result = describe(await admin.runCheck(CHECKS_REF, request));
    if (result.composition === 'passed' && result.broken > 0) {
      removal = { ...candidate, request, proof: result };
      break;
    }
    log(`${label}: removing ${candidate.coordinate} did not make a broken change, next candidate`);
  }
  if (!removal) throw new Error('no used field could be removed cleanly');
  const addition = {
    subgraph: removal.subgraph,
    request: { subgraph: removal.subgraph, sdl: withAddedField(sdlOf.get(removal.subgraph)) },
  };
  addition.proof = describe(await admin.runCheck(CHECKS_REF, addition.request));
  if (addition.proof.status !== 'passed') {
    throw new Error(`the safe addition did not pass: ${JSON.stringify(addition.proof)}`);
  }

  const cases = [
    { name: 'safe addition', planRegressions: 'warn', request: addition.request },
    { name: 'safe addition', planRegressions: 'off', request: addition.request },
    { name: `removal of ${removal.coordinate}`, planRegressions: 'warn', request: removal.request },
    { name: `removal of ${removal.coordinate}`, planRegressions: 'off', request: removal.request },
  ].map((c) => ({ ...c, latencies: [], last: undefined }));
  log(`${label}: ${checkRuns} timed runs of ${cases.length} checks`);
  for (let run = 0; run < checkRuns; run++) {
    for (const c of cases) {
      const t0 = performance.now();
      const result = await admin.runCheck(CHECKS_REF, {
        ...c.request,
        config: { planRegressions: c.planRegressions },
      });
      c.latencies.push(performance.now() - t0);
      c.last = describe(result);
    }
  }
  return {
    storage: label,
    graph: {
      subgraphs: stats.subgraphs,
      types: stats.types,
      supergraphBytes: served.supergraphSdl.length,
    },
    seedSeconds,
    traffic: {
      operations: distinct,
      rows: rows.length,
      accepted,
      requests,
      meanCoordinates:
        operations.reduce((sum, o) => sum + o.coordinates.length, 0) / operations.length,
    },
    removed: removal.coordinate,
    addedTo: addition.subgraph,
    cases: cases.map((c) => ({
      name: c.name,
      planRegressions: c.planRegressions,
      latencyMs: summarize(c.latencies),
      result: c.last,
    })),
  };
}
