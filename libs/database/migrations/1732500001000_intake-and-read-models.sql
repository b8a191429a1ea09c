-- Up Migration

-- Hubs and the intake part of their policy. The versioned hub policy (its own issue) will
-- supersede these columns; until then a hub's intake rules live here.
CREATE TABLE hubs (
  hub_id            text PRIMARY KEY CHECK (hub_id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name              text NOT NULL,
  scope             text NOT NULL CHECK (scope IN ('children', 'adults', 'both')),
  -- NULL: any agency may refer directly; otherwise the agencies listed.
  direct_referrers  text[],
  policy_version    integer NOT NULL DEFAULT 1,
  created_at        timestamptz NOT NULL DEFAULT now()
);

-- A retried submission with the same Idempotency-Key returns the referral made the first time.
-- Written in the same transaction as the referral's first event.
CREATE TABLE intake_idempotency_keys (
  hub_id        text NOT NULL,
  key           text NOT NULL,
  request_hash  text NOT NULL,
  referral_id   uuid NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (hub_id, key)
);

-- Read model: one row per referral, fed by the projector from the Kafka topic.
CREATE TABLE referral_summary (
  referral_id          uuid PRIMARY KEY,
  hub_id               text NOT NULL,
  stage                text NOT NULL,
  subject_type         text NOT NULL,
  subject_display_name text NOT NULL,
  subject_date_of_birth date,
  subject_age_band     text,
  referrer_agency      text NOT NULL,
  concern_categories   text[] NOT NULL,
  immediate_risk       boolean NOT NULL,
  household_size       integer NOT NULL,
  received_at          timestamptz NOT NULL,
  triage_awaited_since timestamptz,
  -- Highest stream version applied: an event at or below it is a redelivery and is skipped.
  stream_version       integer NOT NULL,
  last_event_id        uuid NOT NULL,
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX referral_summary_hub_stage ON referral_summary (hub_id, stage);

-- Kafka offsets of each projection, written in the same transaction as the rows they produced.
CREATE TABLE projection_checkpoints (
  projection  text NOT NULL,
  topic       text NOT NULL,
  partition   integer NOT NULL,
  next_offset bigint NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (projection, topic, partition)
);

-- Down Migration
DROP TABLE projection_checkpoints;
DROP TABLE referral_summary;
DROP TABLE intake_idempotency_keys;
DROP TABLE hubs;
