-- Sign-in throttle rows (server/auth/login-throttle.ts).
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "nextAllowedAt" BIGINT NOT NULL,
    "expiresAt" BIGINT NOT NULL,

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "LoginThrottle_expiresAt_idx" ON "LoginThrottle"("expiresAt");

-- Bounded holds and per-reporter / per-IP hold limits. Holds placed before
-- this migration have no expiry: expire-requests.ts releases them once they
-- are older than the longest hold allowed.
ALTER TABLE "InterviewRequest" ADD COLUMN "holdExpiresAt" TIMESTAMP(3);
ALTER TABLE "InterviewRequest" ADD COLUMN "reporterEmailKey" TEXT;
ALTER TABLE "InterviewRequest" ADD COLUMN "requestIp" TEXT;
CREATE INDEX "InterviewRequest_reporterEmailKey_status_idx" ON "InterviewRequest"("reporterEmailKey", "status");
CREATE INDEX "InterviewRequest_holdExpiresAt_idx" ON "InterviewRequest"("holdExpiresAt");

-- Requests from before: their addresses lower-cased as the reporter key (the
-- +tag and Gmail-dot folding applies to new requests).
UPDATE "InterviewRequest" SET "reporterEmailKey" = LOWER("reporterEmail") WHERE "reporterEmailKey" IS NULL;
