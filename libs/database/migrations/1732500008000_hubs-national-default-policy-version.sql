-- Up Migration

-- A hub that has published no policy runs under the national default, version 0 (published
-- versions start at 1, so a recorded version always says which rules applied). Intake no longer
-- reads this column; it is set to 0 so that an API of the previous release, still running during
-- a deploy, stamps 0 too. A later migration may drop it.
ALTER TABLE hubs ALTER COLUMN policy_version SET DEFAULT 0;
UPDATE hubs SET policy_version = 0;
COMMENT ON COLUMN hubs.policy_version IS
  'Not read: a hub without a published policy is on the national default, version 0 (hub_policies holds published versions, from 1).';

-- Down Migration
COMMENT ON COLUMN hubs.policy_version IS NULL;
ALTER TABLE hubs ALTER COLUMN policy_version SET DEFAULT 1;
