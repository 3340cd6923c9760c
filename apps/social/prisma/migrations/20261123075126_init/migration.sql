-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "shelter" (
    "id" UUID NOT NULL,
    "region" VARCHAR(8) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "capacity" INTEGER NOT NULL,
    "funding" TEXT[],
    "address" TEXT,
    "person_key_id" UUID,
    "created_by" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shelter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stay" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "region" VARCHAR(8) NOT NULL,
    "referral_id" UUID,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "shelter_id" UUID,
    "admitted_at" TIMESTAMPTZ(3),
    "discharged_at" TIMESTAMPTZ(3),
    "exit" VARCHAR(32),
    "exit_country" VARCHAR(2),
    "resettled_in" VARCHAR(8),
    "aftercare_until" DATE,
    "person_key_id" UUID,
    "notes" TEXT,

    CONSTRAINT "stay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "basic_assistance" (
    "id" UUID NOT NULL,
    "stay_id" UUID NOT NULL,
    "kind" VARCHAR(32) NOT NULL,
    "given_at" TIMESTAMPTZ(3) NOT NULL,
    "during_stay" BOOLEAN NOT NULL,
    "details" TEXT,
    "created_by" VARCHAR(200) NOT NULL,

    CONSTRAINT "basic_assistance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "aftercare_contact" (
    "id" UUID NOT NULL,
    "stay_id" UUID NOT NULL,
    "contacted_at" TIMESTAMPTZ(3) NOT NULL,
    "note" TEXT,
    "created_by" VARCHAR(200) NOT NULL,

    CONSTRAINT "aftercare_contact_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "shelter_region_idx" ON "shelter"("region");

-- CreateIndex
CREATE UNIQUE INDEX "stay_case_id_key" ON "stay"("case_id");

-- CreateIndex
CREATE INDEX "stay_region_opened_at_idx" ON "stay"("region", "opened_at");

-- CreateIndex
CREATE INDEX "stay_shelter_id_discharged_at_idx" ON "stay"("shelter_id", "discharged_at");

-- CreateIndex
CREATE INDEX "basic_assistance_stay_id_given_at_idx" ON "basic_assistance"("stay_id", "given_at");

-- CreateIndex
CREATE INDEX "aftercare_contact_stay_id_contacted_at_idx" ON "aftercare_contact"("stay_id", "contacted_at");

-- AddForeignKey
ALTER TABLE "stay" ADD CONSTRAINT "stay_shelter_id_fkey" FOREIGN KEY ("shelter_id") REFERENCES "shelter"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "basic_assistance" ADD CONSTRAINT "basic_assistance_stay_id_fkey" FOREIGN KEY ("stay_id") REFERENCES "stay"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "aftercare_contact" ADD CONSTRAINT "aftercare_contact_stay_id_fkey" FOREIGN KEY ("stay_id") REFERENCES "stay"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
