-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "report" (
    "id" UUID NOT NULL,
    "scope" VARCHAR(8) NOT NULL,
    "period_kind" VARCHAR(8) NOT NULL,
    "period" VARCHAR(8) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "catalogue_version" INTEGER NOT NULL,
    "figures" JSONB NOT NULL,
    "official" JSONB NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL,
    "events_applied" BIGINT NOT NULL,
    "created_by" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approved_by" VARCHAR(200),
    "approved_at" TIMESTAMPTZ(3),
    "submitted_by" VARCHAR(200),
    "submitted_at" TIMESTAMPTZ(3),

    CONSTRAINT "report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "official_statistic" (
    "id" UUID NOT NULL,
    "scope" VARCHAR(8) NOT NULL,
    "period_kind" VARCHAR(8) NOT NULL,
    "period" VARCHAR(8) NOT NULL,
    "measure" VARCHAR(32) NOT NULL,
    "source" VARCHAR(48) NOT NULL,
    "total" INTEGER NOT NULL,
    "breakdowns" JSONB NOT NULL,
    "recorded_by" VARCHAR(200) NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "official_statistic_pkey" PRIMARY KEY ("id")
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
CREATE INDEX "report_scope_period_idx" ON "report"("scope", "period");

-- CreateIndex
CREATE UNIQUE INDEX "official_statistic_scope_period_kind_period_measure_key" ON "official_statistic"("scope", "period_kind", "period", "measure");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_event_event_id_key" ON "outbox_event"("event_id");

-- CreateIndex
CREATE INDEX "outbox_event_published_at_seq_idx" ON "outbox_event"("published_at", "seq");

-- A submitted report is an immutable snapshot: no update, no delete. (Bodies are E'' strings with
-- \073 for semicolons because the WebAssembly migration engine splits scripts on semicolons.)
CREATE FUNCTION submitted_report_is_final() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN IF OLD.status = ''SUBMITTED'' THEN RAISE EXCEPTION ''report % was submitted and cannot change'', OLD.id\073 END IF\073 IF TG_OP = ''DELETE'' THEN RETURN OLD\073 END IF\073 RETURN NEW\073 END';

CREATE TRIGGER submitted_report_is_final
  BEFORE UPDATE OR DELETE ON "report"
  FOR EACH ROW EXECUTE FUNCTION submitted_report_is_final();
