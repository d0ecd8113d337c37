-- DropForeignKey
ALTER TABLE "AuditEvent" DROP CONSTRAINT "AuditEvent_actorId_fkey";

-- AlterTable
ALTER TABLE "InterviewRequest" ADD COLUMN     "anySpokesperson" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "formatDetails" JSONB,
ADD COLUMN     "proposalAutoAccept" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "proposalMessage" TEXT,
ADD COLUMN     "requestFingerprint" TEXT;

