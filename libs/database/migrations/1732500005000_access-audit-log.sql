-- Up Migration

-- The access audit log: one record per read or write of a case (and per refused attempt), kept
-- as one hash chain per hub. Per hub, not one national chain: appends in different hubs never
-- wait on each other, and a hub's auditor verifies and exports the hub's own chain without
-- reading any other hub's records. Hashes are computed by libs/audit over a documented
-- canonical form (docs/audit-log.md), so an independent tool can verify the chain too.
-- Records carry ids and codes only, never personal data of the person a case is about.
CREATE TABLE access_audit_log (
  hub_id          text NOT NULL CHECK (hub_id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  -- Gapless per hub: taken under the hub's chain head lock, in the recording transaction.
  sequence        bigint NOT NULL CHECK (sequence > 0),
  recorded_at     timestamptz NOT NULL,
  user_id         text NOT NULL,
  role            text NOT NULL,
  agency          text,
  access          text NOT NULL CHECK (access IN ('read', 'write')),
  action          text NOT NULL,
  resource_type   text NOT NULL,
  resource_id     text,
  purpose         text,
  outcome         text NOT NULL CHECK (outcome IN ('allowed', 'denied', 'not-found')),
  correlation_id  text,
  previous_hash   text NOT NULL CHECK (previous_hash ~ '^[0-9a-f]{64}$'),
  hash            text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  PRIMARY KEY (hub_id, sequence)
);
-- What auditors ask: who did what, who touched this case, what happened in this period.
CREATE INDEX access_audit_log_user ON access_audit_log (hub_id, user_id, sequence);
CREATE INDEX access_audit_log_resource ON access_audit_log (hub_id, resource_type, resource_id, sequence);
CREATE INDEX access_audit_log_time ON access_audit_log (hub_id, recorded_at);

CREATE FUNCTION access_audit_log_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'access_audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER access_audit_log_no_update BEFORE UPDATE OR DELETE ON access_audit_log
  FOR EACH ROW EXECUTE FUNCTION access_audit_log_is_immutable();
CREATE TRIGGER access_audit_log_no_truncate BEFORE TRUNCATE ON access_audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION access_audit_log_is_immutable();

-- The end of each hub's chain. Every append locks its hub's row (FOR UPDATE) until its
-- transaction ends, so appends to one hub are serialised and commit in sequence order, and a
-- rolled-back append leaves no gap. The verifier also compares it with the last record, which
-- catches records cut off the end of a chain.
CREATE TABLE access_audit_chain_heads (
  hub_id         text PRIMARY KEY,
  last_sequence  bigint NOT NULL DEFAULT 0 CHECK (last_sequence >= 0),
  last_hash      text NOT NULL DEFAULT repeat('0', 64) CHECK (last_hash ~ '^[0-9a-f]{64}$'),
  updated_at     timestamptz NOT NULL DEFAULT now()
);

-- A head only moves forward one record at a time and is never removed.
CREATE FUNCTION access_audit_chain_head_moves_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.hub_id = OLD.hub_id AND NEW.last_sequence = OLD.last_sequence + 1 THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'access_audit_chain_heads only move forward: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER access_audit_chain_heads_forward BEFORE UPDATE OR DELETE ON access_audit_chain_heads
  FOR EACH ROW EXECUTE FUNCTION access_audit_chain_head_moves_forward();
CREATE TRIGGER access_audit_chain_heads_no_truncate BEFORE TRUNCATE ON access_audit_chain_heads
  FOR EACH STATEMENT EXECUTE FUNCTION access_audit_chain_head_moves_forward();

-- Down Migration
DROP TABLE access_audit_chain_heads;
DROP TABLE access_audit_log;
DROP FUNCTION access_audit_chain_head_moves_forward();
DROP FUNCTION access_audit_log_is_immutable();
