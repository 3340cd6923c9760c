-- CreateTable
CREATE TABLE "therapy_session" (
    "id" UUID NOT NULL,
    "stay_id" UUID NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "held_at" TIMESTAMPTZ(3) NOT NULL,
    "plan_id" UUID,
    "created_by" VARCHAR(200) NOT NULL,

    CONSTRAINT "therapy_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rehabilitation_plan" (
    "plan_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "rehabilitation_plan_pkey" PRIMARY KEY ("plan_id")
);

-- CreateIndex
CREATE INDEX "therapy_session_stay_id_held_at_idx" ON "therapy_session"("stay_id", "held_at");

-- CreateIndex
CREATE UNIQUE INDEX "rehabilitation_plan_case_id_key" ON "rehabilitation_plan"("case_id");

-- AddForeignKey
ALTER TABLE "therapy_session" ADD CONSTRAINT "therapy_session_stay_id_fkey" FOREIGN KEY ("stay_id") REFERENCES "stay"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
