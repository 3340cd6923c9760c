-- AlterTable
ALTER TABLE "hotline_call" ADD COLUMN     "person_key_id" UUID,
ALTER COLUMN "caller_name" SET DATA TYPE TEXT,
ALTER COLUMN "caller_phone" SET DATA TYPE TEXT,
ALTER COLUMN "notes" SET DATA TYPE TEXT;

-- AlterTable
ALTER TABLE "referral" ALTER COLUMN "note" SET DATA TYPE TEXT;

-- AlterTable
ALTER TABLE "victim_case" ADD COLUMN     "person_key_id" UUID,
ALTER COLUMN "subject_name" SET DATA TYPE TEXT,
ALTER COLUMN "subject_phone" SET DATA TYPE TEXT,
ALTER COLUMN "notes" SET DATA TYPE TEXT;

-- CreateTable
CREATE TABLE "person_key" (
    "id" UUID NOT NULL,
    "wrapped_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "erased_at" TIMESTAMPTZ(3),

    CONSTRAINT "person_key_pkey" PRIMARY KEY ("id")
);
