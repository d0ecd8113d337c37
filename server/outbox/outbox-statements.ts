// The statements every email delivery runs, written as SQL.
//
// Each email claims its row, reads the office's name, its request or
// interview and (for reporters) the press contact to name, and records
// "sent". Prisma 6.19 compiles every model query afresh in its WebAssembly
// query compiler and wraps updateMany in a transaction: a model call costs
// about 500 µs of CPU on SQLite, the same statement as raw SQL about 130 µs
// (docs/design.md, session 10; bench/profile-outbox.ts). These statements run
// once or twice per email, so they are SQL here, in one place, with the same
// text on both databases but for the claim's row locks. Prisma's tagged
// template binds the parameters for each database and reads the columns back
// typed (Date, parsed JSON). Everything else stays on the Prisma client;
// tests/integration/outbox-statements.test.ts checks each statement against
// the Prisma call it replaces.
import type { Database, Db } from '../db';
import type { OutboxRow } from './render-outbox-message';
import { OFFICE_SETTING_KEY, officeProfileFrom } from '../office/office-profile';
import type { OfficeProfile } from '../office/schema';

/** An outbox row as the worker holds it while delivering. */
export interface ClaimedRow extends OutboxRow {
  attempts: number;
  channel: string;
  endpointId: string | null;
  nextAttemptAt: Date;
}

/**
 * Takes up to `limit` due email rows for `token` until `leaseUntil` and returns
 * them, in one statement. PostgreSQL skips rows a concurrent claim holds
 * locked (FOR UPDATE SKIP LOCKED: that claim's rows no longer match once it
 * commits); SQLite runs the statement under its single write lock, so a row
 * another instance claimed first no longer matches the subquery.
 */
export function claimDueEmails(database: Database, claim: { token: string; now: Date; leaseUntil: Date; limit: number }): Promise<ClaimedRow[]> {
  const { token, now, leaseUntil, limit } = claim;
  const db = database.prisma;
  if (database.provider === 'postgres') {
    // The rows are picked once, in a materialised CTE: with the subquery inline in
    // `WHERE "id" IN (…)` the planner may run it again and take more than `limit`.
    return db.$queryRaw<ClaimedRow[]>`WITH "due" AS MATERIALIZED (
        SELECT "id" FROM "OutboxMessage"
        WHERE "status" = 'pending' AND "channel" = 'email' AND "nextAttemptAt" <= ${now} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
        ORDER BY "nextAttemptAt" LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      UPDATE "OutboxMessage" SET "lockedBy" = ${token}, "lockedUntil" = ${leaseUntil}
      WHERE "id" IN (SELECT "id" FROM "due")
      RETURNING *`;
  }
  return db.$queryRaw<ClaimedRow[]>`UPDATE "OutboxMessage" SET "lockedBy" = ${token}, "lockedUntil" = ${leaseUntil}
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE "status" = 'pending' AND "channel" = 'email' AND "nextAttemptAt" <= ${now} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      ORDER BY "nextAttemptAt" LIMIT ${limit})
    RETURNING *`;
}

/**
 * Records an email as sent, fenced by its claim (`lockedBy`): 1 when written,
 * 0 when the claim was lost. An empty subject keeps the queued one.
 */
export function recordEmailSent(db: Db, fence: { id: string; lockedBy: string }, sent: { at: Date; attempts: number; subject?: string }): Promise<number> {
  const { at, attempts, subject } = sent;
  return db.$executeRaw`UPDATE "OutboxMessage"
    SET "status" = 'sent', "sentAt" = ${at}, "lastAttemptAt" = ${at}, "attempts" = ${attempts}, "lockedBy" = NULL, "lockedUntil" = NULL, "lastError" = NULL, "subject" = COALESCE(${subject || null}, "subject")
    WHERE "id" = ${fence.id} AND "lockedBy" = ${fence.lockedBy} AND "status" = 'pending'`;
}

/** The office profile (the Setting row "office"), with the defaults an office without one has. */
export async function readOfficeIdentity(db: Db): Promise<OfficeProfile> {
  const [office] = await db.$queryRaw<{ value: unknown }[]>`SELECT "value" FROM "Setting" WHERE "key" = ${OFFICE_SETTING_KEY}`;
  return officeProfileFrom(office?.value);
}

/**
 * The press contact a notice names when its request has no release of its
 * own: the one the office profile shows reporters (`chosenId`), else, when
 * none is chosen or it was deleted, the office's first.
 */
export async function readOfficePressContact(db: Db, chosenId: string | null): Promise<{ id: string; name: string; email: string; phone: string | null; whatsapp: string | null; visibility: unknown } | undefined> {
  const [contact] = await db.$queryRaw<{ id: string; name: string; email: string; phone: string | null; whatsapp: string | null; visibility: unknown }[]>`
    SELECT "id", "name", "email", "phone", "whatsapp", "visibility" FROM "PressContact"
    ORDER BY CASE WHEN "id" = ${chosenId ?? ''} THEN 0 ELSE 1 END, "createdAt" ASC LIMIT 1`;
  return contact;
}

/** What a notice about a request says of it (read once per email). */
export interface RequestForMail {
  id: string;
  manageTokenHash: string;
  reference: string;
  topic: string;
  format: string;
  language: string;
  attribution: string;
  deadline: Date;
  durationMinutes: number;
  requestedStart: Date | null;
  reporterName: string;
  reporterEmail: string;
  reporterOutlet: string;
  reporterTimeZone: string;
  reporterLocale: string;
  reporterPhone: string | null;
  reporterWhatsapp: string | null;
  statusReason: string | null;
  proposedSlots: unknown;
  proposalMessage: string | null;
  releaseId: string | null;
  spokesperson: { id: string; name: string; email: string; timeZone: string } | null;
}

/** The request with its spokesperson, in one statement on both databases (Prisma reads the relation with a second one on SQLite). */
export async function readRequestForMail(db: Db, requestId: string): Promise<RequestForMail | undefined> {
  const [row] = await db.$queryRaw<(Omit<RequestForMail, 'spokesperson'> & { spokespersonId: string | null; spokespersonName: string; spokespersonEmail: string; spokespersonTimeZone: string })[]>`
    SELECT r."id", r."manageTokenHash", r."reference", r."topic", r."format", r."language", r."attribution", r."deadline", r."durationMinutes", r."requestedStart",
      r."reporterName", r."reporterEmail", r."reporterOutlet", r."reporterTimeZone", r."reporterLocale", r."reporterPhone", r."reporterWhatsapp",
      r."statusReason", r."proposedSlots", r."proposalMessage", r."releaseId",
      s."id" AS "spokespersonId", s."name" AS "spokespersonName", s."email" AS "spokespersonEmail", s."timeZone" AS "spokespersonTimeZone"
    FROM "InterviewRequest" r LEFT JOIN "Spokesperson" s ON s."id" = r."spokespersonId"
    WHERE r."id" = ${requestId}`;
  if (!row) return undefined;
  const { spokespersonId, spokespersonName, spokespersonEmail, spokespersonTimeZone, ...request } = row;
  return { ...request, spokesperson: spokespersonId ? { id: spokespersonId, name: spokespersonName, email: spokespersonEmail, timeZone: spokespersonTimeZone } : null };
}

/** What an invite or reminder says of the interview itself (its request is read with readRequestForMail). */
export interface InterviewForMail {
  requestId: string;
  inviteUid: string;
  inviteSequence: number;
  status: string;
  startsAt: Date;
  endsAt: Date;
  format: string;
  formatDetails: unknown;
  spokesperson: { name: string; email: string; timeZone: string };
}

/** The interview with its spokesperson, in one statement on both databases. */
export async function readInterviewForMail(db: Db, interviewId: string): Promise<InterviewForMail | undefined> {
  const [row] = await db.$queryRaw<(Omit<InterviewForMail, 'spokesperson'> & { spokespersonName: string; spokespersonEmail: string; spokespersonTimeZone: string })[]>`
    SELECT i."requestId", i."inviteUid", i."inviteSequence", i."status", i."startsAt", i."endsAt", i."format", i."formatDetails",
      s."name" AS "spokespersonName", s."email" AS "spokespersonEmail", s."timeZone" AS "spokespersonTimeZone"
    FROM "Interview" i JOIN "Spokesperson" s ON s."id" = i."spokespersonId"
    WHERE i."id" = ${interviewId}`;
  if (!row) return undefined;
  const { spokespersonName, spokespersonEmail, spokespersonTimeZone, ...interview } = row;
  return { ...interview, spokesperson: { name: spokespersonName, email: spokespersonEmail, timeZone: spokespersonTimeZone } };
}
