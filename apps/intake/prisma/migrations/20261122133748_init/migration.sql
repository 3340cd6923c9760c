-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "hotline_call" (
    "id" UUID NOT NULL,
    "region" VARCHAR(8) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "channel" VARCHAR(32) NOT NULL,
    "caller_sex" VARCHAR(16) NOT NULL,
    "caller_age_band" VARCHAR(16) NOT NULL,
    "caller_category" VARCHAR(48) NOT NULL,
    "topics" TEXT[],
    "destination_country" VARCHAR(2),
    "referrals" TEXT[],
    "anonymous" BOOLEAN NOT NULL DEFAULT true,
    "caller_name" VARCHAR(200),
    "caller_phone" VARCHAR(32),
    "notes" VARCHAR(4000),
    "logged_by" VARCHAR(100),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "hotline_call_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "victim_case" (
    "id" UUID NOT NULL,
    "region" VARCHAR(8) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "subject_sex" VARCHAR(16) NOT NULL,
    "subject_age_band" VARCHAR(16) NOT NULL,
    "citizenship" VARCHAR(2) NOT NULL,
    "exploitation_form" VARCHAR(32) NOT NULL,
    "scope" VARCHAR(16) NOT NULL,
    "identified_by" VARCHAR(32),
    "identified_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "closure_reason" VARCHAR(32),
    "subject_name" VARCHAR(200),
    "subject_phone" VARCHAR(32),
    "notes" VARCHAR(4000),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "victim_case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "referral" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "destination" VARCHAR(32) NOT NULL,
    "referred_at" TIMESTAMPTZ(3) NOT NULL,
    "note" VARCHAR(2000),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "referral_pkey" PRIMARY KEY ("id")
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
CREATE INDEX "hotline_call_region_received_at_idx" ON "hotline_call"("region", "received_at");

-- CreateIndex
CREATE INDEX "victim_case_region_opened_at_idx" ON "victim_case"("region", "opened_at");

-- CreateIndex
CREATE INDEX "referral_case_id_idx" ON "referral"("case_id");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_event_event_id_key" ON "outbox_event"("event_id");

-- CreateIndex
CREATE INDEX "outbox_event_published_at_seq_idx" ON "outbox_event"("published_at", "seq");

-- AddForeignKey
ALTER TABLE "referral" ADD CONSTRAINT "referral_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "victim_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
