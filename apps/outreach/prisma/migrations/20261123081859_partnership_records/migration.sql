-- CreateTable
CREATE TABLE "coordination_meeting" (
    "id" UUID NOT NULL,
    "region" VARCHAR(8) NOT NULL,
    "held_at" TIMESTAMPTZ(3) NOT NULL,
    "body" VARCHAR(40) NOT NULL,
    "topics" TEXT[],
    "created_by" VARCHAR(200) NOT NULL,

    CONSTRAINT "coordination_meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agreement" (
    "id" UUID NOT NULL,
    "region" VARCHAR(8) NOT NULL,
    "signed_at" TIMESTAMPTZ(3) NOT NULL,
    "party_type" VARCHAR(40) NOT NULL,
    "party_name" VARCHAR(300) NOT NULL,
    "scope" TEXT[],
    "expires_on" DATE,
    "created_by" VARCHAR(200) NOT NULL,

    CONSTRAINT "agreement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "coordination_meeting_region_held_at_idx" ON "coordination_meeting"("region", "held_at");

-- CreateIndex
CREATE INDEX "agreement_region_signed_at_idx" ON "agreement"("region", "signed_at");
