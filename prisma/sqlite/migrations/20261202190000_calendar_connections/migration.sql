-- CreateTable
CREATE TABLE "CalendarConnection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "spokespersonId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "serverUrl" TEXT,
    "secret" TEXT NOT NULL,
    "calendars" JSONB NOT NULL,
    "etag" TEXT,
    "lastModified" TEXT,
    "syncedUntil" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "lastError" TEXT,
    "lastAttemptAt" DATETIME,
    "lastSyncedAt" DATETIME,
    "failureNotifiedAt" DATETIME,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CalendarConnection_spokespersonId_fkey" FOREIGN KEY ("spokespersonId") REFERENCES "Spokesperson" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CalendarBusy" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "spokespersonId" TEXT NOT NULL,
    "calendarKey" TEXT NOT NULL,
    "calendarName" TEXT NOT NULL,
    "intervals" JSONB NOT NULL,
    "count" INTEGER NOT NULL,
    CONSTRAINT "CalendarBusy_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "CalendarConnection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CalendarConnection_spokespersonId_idx" ON "CalendarConnection"("spokespersonId");

-- CreateIndex
CREATE INDEX "CalendarBusy_spokespersonId_idx" ON "CalendarBusy"("spokespersonId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarBusy_connectionId_calendarKey_key" ON "CalendarBusy"("connectionId", "calendarKey");

