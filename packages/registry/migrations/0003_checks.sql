-- Schema checks (docs/registry-api.md, "Checks"): a proposed subgraph checked against a variant,
-- its request and its full result. A check never changes the graph, so these rows and an audit
-- entry are the only things it writes. Append-only like the other history tables.
--
-- Keyed by graph and variant name, not only by variant row: a check may target a variant that
-- does not exist yet (it composes the proposal alone), and then variant_id is NULL. When the
-- variant exists, variant_id links the check to it and deleting the variant deletes its checks,
-- like its launches.
CREATE TABLE checks (
  graph text NOT NULL,
  variant text NOT NULL,
  -- Monotonic per (graph, variant), starting at 1, allocated under an advisory lock.
  id integer NOT NULL,
  variant_id integer REFERENCES variants (id) ON DELETE CASCADE,
  subgraph text NOT NULL,
  status text NOT NULL CHECK (status IN ('passed', 'failed')),
  -- The CheckRequest as received (proposed SDL included).
  request jsonb NOT NULL,
  -- The CheckResult as returned (its url is rebuilt from the registry's public URL on read).
  result jsonb NOT NULL,
  actor text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (graph, variant, id)
);

CREATE INDEX checks_variant ON checks (variant_id) WHERE variant_id IS NOT NULL;

CREATE TRIGGER checks_append_only BEFORE UPDATE ON checks
  FOR EACH ROW EXECUTE FUNCTION orrery_refuse_update();
