-- The transactional outbox (libs/messaging/src/transactional-outbox.ts, outbox-relay.ts): events written
-- in the same transaction as the rows they announce, published to Kafka in `seq` order by the relay.
-- Declared once here and applied to every service's database by the migration tool (tools/db/migrate.mjs);
-- the services that had it before keep theirs (IF NOT EXISTS), created by their first migrations.
CREATE TABLE IF NOT EXISTS outbox_event (
  seq BIGSERIAL NOT NULL,
  event_id UUID NOT NULL,
  topic VARCHAR(200) NOT NULL,
  key VARCHAR(200) NOT NULL,
  type VARCHAR(100) NOT NULL,
  value TEXT NOT NULL,
  headers JSONB NOT NULL DEFAULT '{}',
  created_at TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  published_at TIMESTAMPTZ(3),
  CONSTRAINT outbox_event_pkey PRIMARY KEY (seq)
);
CREATE UNIQUE INDEX IF NOT EXISTS outbox_event_event_id_key ON outbox_event (event_id);
CREATE INDEX IF NOT EXISTS outbox_event_published_at_seq_idx ON outbox_event (published_at, seq);
