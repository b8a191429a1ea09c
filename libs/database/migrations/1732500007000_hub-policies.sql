-- Up Migration

-- Every published version of a hub's policy, written in the same transaction as its
-- HubPolicyPublished event (stream hub-policy-<hubId>, stream version = policy version), so a
-- version here always has its event and the event store stays the record of who changed what.
-- Rows are never updated: a change is a new version.
CREATE TABLE hub_policies (
  hub_id        text NOT NULL REFERENCES hubs (hub_id),
  version       integer NOT NULL CHECK (version > 0),
  -- The resolved, full document (template + overrides) as validated: a version means the same
  -- thing for ever, whatever later releases do to the national template.
  document      jsonb NOT NULL,
  -- What the hub wrote (only what differs from the template at the time).
  overrides     jsonb NOT NULL,
  -- { userId, agency } of who published it.
  published_by  jsonb NOT NULL,
  published_at  timestamptz NOT NULL,
  reason        text NOT NULL,
  event_id      uuid NOT NULL UNIQUE REFERENCES events (event_id),
  PRIMARY KEY (hub_id, version)
);

CREATE FUNCTION hub_policies_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'hub policy versions are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER hub_policies_no_update BEFORE UPDATE OR DELETE ON hub_policies
  FOR EACH ROW EXECUTE FUNCTION hub_policies_are_immutable();

-- Down Migration
DROP TABLE hub_policies;
DROP FUNCTION hub_policies_are_immutable();
