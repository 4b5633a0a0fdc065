/**
 * What a check reads from the database, in one transaction: the checked variant's live
 * subgraphs and served launch, its contract variants with theirs, and which traffic variants
 * exist. Everything after this is computation; nothing here writes.
 *
 * @module
 */
import { formatGraphRef, type ContractConfig, type GraphRef } from '@orrery/registry-client';
import { BadRequestError, ForbiddenError } from '../../errors.js';
import { authorize } from '../../keys/access.js';
import type { Query } from '../../storage/types.js';
import type { RevisionRow, VariantRow } from '../rows.js';
import type { Actor } from '../types.js';
import { currentSubgraphs, findVariant } from '../variants-store.js';

/** A variant's served launch: what its gateways run and its clients see. */
export interface Served {
  readonly launchId: number;
  readonly supergraphSdl: string;
  readonly apiSchemaSdl: string;
}

export interface ContractSnapshot {
  readonly variant: string;
  readonly config: ContractConfig;
  readonly served?: Served;
}

export interface CheckSnapshot {
  /** Absent when the checked variant does not exist yet. */
  readonly variant?: VariantRow;
  readonly subgraphs: readonly RevisionRow[];
  readonly served?: Served;
  readonly contracts: readonly ContractSnapshot[];
  /** The configured traffic variants that exist (a missing one has no traffic to weigh). */
  readonly trafficVariants: readonly string[];
}

async function servedOf(query: Query, variantId: number): Promise<Served | undefined> {
  const [row] = await query<{ id: number; supergraph_sdl: string; api_schema_sdl: string }>(
    `SELECT l.id, a.supergraph_sdl, a.api_schema_sdl FROM variants v
     JOIN launches l ON l.variant_id = v.id AND l.id = v.served_launch_id
     JOIN artifacts a ON a.hash = l.supergraph_hash WHERE v.id = $1`,
    [variantId],
  );
  return row
    ? { launchId: row.id, supergraphSdl: row.supergraph_sdl, apiSchemaSdl: row.api_schema_sdl }
    : undefined;
}

/**
 * Reads the snapshot. A contract variant takes no publishes, so it takes no checks either
 * (BAD_REQUEST, as publish). Traffic variants other than the checked one must exist, and the
 * actor must be allowed to read them: their traffic shows up in the result.
 */
export async function readSnapshot(
  query: Query,
  actor: Actor,
  ref: GraphRef,
  trafficVariants: readonly string[],
): Promise<CheckSnapshot> {
  const variant = await findVariant(query, ref);
  if (variant?.contract) {
    throw new BadRequestError(
      `${formatGraphRef(ref)} is a contract of ${variant.contract.source}: check against the source variant`,
    );
  }
  const existing: string[] = [];
  for (const name of trafficVariants) {
    const trafficRef = { graph: ref.graph, variant: name };
    if (name !== ref.variant) {
      try {
        authorize(actor, 'read', trafficRef);
      } catch (error) {
        if (error instanceof ForbiddenError) {
          throw new ForbiddenError(`${error.message} (config.trafficVariants)`);
        }
        throw error;
      }
    }
    const found = name === ref.variant ? variant : await findVariant(query, trafficRef);
    if (found) existing.push(name);
    else if (name !== ref.variant) {
      throw new BadRequestError(
        `config.trafficVariants: variant ${formatGraphRef(trafficRef)} does not exist`,
      );
    }
  }
  if (!variant) return { subgraphs: [], contracts: [], trafficVariants: existing };

  const contractRows = await query<{ id: number; name: string; contract: ContractConfig }>(
    `SELECT id, name, contract FROM variants
     WHERE graph_id = $1 AND contract ->> 'source' = $2 ORDER BY name`,
    [variant.graph_id, formatGraphRef(ref)],
  );
  const contracts: ContractSnapshot[] = [];
  for (const row of contractRows) {
    const served = await servedOf(query, row.id);
    contracts.push({ variant: row.name, config: row.contract, ...(served ? { served } : {}) });
  }
  const served = await servedOf(query, variant.id);
  return {
    variant,
    subgraphs: await currentSubgraphs(query, variant.id),
    ...(served ? { served } : {}),
    contracts,
    trafficVariants: existing,
  };
}
