-- Release editor: embargo terms, links, the preview link's token hash, attachments;
-- interview requests made under embargo.
ALTER TABLE "Release" ADD COLUMN "embargoTerms" TEXT NOT NULL DEFAULT '',
ADD COLUMN "links" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN "previewTokenHash" TEXT;

ALTER TABLE "InterviewRequest" ADD COLUMN "underEmbargo" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "embargoAcceptedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ReleaseAttachment" (
    "id" TEXT NOT NULL,
    "releaseId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReleaseAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Release_previewTokenHash_key" ON "Release"("previewTokenHash");

-- CreateIndex
CREATE INDEX "ReleaseAttachment_releaseId_idx" ON "ReleaseAttachment"("releaseId");

-- AddForeignKey
ALTER TABLE "ReleaseAttachment" ADD CONSTRAINT "ReleaseAttachment_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The press contact's working hours (in their zone) for the contact block.
ALTER TABLE "PressContact" ADD COLUMN "hoursStart" TEXT,
ADD COLUMN "hoursEnd" TEXT;

-- Distribution: one row per media contact sent a release, with their own preview link (hash only).
CREATE TABLE "ReleaseSending" (
    "id" TEXT NOT NULL,
    "releaseId" TEXT NOT NULL,
    "mediaContactId" TEXT,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "sentById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReleaseSending_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ReleaseSending_tokenHash_key" ON "ReleaseSending"("tokenHash");
CREATE INDEX "ReleaseSending_releaseId_idx" ON "ReleaseSending"("releaseId");
ALTER TABLE "ReleaseSending" ADD CONSTRAINT "ReleaseSending_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ReleaseSending" ADD CONSTRAINT "ReleaseSending_mediaContactId_fkey" FOREIGN KEY ("mediaContactId") REFERENCES "MediaContact"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "InterviewRequest" ADD COLUMN "releaseSendingId" TEXT;
ALTER TABLE "InterviewRequest" ADD CONSTRAINT "InterviewRequest_releaseSendingId_fkey" FOREIGN KEY ("releaseSendingId") REFERENCES "ReleaseSending"("id") ON DELETE SET NULL ON UPDATE CASCADE;
