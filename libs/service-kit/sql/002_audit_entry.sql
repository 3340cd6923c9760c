-- The audit trail (libs/service-kit/src/audit-trail.ts): who read or changed a victim's record, when,
-- what and from where. Append-only, and hash-chained so that a deleted or altered entry shows
-- (npm run audit:verify). The migration tool revokes UPDATE, DELETE and TRUNCATE from the role the
-- service runs as. Declared once here for every service's database; the services that had it before
-- keep theirs (IF NOT EXISTS), and the functions and triggers below are the same as theirs.
CREATE TABLE IF NOT EXISTS audit_entry (
  id BIGSERIAL NOT NULL,
  at TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  actor VARCHAR(200) NOT NULL,
  actor_role VARCHAR(32) NOT NULL,
  actor_region VARCHAR(8),
  action VARCHAR(16) NOT NULL,
  record_type VARCHAR(32) NOT NULL,
  record_id UUID NOT NULL,
  operation VARCHAR(100) NOT NULL,
  source_ip VARCHAR(64),
  correlation_id UUID NOT NULL,
  chain_seq BIGINT,
  prev_hash CHAR(64),
  hash CHAR(64),
  CONSTRAINT audit_entry_pkey PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS audit_entry_record_id_at_idx ON audit_entry (record_id, at);
CREATE INDEX IF NOT EXISTS audit_entry_actor_at_idx ON audit_entry (actor, at);
CREATE UNIQUE INDEX IF NOT EXISTS audit_entry_chain_seq_key ON audit_entry (chain_seq);

-- An audit trail that can be edited proves nothing.
CREATE OR REPLACE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql
  AS $$BEGIN RAISE EXCEPTION 'audit_entry is append-only'; END$$;
CREATE OR REPLACE TRIGGER audit_entry_append_only
  BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();

-- The hash chain. Each new entry takes the next sequence number and the previous entry's hash, under
-- a lock, and hashes itself with them: deleting or altering an entry breaks every hash after it.
-- audit_entry_hash is shared with the verifier (tools/db/verify-audit.mjs).
CREATE OR REPLACE FUNCTION audit_entry_hash(prev_hash text, chain_seq bigint, at timestamptz, actor text, actor_role text, actor_region text, action text, record_type text, record_id uuid, operation text, source_ip text, correlation_id uuid)
  RETURNS text LANGUAGE sql IMMUTABLE
  AS $$SELECT encode(sha256(convert_to(concat_ws('|', prev_hash, chain_seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS'), actor, actor_role, coalesce(actor_region, ''), action, record_type, record_id, operation, coalesce(source_ip, ''), correlation_id), 'UTF8')), 'hex')$$;
CREATE OR REPLACE FUNCTION audit_entry_chain() RETURNS trigger LANGUAGE plpgsql
  AS $$DECLARE previous RECORD;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('audit_entry_chain'));
  SELECT e.chain_seq, e.hash INTO previous FROM audit_entry e WHERE e.chain_seq IS NOT NULL ORDER BY e.chain_seq DESC LIMIT 1;
  NEW.chain_seq := coalesce(previous.chain_seq, 0) + 1;
  NEW.prev_hash := coalesce(previous.hash, repeat('0', 64));
  NEW.hash := audit_entry_hash(NEW.prev_hash, NEW.chain_seq, NEW.at, NEW.actor, NEW.actor_role, NEW.actor_region, NEW.action, NEW.record_type, NEW.record_id, NEW.operation, NEW.source_ip, NEW.correlation_id);
  RETURN NEW;
END$$;
CREATE OR REPLACE TRIGGER audit_entry_chain
  BEFORE INSERT ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_entry_chain();
