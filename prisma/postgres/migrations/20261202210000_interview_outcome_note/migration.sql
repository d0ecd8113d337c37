-- AlterTable
ALTER TABLE "Interview" ADD COLUMN "outcomeNote" TEXT;
