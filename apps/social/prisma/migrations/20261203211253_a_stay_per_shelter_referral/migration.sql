-- DropIndex
DROP INDEX "stay_case_id_key";

-- CreateIndex
CREATE INDEX "stay_case_id_opened_at_idx" ON "stay"("case_id", "opened_at");
