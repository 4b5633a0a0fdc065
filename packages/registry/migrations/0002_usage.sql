-- Usage reported by gateways (docs/registry-api.md, "Usage"): the operations clients sent, the
-- schema coordinates each references, and request counts per variant, operation, client and
-- minute. Rows older than the retention are deleted by purgeUsage (service/usage.ts), which then
-- deletes the operations no rollup refers to any more. Integer columns only (see the storage
-- README); sums are read as float8, exact far beyond what a registry will count.

-- One row per operation per graph. `id` is the reported operation id (sha256 hex of name,
-- signature and coordinates, recomputed on ingest), so the same text touching other coordinates
-- after a schema change is another operation.
CREATE TABLE usage_operations (
  graph_id integer NOT NULL REFERENCES graphs (id) ON DELETE CASCADE,
  id text NOT NULL,
  name text,
  type text NOT NULL CHECK (type IN ('query', 'mutation', 'subscription')),
  signature text NOT NULL,
  -- First and last minute with requests, over every variant of the graph.
  first_seen timestamptz NOT NULL,
  last_seen timestamptz NOT NULL,
  PRIMARY KEY (graph_id, id)
);

CREATE TABLE usage_operation_coordinates (
  graph_id integer NOT NULL,
  operation_id text NOT NULL,
  coordinate text NOT NULL,
  PRIMARY KEY (graph_id, operation_id, coordinate),
  FOREIGN KEY (graph_id, operation_id) REFERENCES usage_operations (graph_id, id) ON DELETE CASCADE
);

-- Checks ask "which operations reference Product.name in this graph".
CREATE INDEX usage_operation_coordinates_lookup ON usage_operation_coordinates (graph_id, coordinate);

-- Requests of one operation by one client (name, version; '' when absent) in one minute of one
-- variant. Ingest adds to the counts of an existing row (INSERT ... ON CONFLICT DO UPDATE).
-- graph_id is the variant's graph, kept for the foreign key to the operation; it is left out of
-- the primary key, which the variant already determines.
CREATE TABLE usage_minutes (
  variant_id integer NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
  minute timestamptz NOT NULL,
  operation_id text NOT NULL,
  client_name text NOT NULL,
  client_version text NOT NULL,
  graph_id integer NOT NULL,
  count integer NOT NULL CHECK (count >= 1),
  errors integer NOT NULL CHECK (errors >= 0 AND errors <= count),
  -- Variant and time first: views and checks read a variant set over a time range, and the
  -- purge deletes by variant and time.
  PRIMARY KEY (variant_id, minute, operation_id, client_name, client_version),
  FOREIGN KEY (graph_id, operation_id) REFERENCES usage_operations (graph_id, id) ON DELETE CASCADE
);

-- Finds whether an operation still has rollups (the purge of orphan operations, the foreign key).
CREATE INDEX usage_minutes_operation ON usage_minutes (graph_id, operation_id);

-- Requests gateways could not record (`UsageReport.dropped`), per variant and minute of receipt,
-- so the gap in the data can be shown. Purged with the rollups.
CREATE TABLE usage_dropped (
  variant_id integer NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
  minute timestamptz NOT NULL,
  dropped integer NOT NULL CHECK (dropped >= 0),
  PRIMARY KEY (variant_id, minute)
);
