-- Up Migration

-- The event store: the source of truth and, read by global position, the outbox.
-- Rows are only ever inserted; the triggers below refuse UPDATE and DELETE.
CREATE TABLE events (
  global_position  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- The writing transaction: readers order by (transaction_id, global_position) and read only
  -- below the oldest transaction still running, so a late commit is never skipped.
  transaction_id   xid8 NOT NULL DEFAULT pg_current_xact_id(),
  event_id         uuid NOT NULL UNIQUE,
  stream_id        text NOT NULL,
  stream_version   integer NOT NULL CHECK (stream_version > 0),
  hub_id           text NOT NULL,
  event_type       text NOT NULL,
  schema_version   integer NOT NULL DEFAULT 1 CHECK (schema_version > 0),
  data             jsonb NOT NULL,
  metadata         jsonb NOT NULL,
  recorded_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
  CONSTRAINT events_stream_version_unique UNIQUE (stream_id, stream_version)
);
CREATE INDEX events_tx_position ON events (transaction_id, global_position);
CREATE INDEX events_hub_type ON events (hub_id, event_type);

CREATE FUNCTION events_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION events_are_immutable();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION events_are_immutable();

-- Where each reader of the event store (relay, workflow starter, ...) has got to.
CREATE TABLE event_checkpoints (
  reader          text PRIMARY KEY,
  transaction_id  xid8 NOT NULL,
  global_position bigint NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE event_checkpoints;
DROP TABLE events;
DROP FUNCTION events_are_immutable();
