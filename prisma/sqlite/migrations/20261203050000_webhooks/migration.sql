-- Webhook endpoints and desk-alert channels (server/webhooks/), and the
-- columns HTTP deliveries need on the outbox. ADD COLUMN rather than Prisma's
-- table rebuild: the outbox can be large, and a rebuild would copy it.

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "events" JSONB NOT NULL,
    "secret" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "channel" TEXT NOT NULL DEFAULT 'email';
ALTER TABLE "OutboxMessage" ADD COLUMN "endpointId" TEXT REFERENCES "WebhookEndpoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OutboxMessage" ADD COLUMN "responseStatus" INTEGER;
ALTER TABLE "OutboxMessage" ADD COLUMN "responseExcerpt" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "lastAttemptAt" DATETIME;

-- CreateIndex
CREATE INDEX "OutboxMessage_channel_status_nextAttemptAt_idx" ON "OutboxMessage"("channel", "status", "nextAttemptAt");
CREATE INDEX "OutboxMessage_endpointId_createdAt_idx" ON "OutboxMessage"("endpointId", "createdAt");
CREATE INDEX "WebhookEndpoint_kind_enabled_idx" ON "WebhookEndpoint"("kind", "enabled");
