-- CreateTable
CREATE TABLE "audit_entry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" VARCHAR(200) NOT NULL,
    "actor_role" VARCHAR(32) NOT NULL,
    "actor_region" VARCHAR(8),
    "action" VARCHAR(16) NOT NULL,
    "record_type" VARCHAR(32) NOT NULL,
    "record_id" UUID NOT NULL,
    "operation" VARCHAR(100) NOT NULL,
    "source_ip" VARCHAR(64),
    "correlation_id" UUID NOT NULL,

    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_entry_record_id_at_idx" ON "audit_entry"("record_id", "at");

-- CreateIndex
CREATE INDEX "audit_entry_actor_at_idx" ON "audit_entry"("actor", "at");

-- Append-only: an audit trail that can be edited proves nothing. (The body is an E'' string with
-- \073 for its semicolon because the WebAssembly migration engine splits scripts on semicolons.)
CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN RAISE EXCEPTION ''audit_entry is append-only''\073 END';

CREATE TRIGGER audit_entry_append_only
  BEFORE UPDATE OR DELETE ON "audit_entry"
  FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
