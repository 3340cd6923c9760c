-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "psychological_consultation" (
    "id" UUID NOT NULL,
    "region" VARCHAR(8) NOT NULL,
    "given_at" TIMESTAMPTZ(3) NOT NULL,
    "client_type" VARCHAR(32) NOT NULL,
    "client_sex" VARCHAR(16) NOT NULL,
    "client_age_band" VARCHAR(16) NOT NULL,
    "format" VARCHAR(16) NOT NULL,
    "presenting_issues" TEXT[],
    "anonymous" BOOLEAN NOT NULL DEFAULT true,
    "person_key_id" UUID,
    "client_name" TEXT,
    "client_contact" TEXT,
    "notes" TEXT,
    "created_by" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "psychological_consultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rehabilitation_plan" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "region" VARCHAR(8) NOT NULL,
    "referral_id" UUID,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "assessed_at" TIMESTAMPTZ(3),
    "assessment_note" TEXT,
    "ended_at" TIMESTAMPTZ(3),
    "outcome" VARCHAR(16),
    "person_key_id" UUID,

    CONSTRAINT "rehabilitation_plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rehabilitation_session" (
    "id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "held_at" TIMESTAMPTZ(3) NOT NULL,
    "format" VARCHAR(16) NOT NULL,
    "note" TEXT,
    "created_by" VARCHAR(200) NOT NULL,

    CONSTRAINT "rehabilitation_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person_key" (
    "id" UUID NOT NULL,
    "wrapped_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "erased_at" TIMESTAMPTZ(3),

    CONSTRAINT "person_key_pkey" PRIMARY KEY ("id")
);

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

-- CreateTable
CREATE TABLE "processed_event" (
    "consumer" VARCHAR(100) NOT NULL,
    "event_id" UUID NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_event_pkey" PRIMARY KEY ("consumer","event_id")
);

-- CreateTable
CREATE TABLE "outbox_event" (
    "seq" BIGSERIAL NOT NULL,
    "event_id" UUID NOT NULL,
    "topic" VARCHAR(200) NOT NULL,
    "key" VARCHAR(200) NOT NULL,
    "type" VARCHAR(100) NOT NULL,
    "value" TEXT NOT NULL,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "psychological_consultation_region_given_at_idx" ON "psychological_consultation"("region", "given_at");

-- CreateIndex
CREATE UNIQUE INDEX "rehabilitation_plan_case_id_key" ON "rehabilitation_plan"("case_id");

-- CreateIndex
CREATE INDEX "rehabilitation_plan_region_opened_at_idx" ON "rehabilitation_plan"("region", "opened_at");

-- CreateIndex
CREATE INDEX "rehabilitation_session_plan_id_idx" ON "rehabilitation_session"("plan_id");

-- CreateIndex
CREATE INDEX "audit_entry_record_id_at_idx" ON "audit_entry"("record_id", "at");

-- CreateIndex
CREATE INDEX "audit_entry_actor_at_idx" ON "audit_entry"("actor", "at");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_event_event_id_key" ON "outbox_event"("event_id");

-- CreateIndex
CREATE INDEX "outbox_event_published_at_seq_idx" ON "outbox_event"("published_at", "seq");

-- AddForeignKey
ALTER TABLE "rehabilitation_session" ADD CONSTRAINT "rehabilitation_session_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "rehabilitation_plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Append-only: an audit trail that can be edited proves nothing. (The body is an E'' string with
-- \073 for its semicolon because the WebAssembly migration engine splits scripts on semicolons.)
CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN RAISE EXCEPTION ''audit_entry is append-only''\073 END';

CREATE TRIGGER audit_entry_append_only
  BEFORE UPDATE OR DELETE ON "audit_entry"
  FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
