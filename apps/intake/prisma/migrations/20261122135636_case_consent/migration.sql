-- AlterTable
ALTER TABLE "victim_case" ADD COLUMN     "consent_external_referral" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "consent_recorded_at" TIMESTAMPTZ(3),
ADD COLUMN     "consent_reporting" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "consent_services" BOOLEAN NOT NULL DEFAULT false;
