-- AlterTable
ALTER TABLE "official_statistic" ALTER COLUMN "period" SET DATA TYPE VARCHAR(22);

-- AlterTable
ALTER TABLE "report" ALTER COLUMN "period" SET DATA TYPE VARCHAR(22);

-- CreateTable
CREATE TABLE "grant_period" (
    "id" UUID NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "donor" VARCHAR(200) NOT NULL,
    "start" DATE NOT NULL,
    "end" DATE NOT NULL,
    "created_by" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "grant_period_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "grant_period_name_key" ON "grant_period"("name");
