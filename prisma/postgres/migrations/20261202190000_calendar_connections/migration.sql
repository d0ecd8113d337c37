-- CreateTable
CREATE TABLE "CalendarConnection" (
    "id" TEXT NOT NULL,
    "spokespersonId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "serverUrl" TEXT,
    "secret" TEXT NOT NULL,
    "calendars" JSONB NOT NULL,
    "etag" TEXT,
    "lastModified" TEXT,
    "syncedUntil" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'pending',
    "lastError" TEXT,
    "lastAttemptAt" TIMESTAMP(3),
    "lastSyncedAt" TIMESTAMP(3),
    "failureNotifiedAt" TIMESTAMP(3),
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CalendarConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarBusy" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "spokespersonId" TEXT NOT NULL,
    "calendarKey" TEXT NOT NULL,
    "calendarName" TEXT NOT NULL,
    "intervals" JSONB NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "CalendarBusy_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CalendarConnection_spokespersonId_idx" ON "CalendarConnection"("spokespersonId");

-- CreateIndex
CREATE INDEX "CalendarBusy_spokespersonId_idx" ON "CalendarBusy"("spokespersonId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarBusy_connectionId_calendarKey_key" ON "CalendarBusy"("connectionId", "calendarKey");

-- AddForeignKey
ALTER TABLE "CalendarConnection" ADD CONSTRAINT "CalendarConnection_spokespersonId_fkey" FOREIGN KEY ("spokespersonId") REFERENCES "Spokesperson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarBusy" ADD CONSTRAINT "CalendarBusy_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "CalendarConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

