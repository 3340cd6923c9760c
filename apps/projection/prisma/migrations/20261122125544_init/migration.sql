-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "view_cell" (
    "generation" INTEGER NOT NULL,
    "region" VARCHAR(8) NOT NULL,
    "month" VARCHAR(7) NOT NULL,
    "metric" VARCHAR(48) NOT NULL,
    "dimension" VARCHAR(48) NOT NULL,
    "value" VARCHAR(64) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "view_cell_pkey" PRIMARY KEY ("generation","region","month","metric","dimension","value")
);

-- CreateTable
CREATE TABLE "processed_event" (
    "consumer" VARCHAR(100) NOT NULL,
    "event_id" UUID NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_event_pkey" PRIMARY KEY ("consumer","event_id")
);

-- CreateTable
CREATE TABLE "projection_generation" (
    "generation" INTEGER NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "consumer_group" VARCHAR(150) NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activated_at" TIMESTAMPTZ(3),
    "events_applied" BIGINT NOT NULL DEFAULT 0,
    "last_applied_at" TIMESTAMPTZ(3),

    CONSTRAINT "projection_generation_pkey" PRIMARY KEY ("generation")
);

-- CreateIndex
CREATE INDEX "view_cell_generation_month_metric_idx" ON "view_cell"("generation", "month", "metric");
