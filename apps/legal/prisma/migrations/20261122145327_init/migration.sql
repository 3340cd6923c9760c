-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "legal_consultation" (
    "id" UUID NOT NULL,
    "region" VARCHAR(8) NOT NULL,
    "given_at" TIMESTAMPTZ(3) NOT NULL,
    "client_type" VARCHAR(32) NOT NULL,
    "client_sex" VARCHAR(16) NOT NULL,
    "client_age_band" VARCHAR(16) NOT NULL,
    "topics" TEXT[],
    "outcome" VARCHAR(32) NOT NULL,
    "person_key_id" UUID,
    "client_name" TEXT,
    "client_contact" TEXT,
    "notes" TEXT,
    "created_by" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "legal_consultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_assistance" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "region" VARCHAR(8) NOT NULL,
    "referral_id" UUID,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "person_key_id" UUID,

    CONSTRAINT "case_assistance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assistance_action" (
    "id" UUID NOT NULL,
    "assistance_id" UUID NOT NULL,
    "kind" VARCHAR(32) NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "country" VARCHAR(2),
    "embassy_involved" BOOLEAN,
    "note" TEXT,
    "created_by" VARCHAR(200) NOT NULL,

    CONSTRAINT "assistance_action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agency_complaint" (
    "id" UUID NOT NULL,
    "region" VARCHAR(8) NOT NULL,
    "filed_at" TIMESTAMPTZ(3) NOT NULL,
    "agency_type" VARCHAR(32) NOT NULL,
    "agency_name" VARCHAR(300) NOT NULL,
    "decision" VARCHAR(32),
    "decided_at" TIMESTAMPTZ(3),
    "created_by" VARCHAR(200) NOT NULL,

    CONSTRAINT "agency_complaint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "criminal_proceeding" (
    "id" UUID NOT NULL,
    "region" VARCHAR(8) NOT NULL,
    "case_id" UUID,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "stage" VARCHAR(16) NOT NULL,
    "stage_at" TIMESTAMPTZ(3) NOT NULL,
    "articles" TEXT[],
    "verdict" VARCHAR(16),
    "sentence_years" DECIMAL(4,1),
    "delivered_at" TIMESTAMPTZ(3),
    "created_by" VARCHAR(200) NOT NULL,

    CONSTRAINT "criminal_proceeding_pkey" PRIMARY KEY ("id")
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
CREATE INDEX "legal_consultation_region_given_at_idx" ON "legal_consultation"("region", "given_at");

-- CreateIndex
CREATE UNIQUE INDEX "case_assistance_case_id_key" ON "case_assistance"("case_id");

-- CreateIndex
CREATE INDEX "case_assistance_region_opened_at_idx" ON "case_assistance"("region", "opened_at");

-- CreateIndex
CREATE INDEX "assistance_action_assistance_id_idx" ON "assistance_action"("assistance_id");

-- CreateIndex
CREATE INDEX "agency_complaint_region_filed_at_idx" ON "agency_complaint"("region", "filed_at");

-- CreateIndex
CREATE INDEX "criminal_proceeding_region_opened_at_idx" ON "criminal_proceeding"("region", "opened_at");

-- CreateIndex
CREATE INDEX "audit_entry_record_id_at_idx" ON "audit_entry"("record_id", "at");

-- CreateIndex
CREATE INDEX "audit_entry_actor_at_idx" ON "audit_entry"("actor", "at");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_event_event_id_key" ON "outbox_event"("event_id");

-- CreateIndex
CREATE INDEX "outbox_event_published_at_seq_idx" ON "outbox_event"("published_at", "seq");

-- AddForeignKey
ALTER TABLE "assistance_action" ADD CONSTRAINT "assistance_action_assistance_id_fkey" FOREIGN KEY ("assistance_id") REFERENCES "case_assistance"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Append-only: an audit trail that can be edited proves nothing. (The body is an E'' string with
-- \073 for its semicolon because the WebAssembly migration engine splits scripts on semicolons.)
CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN RAISE EXCEPTION ''audit_entry is append-only''\073 END';

CREATE TRIGGER audit_entry_append_only
  BEFORE UPDATE OR DELETE ON "audit_entry"
  FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
