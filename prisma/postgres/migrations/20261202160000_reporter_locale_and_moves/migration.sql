-- The reporter's language (their pages and later emails), and a reporter's
-- request to move a confirmed interview awaiting the desk.
ALTER TABLE "InterviewRequest" ADD COLUMN "reporterLocale" TEXT NOT NULL DEFAULT 'en';
ALTER TABLE "InterviewRequest" ADD COLUMN "moveStart" TIMESTAMP(3);
ALTER TABLE "InterviewRequest" ADD COLUMN "moveRequestedAt" TIMESTAMP(3);
