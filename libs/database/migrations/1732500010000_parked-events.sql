-- Up Migration

-- Events a consumer could not handle (docs/operations.md, "Parked events"): a malformed message,
-- one that fails its type's schema, one its projection or mapping throws on, and the later events
-- of the same referral held behind it so that a row never moves past a gap. The consumer parks them
-- in the transaction that moves its position and goes on; `ops parked retry|skip` resolves them.
-- error_code and error_message hold codes, paths and SQLSTATEs only, never payload text; the
-- payload itself is kept here (as the message's bytes) to be applied again on retry.
CREATE TABLE parked_events (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  consumer       text NOT NULL,
  -- Kafka consumers: where the message was. The relay (reading the event store) has none.
  topic          text,
  partition      integer,
  "offset"       bigint,
  event_id       uuid,
  event_type     text,
  referral_id    uuid,
  hub_id         text,
  error_code     text NOT NULL,
  error_message  text NOT NULL,
  payload        bytea,
  parked_at      timestamptz NOT NULL DEFAULT now(),
  status         text NOT NULL DEFAULT 'parked' CHECK (status IN ('parked', 'retried', 'skipped')),
  resolved_by    text,
  resolved_at    timestamptz,
  resolution     text,
  CHECK ((status = 'parked') = (resolved_at IS NULL))
);
-- A message delivered again (a rebalance, a re-consume) is parked once.
CREATE UNIQUE INDEX parked_events_message ON parked_events (consumer, topic, partition, "offset") WHERE "offset" IS NOT NULL;
CREATE UNIQUE INDEX parked_events_event ON parked_events (consumer, event_id) WHERE "offset" IS NULL;
-- What is still parked, per consumer and per referral (the hold on later events).
CREATE INDEX parked_events_open ON parked_events (consumer, referral_id) WHERE status = 'parked';

-- Down Migration
DROP TABLE parked_events;
