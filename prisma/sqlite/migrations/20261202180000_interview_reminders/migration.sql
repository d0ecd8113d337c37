-- CreateTable
CREATE TABLE "InterviewReminder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "interviewId" TEXT NOT NULL,
    "recipientRole" TEXT NOT NULL,
    "offsetMinutes" INTEGER NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InterviewReminder_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "InterviewReminder_once_key" ON "InterviewReminder"("interviewId", "recipientRole", "offsetMinutes", "startsAt");
