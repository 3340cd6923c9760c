-- AlterTable
ALTER TABLE "case_progress" ADD COLUMN     "reporting_consent" BOOLEAN NOT NULL DEFAULT false;
