-- AlterTable
ALTER TABLE "case_progress" ADD COLUMN     "reintegrated_month" VARCHAR(7),
ADD COLUMN     "returned_month" VARCHAR(7);

-- CreateTable
CREATE TABLE "case_step" (
    "generation" INTEGER NOT NULL,
    "event_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "month" VARCHAR(7) NOT NULL,
    "step" VARCHAR(64) NOT NULL,

    CONSTRAINT "case_step_pkey" PRIMARY KEY ("generation","event_id")
);

-- CreateIndex
CREATE INDEX "case_step_generation_case_id_idx" ON "case_step"("generation", "case_id");
