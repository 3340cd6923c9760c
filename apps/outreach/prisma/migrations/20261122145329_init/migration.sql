-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "training" (
    "id" UUID NOT NULL,
    "region" VARCHAR(8) NOT NULL,
    "held_at" TIMESTAMPTZ(3) NOT NULL,
    "site" VARCHAR(300) NOT NULL,
    "site_type" VARCHAR(32) NOT NULL,
    "audience" VARCHAR(32) NOT NULL,
    "participants" JSONB NOT NULL,
    "hours" INTEGER NOT NULL,
    "partner" VARCHAR(300),
    "created_by" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "training_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "material_distribution" (
    "id" UUID NOT NULL,
    "region" VARCHAR(8) NOT NULL,
    "distributed_at" TIMESTAMPTZ(3) NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "quantity" INTEGER NOT NULL,
    "created_by" VARCHAR(200) NOT NULL,

    CONSTRAINT "material_distribution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "media_output" (
    "id" UUID NOT NULL,
    "region" VARCHAR(8) NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    "kind" VARCHAR(32) NOT NULL,
    "outlet" VARCHAR(300) NOT NULL,
    "title" VARCHAR(300),
    "created_by" VARCHAR(200) NOT NULL,

    CONSTRAINT "media_output_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "raid" (
    "id" UUID NOT NULL,
    "region" VARCHAR(8) NOT NULL,
    "conducted_at" TIMESTAMPTZ(3) NOT NULL,
    "place_type" VARCHAR(32) NOT NULL,
    "partner_agency" VARCHAR(32) NOT NULL,
    "persons_screened" INTEGER NOT NULL,
    "victims" JSONB NOT NULL,
    "created_by" VARCHAR(200) NOT NULL,

    CONSTRAINT "raid_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "volunteer_session" (
    "id" UUID NOT NULL,
    "region" VARCHAR(8) NOT NULL,
    "held_at" TIMESTAMPTZ(3) NOT NULL,
    "volunteers" INTEGER NOT NULL,
    "hours" INTEGER NOT NULL,
    "activity" VARCHAR(300) NOT NULL,
    "created_by" VARCHAR(200) NOT NULL,

    CONSTRAINT "volunteer_session_pkey" PRIMARY KEY ("id")
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
CREATE INDEX "training_region_held_at_idx" ON "training"("region", "held_at");

-- CreateIndex
CREATE INDEX "material_distribution_region_distributed_at_idx" ON "material_distribution"("region", "distributed_at");

-- CreateIndex
CREATE INDEX "media_output_region_published_at_idx" ON "media_output"("region", "published_at");

-- CreateIndex
CREATE INDEX "raid_region_conducted_at_idx" ON "raid"("region", "conducted_at");

-- CreateIndex
CREATE INDEX "volunteer_session_region_held_at_idx" ON "volunteer_session"("region", "held_at");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_event_event_id_key" ON "outbox_event"("event_id");

-- CreateIndex
CREATE INDEX "outbox_event_published_at_seq_idx" ON "outbox_event"("published_at", "seq");
