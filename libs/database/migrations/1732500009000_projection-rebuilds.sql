-- Up Migration

-- Rebuilds of a projection from the event store (ops rebuild-projection, docs/operations.md):
-- one row per generation. While `running`, the row is the rebuild's checkpoint, written in the
-- same transaction as the rows it built in `rebuild_table`, so a killed rebuild resumes from it.
-- `switched`: the rebuilt table became the live one, and `old_table` keeps the table it replaced
-- (for rollback) until dropped; `switch_offsets` are the live projection's Kafka offsets then.
CREATE TABLE projection_rebuilds (
  projection       text NOT NULL,
  generation       integer NOT NULL,
  status           text NOT NULL CHECK (status IN ('running', 'switched', 'abandoned')),
  rebuild_table    text NOT NULL,
  -- Last event applied, in the relay's (transaction, position) order.
  transaction_id   xid8 NOT NULL DEFAULT '0',
  global_position  bigint NOT NULL DEFAULT 0,
  events_read      bigint NOT NULL DEFAULT 0,
  started_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  switched_at      timestamptz,
  old_table        text,
  old_dropped_at   timestamptz,
  switch_offsets   jsonb,
  PRIMARY KEY (projection, generation)
);
-- At most one unfinished rebuild per projection.
CREATE UNIQUE INDEX projection_rebuilds_one_running ON projection_rebuilds (projection) WHERE status = 'running';

-- Down Migration
DROP TABLE projection_rebuilds;
