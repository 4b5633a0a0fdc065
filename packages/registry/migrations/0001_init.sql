-- Orrery registry schema, version 1. Runs unchanged on PostgreSQL (15+) and PGlite.
-- History tables (subgraph_revisions, launches, audit_log) are append-only: a trigger refuses
-- UPDATE on them, so the history a user reads is the history that happened. Deleting a variant
-- deletes its rows through ON DELETE CASCADE; the audit log is kept.

CREATE TABLE graphs (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE variants (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  graph_id integer NOT NULL REFERENCES graphs (id) ON DELETE CASCADE,
  name text NOT NULL,
  -- ContractConfig ({ source, includeTags, excludeTags, hideUnreachableTypes }) for contract
  -- variants, NULL otherwise.
  contract jsonb,
  -- The launch served (last successful) and the newest launch, per-variant launch ids.
  served_launch_id integer,
  latest_launch_id integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (graph_id, name)
);

CREATE INDEX variants_contract_source ON variants ((contract ->> 'source'))
  WHERE contract IS NOT NULL;

CREATE TABLE subgraph_revisions (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  variant_id integer NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
  name text NOT NULL,
  -- 1, 2, 3... per (variant, name).
  revision integer NOT NULL,
  url text NOT NULL,
  sdl text NOT NULL,
  sdl_hash text NOT NULL,
  -- A deletion is a revision too (with the last SDL and URL), so history stays complete and the
  -- subgraph can be restored.
  deleted boolean NOT NULL DEFAULT false,
  actor text NOT NULL,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (variant_id, name, revision)
);

CREATE TABLE launches (
  variant_id integer NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
  -- Monotonic per variant, starting at 1, allocated under the variant's lock.
  id integer NOT NULL,
  trigger jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('success', 'failed')),
  supergraph_hash text,
  errors jsonb NOT NULL DEFAULT '[]',
  changes jsonb NOT NULL DEFAULT '[]',
  actor text NOT NULL,
  -- The subgraph revisions composed: [{ "name", "revision" }].
  subgraphs jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (variant_id, id),
  CHECK ((status = 'success') = (supergraph_hash IS NOT NULL))
);

-- Content-addressed by the sha256 of the supergraph SDL: identical supergraphs are stored once.
CREATE TABLE artifacts (
  hash text PRIMARY KEY,
  supergraph_sdl text NOT NULL,
  api_schema_sdl text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
  id text PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'publisher', 'gateway')),
  scope jsonb NOT NULL DEFAULT '{}',
  -- sha256 of the secret part of the key, hex; the key itself is never stored.
  secret_sha256 text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

CREATE TABLE webhooks (
  id text PRIMARY KEY,
  variant_id integer NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
  url text NOT NULL,
  -- The HMAC key must be usable to sign, so it is stored as given.
  secret text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE webhook_deliveries (
  id text PRIMARY KEY,
  webhook_id text NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
  launch_id integer NOT NULL,
  payload jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_status_code integer,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries (webhook_id, created_at);
CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (status) WHERE status = 'pending';

CREATE TABLE audit_log (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  actor text NOT NULL,
  action text NOT NULL,
  graph text,
  variant text,
  target text,
  details jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX audit_log_graph ON audit_log (graph, id);

CREATE FUNCTION orrery_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END
$$;

CREATE TRIGGER subgraph_revisions_append_only BEFORE UPDATE ON subgraph_revisions
  FOR EACH ROW EXECUTE FUNCTION orrery_refuse_update();
CREATE TRIGGER launches_append_only BEFORE UPDATE ON launches
  FOR EACH ROW EXECUTE FUNCTION orrery_refuse_update();
CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION orrery_refuse_update();
