-- Idempotency keys of creating requests (libs/service-kit/src/idempotency.ts): one table, declared
-- here once and applied to every service's database by the migration tool (tools/db/migrate.mjs).
CREATE TABLE IF NOT EXISTS idempotent_request (
  subject VARCHAR(200) NOT NULL,
  key VARCHAR(255) NOT NULL,
  fingerprint CHAR(64) NOT NULL,
  status INTEGER,
  response JSONB,
  created_at TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT idempotent_request_pkey PRIMARY KEY (subject, key)
);
CREATE INDEX IF NOT EXISTS idempotent_request_created_at_idx ON idempotent_request (created_at);
