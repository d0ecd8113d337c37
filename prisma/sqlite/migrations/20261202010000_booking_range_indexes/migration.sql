-- DropIndex
DROP INDEX "InterviewRequest_spokespersonId_status_idx";

-- CreateIndex
CREATE INDEX "InterviewRequest_spokespersonId_status_holdStart_idx" ON "InterviewRequest"("spokespersonId", "status", "holdStart");

