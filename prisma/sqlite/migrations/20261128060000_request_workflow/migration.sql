-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_InterviewRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "mediaContactId" TEXT,
    "releaseId" TEXT,
    "spokespersonId" TEXT,
    "anySpokesperson" BOOLEAN NOT NULL DEFAULT false,
    "reporterName" TEXT NOT NULL,
    "reporterEmail" TEXT NOT NULL,
    "reporterOutlet" TEXT NOT NULL,
    "reporterRole" TEXT,
    "reporterPhone" TEXT,
    "reporterWhatsapp" TEXT,
    "reporterTimeZone" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "questions" TEXT NOT NULL DEFAULT '',
    "format" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "attribution" TEXT NOT NULL,
    "deadline" DATETIME NOT NULL,
    "requestedStart" DATETIME,
    "proposedSlots" JSONB NOT NULL,
    "proposalAutoAccept" BOOLEAN NOT NULL DEFAULT true,
    "proposalMessage" TEXT,
    "formatDetails" JSONB,
    "holdStart" DATETIME,
    "holdEnd" DATETIME,
    "status" TEXT NOT NULL,
    "statusReason" TEXT,
    "cancelledBy" TEXT,
    "idempotencyKey" TEXT,
    "requestFingerprint" TEXT,
    "manageTokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "InterviewRequest_mediaContactId_fkey" FOREIGN KEY ("mediaContactId") REFERENCES "MediaContact" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "InterviewRequest_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "InterviewRequest_spokespersonId_fkey" FOREIGN KEY ("spokespersonId") REFERENCES "Spokesperson" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_InterviewRequest" ("attribution", "cancelledBy", "createdAt", "deadline", "durationMinutes", "format", "holdEnd", "holdStart", "id", "idempotencyKey", "language", "manageTokenHash", "mediaContactId", "proposedSlots", "questions", "reference", "releaseId", "reporterEmail", "reporterName", "reporterOutlet", "reporterPhone", "reporterRole", "reporterTimeZone", "reporterWhatsapp", "requestedStart", "spokespersonId", "status", "statusReason", "topic", "updatedAt") SELECT "attribution", "cancelledBy", "createdAt", "deadline", "durationMinutes", "format", "holdEnd", "holdStart", "id", "idempotencyKey", "language", "manageTokenHash", "mediaContactId", "proposedSlots", "questions", "reference", "releaseId", "reporterEmail", "reporterName", "reporterOutlet", "reporterPhone", "reporterRole", "reporterTimeZone", "reporterWhatsapp", "requestedStart", "spokespersonId", "status", "statusReason", "topic", "updatedAt" FROM "InterviewRequest";
DROP TABLE "InterviewRequest";
ALTER TABLE "new_InterviewRequest" RENAME TO "InterviewRequest";
CREATE UNIQUE INDEX "InterviewRequest_reference_key" ON "InterviewRequest"("reference");
CREATE UNIQUE INDEX "InterviewRequest_idempotencyKey_key" ON "InterviewRequest"("idempotencyKey");
CREATE INDEX "InterviewRequest_status_deadline_idx" ON "InterviewRequest"("status", "deadline");
CREATE INDEX "InterviewRequest_spokespersonId_status_idx" ON "InterviewRequest"("spokespersonId", "status");
CREATE TABLE "new_AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_AuditEvent" ("action", "actorId", "actorType", "after", "before", "createdAt", "entityId", "entityType", "id", "ip") SELECT "action", "actorId", "actorType", "after", "before", "createdAt", "entityId", "entityType", "id", "ip" FROM "AuditEvent";
DROP TABLE "AuditEvent";
ALTER TABLE "new_AuditEvent" RENAME TO "AuditEvent";
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

