-- CreateTable
CREATE TABLE "shelter_staff" (
    "subject" VARCHAR(200) NOT NULL,
    "shelter_id" UUID NOT NULL,
    "assigned_by" VARCHAR(200) NOT NULL,
    "assigned_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shelter_staff_pkey" PRIMARY KEY ("subject")
);

-- CreateIndex
CREATE INDEX "shelter_staff_shelter_id_idx" ON "shelter_staff"("shelter_id");

-- AddForeignKey
ALTER TABLE "shelter_staff" ADD CONSTRAINT "shelter_staff_shelter_id_fkey" FOREIGN KEY ("shelter_id") REFERENCES "shelter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
