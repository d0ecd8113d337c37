-- AlterTable
ALTER TABLE "Outlet" ADD COLUMN     "nameFolded" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "MediaContact" ADD COLUMN     "facets" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "mergedIntoId" TEXT,
ADD COLUMN     "nameFolded" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "otherEmails" JSONB,
ADD COLUMN     "phoneNational" TEXT,
ADD COLUMN     "phones" JSONB;

-- CreateTable
CREATE TABLE "ContactAffiliation" (
    "id" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "outletId" TEXT NOT NULL,
    "role" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "ContactAffiliation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ErasedContact" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "valueHash" TEXT NOT NULL,
    "erasedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ErasedContact_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContactAffiliation_contactId_startedAt_idx" ON "ContactAffiliation"("contactId", "startedAt");

-- CreateIndex
CREATE INDEX "ContactAffiliation_outletId_idx" ON "ContactAffiliation"("outletId");

-- CreateIndex
CREATE UNIQUE INDEX "ErasedContact_valueHash_key" ON "ErasedContact"("valueHash");

-- CreateIndex
CREATE INDEX "Outlet_nameFolded_idx" ON "Outlet"("nameFolded");

-- CreateIndex
CREATE INDEX "MediaContact_name_id_idx" ON "MediaContact"("name", "id");

-- CreateIndex
CREATE INDEX "MediaContact_phone_idx" ON "MediaContact"("phone");

-- CreateIndex
CREATE INDEX "MediaContact_outletId_nameFolded_idx" ON "MediaContact"("outletId", "nameFolded");

-- AddForeignKey
ALTER TABLE "ContactAffiliation" ADD CONSTRAINT "ContactAffiliation_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "MediaContact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactAffiliation" ADD CONSTRAINT "ContactAffiliation_outletId_fkey" FOREIGN KEY ("outletId") REFERENCES "Outlet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

