-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastLoginAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "userAgent" TEXT,
    "ip" TEXT,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RateLimitEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bucket" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" JSONB NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Spokesperson" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "bio" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL,
    "phone" TEXT,
    "languages" JSONB NOT NULL,
    "topics" JSONB NOT NULL,
    "timeZone" TEXT NOT NULL,
    "formats" JSONB NOT NULL,
    "defaultDurationMinutes" INTEGER NOT NULL DEFAULT 30,
    "allowedDurations" JSONB NOT NULL,
    "slotStepMinutes" INTEGER NOT NULL DEFAULT 30,
    "bufferBeforeMinutes" INTEGER NOT NULL DEFAULT 0,
    "bufferAfterMinutes" INTEGER NOT NULL DEFAULT 0,
    "minimumNoticeMinutes" INTEGER NOT NULL DEFAULT 120,
    "maxPerDay" INTEGER,
    "horizonDays" INTEGER NOT NULL DEFAULT 60,
    "holdSlots" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "userId" TEXT,
    "bookingVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Spokesperson_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WeeklyRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "spokespersonId" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "startTime" TEXT NOT NULL,
    "endTime" TEXT NOT NULL,
    CONSTRAINT "WeeklyRule_spokespersonId_fkey" FOREIGN KEY ("spokespersonId") REFERENCES "Spokesperson" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DateOverride" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "spokespersonId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "ranges" JSONB NOT NULL,
    "note" TEXT,
    CONSTRAINT "DateOverride_spokespersonId_fkey" FOREIGN KEY ("spokespersonId") REFERENCES "Spokesperson" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TimeOff" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "spokespersonId" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "reason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TimeOff_spokespersonId_fkey" FOREIGN KEY ("spokespersonId") REFERENCES "Spokesperson" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Outlet" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "country" TEXT,
    "language" TEXT,
    "website" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MediaContact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "emailNormalized" TEXT,
    "outletId" TEXT,
    "role" TEXT,
    "languages" JSONB NOT NULL,
    "timeZone" TEXT,
    "country" TEXT,
    "phone" TEXT,
    "whatsapp" TEXT,
    "preferredChannel" TEXT,
    "notes" TEXT,
    "tags" JSONB NOT NULL,
    "source" TEXT,
    "lawfulBasis" TEXT,
    "lawfulBasisAt" DATETIME,
    "doNotContact" BOOLEAN NOT NULL DEFAULT false,
    "searchText" TEXT NOT NULL DEFAULT '',
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MediaContact_outletId_fkey" FOREIGN KEY ("outletId") REFERENCES "Outlet" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PressContact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT,
    "whatsapp" TEXT,
    "visibility" JSONB NOT NULL,
    "userId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PressContact_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Release" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "publishedAt" DATETIME,
    "embargoUntil" DATETIME,
    "pressContactId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Release_pressContactId_fkey" FOREIGN KEY ("pressContactId") REFERENCES "PressContact" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReleaseSpokesperson" (
    "releaseId" TEXT NOT NULL,
    "spokespersonId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("releaseId", "spokespersonId"),
    CONSTRAINT "ReleaseSpokesperson_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReleaseSpokesperson_spokespersonId_fkey" FOREIGN KEY ("spokespersonId") REFERENCES "Spokesperson" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InterviewRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "mediaContactId" TEXT,
    "releaseId" TEXT,
    "spokespersonId" TEXT,
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
    "holdStart" DATETIME,
    "holdEnd" DATETIME,
    "status" TEXT NOT NULL,
    "statusReason" TEXT,
    "cancelledBy" TEXT,
    "idempotencyKey" TEXT,
    "manageTokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "InterviewRequest_mediaContactId_fkey" FOREIGN KEY ("mediaContactId") REFERENCES "MediaContact" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "InterviewRequest_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "InterviewRequest_spokespersonId_fkey" FOREIGN KEY ("spokespersonId") REFERENCES "Spokesperson" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Interview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "spokespersonId" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "bufferBeforeMinutes" INTEGER NOT NULL DEFAULT 0,
    "bufferAfterMinutes" INTEGER NOT NULL DEFAULT 0,
    "localDate" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "formatDetails" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "inviteUid" TEXT NOT NULL,
    "inviteSequence" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Interview_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "InterviewRequest" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Interview_spokespersonId_fkey" FOREIGN KEY ("spokespersonId") REFERENCES "Spokesperson" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "interviewId" TEXT,
    "requestId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" DATETIME,
    "lockedBy" TEXT,
    "lastError" TEXT,
    "messageId" TEXT NOT NULL,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OutboxMessage_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FeedToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "spokespersonId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    CONSTRAINT "FeedToken_spokespersonId_fkey" FOREIGN KEY ("spokespersonId") REFERENCES "Spokesperson" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "RateLimitEvent_bucket_key_createdAt_idx" ON "RateLimitEvent"("bucket", "key", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Spokesperson_slug_key" ON "Spokesperson"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Spokesperson_userId_key" ON "Spokesperson"("userId");

-- CreateIndex
CREATE INDEX "WeeklyRule_spokespersonId_idx" ON "WeeklyRule"("spokespersonId");

-- CreateIndex
CREATE UNIQUE INDEX "DateOverride_spokespersonId_date_key" ON "DateOverride"("spokespersonId", "date");

-- CreateIndex
CREATE INDEX "TimeOff_spokespersonId_startsAt_idx" ON "TimeOff"("spokespersonId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "MediaContact_emailNormalized_key" ON "MediaContact"("emailNormalized");

-- CreateIndex
CREATE INDEX "MediaContact_searchText_idx" ON "MediaContact"("searchText");

-- CreateIndex
CREATE UNIQUE INDEX "PressContact_userId_key" ON "PressContact"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Release_slug_key" ON "Release"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "InterviewRequest_reference_key" ON "InterviewRequest"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "InterviewRequest_idempotencyKey_key" ON "InterviewRequest"("idempotencyKey");

-- CreateIndex
CREATE INDEX "InterviewRequest_status_deadline_idx" ON "InterviewRequest"("status", "deadline");

-- CreateIndex
CREATE INDEX "InterviewRequest_spokespersonId_status_idx" ON "InterviewRequest"("spokespersonId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Interview_requestId_key" ON "Interview"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "Interview_inviteUid_key" ON "Interview"("inviteUid");

-- CreateIndex
CREATE INDEX "Interview_spokespersonId_startsAt_idx" ON "Interview"("spokespersonId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_messageId_key" ON "OutboxMessage"("messageId");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "FeedToken_tokenHash_key" ON "FeedToken"("tokenHash");

