-- Release editor: embargo terms, links, the preview link's token hash, attachments;
-- interview requests made under embargo.
ALTER TABLE "Release" ADD COLUMN "embargoTerms" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Release" ADD COLUMN "links" JSONB NOT NULL DEFAULT '[]';
ALTER TABLE "Release" ADD COLUMN "previewTokenHash" TEXT;
ALTER TABLE "InterviewRequest" ADD COLUMN "underEmbargo" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "InterviewRequest" ADD COLUMN "embargoAcceptedAt" DATETIME;

-- CreateTable
CREATE TABLE "ReleaseAttachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "releaseId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReleaseAttachment_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Release_previewTokenHash_key" ON "Release"("previewTokenHash");

-- CreateIndex
CREATE INDEX "ReleaseAttachment_releaseId_idx" ON "ReleaseAttachment"("releaseId");

-- The press contact's working hours (in their zone) for the contact block.
ALTER TABLE "PressContact" ADD COLUMN "hoursStart" TEXT;
ALTER TABLE "PressContact" ADD COLUMN "hoursEnd" TEXT;
