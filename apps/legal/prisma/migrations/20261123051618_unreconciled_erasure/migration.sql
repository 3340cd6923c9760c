-- CreateTable
CREATE TABLE "unreconciled_erasure" (
    "event_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "envelope" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "failed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "unreconciled_erasure_pkey" PRIMARY KEY ("event_id")
);
