-- CreateTable
CREATE TABLE "case_progress" (
    "generation" INTEGER NOT NULL,
    "case_id" UUID NOT NULL,
    "region" VARCHAR(8) NOT NULL,
    "opened_month" VARCHAR(7),
    "identified_month" VARCHAR(7),
    "assisted_month" VARCHAR(7),
    "closed_month" VARCHAR(7),
    "outcome" VARCHAR(32),

    CONSTRAINT "case_progress_pkey" PRIMARY KEY ("generation","case_id")
);

-- CreateIndex
CREATE INDEX "case_progress_generation_region_opened_month_idx" ON "case_progress"("generation", "region", "opened_month");
