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

-- Distribution: one row per media contact sent a release, with their own preview link (hash only).
CREATE TABLE "ReleaseSending" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "releaseId" TEXT NOT NULL,
    "mediaContactId" TEXT,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "sentById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReleaseSending_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReleaseSending_mediaContactId_fkey" FOREIGN KEY ("mediaContactId") REFERENCES "MediaContact" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "ReleaseSending_tokenHash_key" ON "ReleaseSending"("tokenHash");
CREATE INDEX "ReleaseSending_releaseId_idx" ON "ReleaseSending"("releaseId");
-- SQLite cannot add a foreign key to an existing table; the column is kept consistent by the application (onDelete SetNull in Prisma).
ALTER TABLE "InterviewRequest" ADD COLUMN "releaseSendingId" TEXT REFERENCES "ReleaseSending" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
