-- Counters are kept by day instead of by month, so a range of days (a donor's grant period from
-- 16 March to 16 March) reads exactly. A month's counter becomes its first day's: figures by month,
-- quarter and year stay as they were. Rebuild the views (a new generation replays every topic) to
-- give the facts before this migration their own days.
DROP INDEX "view_cell_generation_month_metric_idx";

ALTER TABLE "view_cell" ADD COLUMN "day" DATE;
UPDATE "view_cell" SET "day" = to_date("month" || '-01', 'YYYY-MM-DD');
ALTER TABLE "view_cell" ALTER COLUMN "day" SET NOT NULL;

ALTER TABLE "view_cell" DROP CONSTRAINT "view_cell_pkey",
DROP COLUMN "month",
ADD CONSTRAINT "view_cell_pkey" PRIMARY KEY ("generation", "region", "day", "metric", "dimension", "value");

CREATE INDEX "view_cell_generation_day_metric_idx" ON "view_cell"("generation", "day", "metric");
