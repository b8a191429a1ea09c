-- Up Migration

-- referral_summary follows the whole lifecycle (triage, authorisation, information gathering,
-- strategy discussion, actions, outcome, closure, challenge), so GET /v1/referrals/{id} and the
-- hub's lists read one row. Scalars where a list or dashboard filters on them; the requests and
-- actions of a referral as jsonb arrays, read whole with their row (a later issue may give them
-- tables of their own for the dashboard). Every instant is as the lifecycle event published it.
ALTER TABLE referral_summary
  ADD COLUMN rag                                  text,
  -- Triage: its due time, and how far up the escalation ladder it has climbed.
  ADD COLUMN triage_due_at                        timestamptz,
  ADD COLUMN triage_escalation_level              integer NOT NULL DEFAULT 0,
  ADD COLUMN triage_next_escalation_at            timestamptz,
  -- The latest decision (triage or strategy discussion) and what a manager did with it.
  ADD COLUMN decision_source                      text CHECK (decision_source IN ('triage', 'strategy')),
  ADD COLUMN decision_code                        text,
  ADD COLUMN decision_status                      text CHECK (decision_status IN ('waiting-authorisation', 'authorised', 'returned')),
  ADD COLUMN decision_decided_at                  timestamptz,
  ADD COLUMN decision_decided_by_user_id          text,
  ADD COLUMN decision_decided_by_agency           text,
  ADD COLUMN decision_authorised_at               timestamptz,
  ADD COLUMN decision_authorised_by_user_id       text,
  ADD COLUMN decision_authorised_by_agency        text,
  ADD COLUMN decision_returned_at                 timestamptz,
  ADD COLUMN decision_returned_by_user_id         text,
  ADD COLUMN decision_returned_by_agency          text,
  -- Actions a strategy decision agreed; they become the referral's actions once it is authorised.
  ADD COLUMN decision_agreed_actions              jsonb NOT NULL DEFAULT '[]',
  -- A decision or challenge waiting for a manager (all NULL when nothing waits).
  ADD COLUMN authorisation_kind                   text CHECK (authorisation_kind IN ('triage', 'strategy', 'challenge')),
  ADD COLUMN authorisation_requested_at           timestamptz,
  ADD COLUMN authorisation_due_at                 timestamptz,
  ADD COLUMN authorisation_escalation_level       integer,
  ADD COLUMN authorisation_next_escalation_at     timestamptz,
  -- [{agency, rag, requestedAt, dueAt, status, answeredAt, late, escalationLevel, nextEscalationAt, remindedAt}]
  ADD COLUMN information_requests                 jsonb NOT NULL DEFAULT '[]',
  -- [{actionId, description, owningAgency, dueAt, status, completedAt, cancelledAt, late, escalationLevel, nextEscalationAt, remindedAt}]
  ADD COLUMN actions                              jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN strategy_discussion_due_at           timestamptz,
  ADD COLUMN strategy_discussion_held_at          timestamptz,
  ADD COLUMN strategy_discussion_minutes_since_referral integer,
  ADD COLUMN outcome_decision                     text,
  ADD COLUMN outcome_source                       text CHECK (outcome_source IN ('triage', 'strategy')),
  ADD COLUMN outcome_decided_at                   timestamptz,
  ADD COLUMN closed_at                            timestamptz,
  ADD COLUMN challengeable_until                  timestamptz,
  -- The referrer's challenge of the outcome: resolved when challenge_resolved_at is set.
  ADD COLUMN challenge_raised_at                  timestamptz,
  ADD COLUMN challenge_resolved_at                timestamptz,
  ADD COLUMN challenge_upheld                     boolean;

-- Down Migration
ALTER TABLE referral_summary
  DROP COLUMN challenge_upheld,
  DROP COLUMN challenge_resolved_at,
  DROP COLUMN challenge_raised_at,
  DROP COLUMN challengeable_until,
  DROP COLUMN closed_at,
  DROP COLUMN outcome_decided_at,
  DROP COLUMN outcome_source,
  DROP COLUMN outcome_decision,
  DROP COLUMN strategy_discussion_minutes_since_referral,
  DROP COLUMN strategy_discussion_held_at,
  DROP COLUMN strategy_discussion_due_at,
  DROP COLUMN actions,
  DROP COLUMN information_requests,
  DROP COLUMN authorisation_next_escalation_at,
  DROP COLUMN authorisation_escalation_level,
  DROP COLUMN authorisation_due_at,
  DROP COLUMN authorisation_requested_at,
  DROP COLUMN authorisation_kind,
  DROP COLUMN decision_agreed_actions,
  DROP COLUMN decision_returned_by_agency,
  DROP COLUMN decision_returned_by_user_id,
  DROP COLUMN decision_returned_at,
  DROP COLUMN decision_authorised_by_agency,
  DROP COLUMN decision_authorised_by_user_id,
  DROP COLUMN decision_authorised_at,
  DROP COLUMN decision_decided_by_agency,
  DROP COLUMN decision_decided_by_user_id,
  DROP COLUMN decision_decided_at,
  DROP COLUMN decision_status,
  DROP COLUMN decision_code,
  DROP COLUMN decision_source,
  DROP COLUMN triage_next_escalation_at,
  DROP COLUMN triage_escalation_level,
  DROP COLUMN triage_due_at,
  DROP COLUMN rag;
