-- AlterTable
ALTER TABLE "audit_entry" ADD COLUMN     "chain_seq" BIGINT,
ADD COLUMN     "hash" CHAR(64),
ADD COLUMN     "prev_hash" CHAR(64);

-- CreateIndex
CREATE UNIQUE INDEX "audit_entry_chain_seq_key" ON "audit_entry"("chain_seq");

-- The hash chain. Each new entry takes the next sequence number and the previous entry's hash, under
-- a lock, and hashes itself with them: deleting or altering an entry breaks every hash after it.
-- (Bodies are E'' strings with \073 for their semicolons: the WebAssembly migration engine splits
-- scripts on semicolons.) audit_entry_hash is shared with the verifier (npm run audit:verify).
CREATE FUNCTION audit_entry_hash(prev_hash text, chain_seq bigint, at timestamptz, actor text, actor_role text, actor_region text, action text, record_type text, record_id uuid, operation text, source_ip text, correlation_id uuid)
  RETURNS text LANGUAGE sql IMMUTABLE
  AS E'SELECT encode(sha256(convert_to(concat_ws(''|'', prev_hash, chain_seq, to_char(at AT TIME ZONE ''UTC'', ''YYYY-MM-DD"T"HH24:MI:SS.MS''), actor, actor_role, coalesce(actor_region, ''''), action, record_type, record_id, operation, coalesce(source_ip, ''''), correlation_id), ''UTF8'')), ''hex'')';

CREATE FUNCTION audit_entry_chain() RETURNS trigger LANGUAGE plpgsql
  AS E'DECLARE previous RECORD\073 BEGIN PERFORM pg_advisory_xact_lock(hashtext(''audit_entry_chain''))\073 SELECT e.chain_seq, e.hash INTO previous FROM audit_entry e WHERE e.chain_seq IS NOT NULL ORDER BY e.chain_seq DESC LIMIT 1\073 NEW.chain_seq := coalesce(previous.chain_seq, 0) + 1\073 NEW.prev_hash := coalesce(previous.hash, repeat(''0'', 64))\073 NEW.hash := audit_entry_hash(NEW.prev_hash, NEW.chain_seq, NEW.at, NEW.actor, NEW.actor_role, NEW.actor_region, NEW.action, NEW.record_type, NEW.record_id, NEW.operation, NEW.source_ip, NEW.correlation_id)\073 RETURN NEW\073 END';

CREATE TRIGGER audit_entry_chain
  BEFORE INSERT ON "audit_entry"
  FOR EACH ROW EXECUTE FUNCTION audit_entry_chain();
