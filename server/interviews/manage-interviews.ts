// The press office's bookings: list, reschedule, cancel, record the outcome.
import type { z } from 'zod';
import type { Prisma } from '../generated/sqlite/client';
import { AppError } from '../errors';
import { recordAuditEvent } from '../audit/record-audit-event';
import { assertBookable, localDateOf, withBookingLock } from '../requests/booking';
import { enqueueInviteMessages } from '../requests/notify';
import { enqueueRequestEvent } from '../webhooks/enqueue-deliveries';
import { inZones } from '../requests/request-view';
import { assertInterviewTransition, assertRequestTransition } from '../requests/state';
import type { WorkflowContext } from '../requests/context';
import type { Db } from '../db';
import { findCalendarClashes, type CalendarClash } from '../calendars/find-calendar-clashes';
import type { cancelInterviewInput, FormatDetails, listInterviewsInput, markOutcomeInput, rescheduleInput, updateMeetingDetailsInput } from '../requests/schema';

const interviewSelect = {
  id: true,
  startsAt: true,
  endsAt: true,
  status: true,
  format: true,
  formatDetails: true,
  inviteUid: true,
  inviteSequence: true,
  localDate: true,
  outcomeNote: true,
  spokesperson: { select: { id: true, name: true, timeZone: true } },
  request: { select: { id: true, reference: true, status: true, statusReason: true, cancelledBy: true, reporterName: true, reporterEmail: true, reporterOutlet: true, reporterPhone: true, reporterWhatsapp: true, reporterTimeZone: true, topic: true, attribution: true, language: true, durationMinutes: true } },
} satisfies Prisma.InterviewSelect;

type InterviewRow = Prisma.InterviewGetPayload<{ select: typeof interviewSelect }>;

function toInterviewView(row: InterviewRow, now: Date, calendarClash: CalendarClash | null) {
  const zones = (instant: Date) => inZones(instant, row.request.reporterTimeZone, row.spokesperson.timeZone);
  return {
    id: row.id,
    status: row.status,
    /** By the server's clock, so the console offers an outcome only once the interview is over. */
    started: row.startsAt.getTime() <= now.getTime(),
    ended: row.endsAt.getTime() <= now.getTime(),
    durationMinutes: Math.round((row.endsAt.getTime() - row.startsAt.getTime()) / 60_000),
    start: zones(row.startsAt),
    end: zones(row.endsAt),
    spokesperson: row.spokesperson,
    request: row.request,
    format: row.format,
    formatDetails: row.formatDetails,
    inviteUid: row.inviteUid,
    inviteSequence: row.inviteSequence,
    outcomeNote: row.outcomeNote,
    /** A busy time in the spokesperson's own calendar overlapping this upcoming interview (null when none). */
    calendarClash,
  };
}

/** Views of the rows, each with its calendar clash. */
async function toInterviewViews(db: Db, rows: InterviewRow[], now: Date) {
  const clashes = await findCalendarClashes(db, rows.map((row) => ({ id: row.id, spokespersonId: row.spokesperson.id, status: row.status, startsAt: row.startsAt, endsAt: row.endsAt })), now);
  return rows.map((row) => toInterviewView(row, now, clashes.get(row.id) ?? null));
}

/** desk.interviews.list: by start time, optionally within a window, for one spokesperson or with given statuses. */
export async function listInterviews(context: { db: Db; now: Date }, input: z.output<typeof listInterviewsInput>) {
  const rows = await context.db.interview.findMany({
    where: {
      ...(input.spokespersonId ? { spokespersonId: input.spokespersonId } : {}),
      ...(input.status ? { status: { in: input.status } } : {}),
      ...(input.from ? { endsAt: { gt: input.from } } : {}),
      ...(input.to ? { startsAt: { lt: input.to } } : {}),
      // Over and not yet recorded: the desk's "Needs an outcome" list.
      ...(input.needsOutcome ? { AND: [{ status: { in: ['confirmed', 'rescheduled'] } }, { endsAt: { lte: context.now } }] } : {}),
    },
    select: interviewSelect,
    // Past interviews read most recent first; upcoming ones soonest first.
    orderBy: [{ startsAt: input.order }, { id: input.order }],
    take: input.limit,
  });
  return toInterviewViews(context.db, rows, context.now);
}

/** desk.interviews.get: one interview whatever its status (deep links from emails and the queue). NOT_FOUND otherwise. */
export async function getInterview(context: { db: Db; now: Date }, input: { interviewId: string }) {
  const row = await context.db.interview.findUnique({ where: { id: input.interviewId }, select: interviewSelect });
  if (!row) throw new AppError('NOT_FOUND', 'No such interview.');
  return (await toInterviewViews(context.db, [row], context.now))[0]!;
}

async function loadInterviewView(db: Db, id: string, now: Date) {
  return (await toInterviewViews(db, [await db.interview.findUniqueOrThrow({ where: { id }, select: interviewSelect })], now))[0]!;
}

/** Details equal field by field, blanks and absent fields alike (JSON key order does not matter). */
function sameDetails(a: FormatDetails, b: FormatDetails): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof FormatDetails>;
  return [...keys].every((key) => (a[key] || undefined) === (b[key] || undefined));
}

/** Drops blank fields, so a cleared field is absent rather than "". */
function compactDetails(details: FormatDetails): FormatDetails {
  return Object.fromEntries(Object.entries(details).filter(([, value]) => typeof value === 'string' && value.trim() !== '')) as FormatDetails;
}

/**
 * desk.interviews.updateMeetingDetails: replaces the video link, dial-in,
 * WhatsApp number, studio or street address and notes of a booked interview.
 * Same invite UID, SEQUENCE + 1, an updated invite to both attendees; the time
 * does not change. Unchanged details send nothing (idempotent).
 * INVALID_TRANSITION once the interview is cancelled or over.
 */
export async function updateMeetingDetails(context: WorkflowContext, input: z.output<typeof updateMeetingDetailsInput>) {
  const { db, now } = context;
  const details = compactDetails(input.formatDetails);
  await db.$transaction(async (tx) => {
    const interview = await tx.interview.findUnique({ where: { id: input.interviewId }, select: { id: true, status: true, inviteSequence: true, formatDetails: true, requestId: true } });
    if (!interview) throw new AppError('NOT_FOUND', 'No such interview.');
    if (interview.status !== 'confirmed' && interview.status !== 'rescheduled') {
      throw new AppError('INVALID_TRANSITION', `Cannot change the meeting details of an interview that is ${interview.status.replace('_', '-')}.`, { details: { from: interview.status } });
    }
    const before = (interview.formatDetails ?? {}) as FormatDetails;
    if (sameDetails(before, details)) return;
    const sequence = interview.inviteSequence + 1;
    // Conditional on the sequence read above: a concurrent change makes this one retry, never skip a number.
    const { count } = await tx.interview.updateMany({
      where: { id: interview.id, status: interview.status, inviteSequence: interview.inviteSequence },
      data: { formatDetails: details as Prisma.InputJsonValue, inviteSequence: sequence, updatedAt: now },
    });
    if (count !== 1) throw new AppError('INVALID_TRANSITION', 'The interview changed meanwhile; reload and try again.');
    await tx.interviewRequest.update({ where: { id: interview.requestId }, data: { formatDetails: details as Prisma.InputJsonValue, updatedAt: now } });
    await enqueueInviteMessages(tx, context, { interviewId: interview.id, method: 'REQUEST', sequence });
    await recordAuditEvent({ db: tx, actor: context.actor, action: 'interview.update_meeting_details', entityType: 'interview', entityId: interview.id, before: { formatDetails: before, sequence: interview.inviteSequence }, after: { formatDetails: details, sequence }, ip: context.ip, now });
  });
  return loadInterviewView(db, input.interviewId, now);
}

/**
 * desk.interviews.reschedule: moves a confirmed interview. Same invite UID,
 * SEQUENCE + 1, an updated invite to both attendees. SLOT_TAKEN when the new
 * time conflicts (the interview's own old time does not count).
 */
export async function rescheduleInterview(context: WorkflowContext, input: z.output<typeof rescheduleInput>) {
  const { db, now } = context;
  const existing = await db.interview.findUnique({ where: { id: input.interviewId }, select: { spokespersonId: true } });
  if (!existing) throw new AppError('NOT_FOUND', 'No such interview.');
  await withBookingLock(db, [existing.spokespersonId], async (tx) => {
    const interview = await tx.interview.findUniqueOrThrow({ where: { id: input.interviewId }, select: { id: true, status: true, startsAt: true, endsAt: true, inviteSequence: true, spokespersonId: true, requestId: true, formatDetails: true } });
    assertInterviewTransition(interview.status, 'rescheduled', 'reschedule');
    const durationMinutes = input.durationMinutes ?? Math.round((interview.endsAt.getTime() - interview.startsAt.getTime()) / 60_000);
    const calendar = await assertBookable(tx, { spokespersonId: interview.spokespersonId, start: input.start, durationMinutes, mode: 'desk', overrideHours: input.overrideHours, exclude: { interviewId: interview.id }, now });
    const sequence = interview.inviteSequence + 1;
    const end = new Date(input.start.getTime() + durationMinutes * 60_000);
    const { count } = await tx.interview.updateMany({
      where: { id: interview.id, status: interview.status, inviteSequence: interview.inviteSequence },
      data: {
        status: 'rescheduled',
        startsAt: input.start,
        endsAt: end,
        localDate: localDateOf(input.start, calendar.timeZone),
        inviteSequence: sequence,
        ...(input.formatDetails ? { formatDetails: input.formatDetails } : {}),
        updatedAt: now,
      },
    });
    if (count !== 1) throw new AppError('INVALID_TRANSITION', 'The interview changed meanwhile; reload and try again.');
    await enqueueInviteMessages(tx, context, { interviewId: interview.id, method: 'REQUEST', sequence });
    await enqueueRequestEvent(tx, context, 'interview.rescheduled', interview.requestId, { previous: { start: interview.startsAt.toISOString(), end: interview.endsAt.toISOString() } });
    await recordAuditEvent({ db: tx, actor: context.actor, action: 'interview.reschedule', entityType: 'interview', entityId: interview.id, before: { status: interview.status, start: interview.startsAt, end: interview.endsAt, sequence: interview.inviteSequence }, after: { status: 'rescheduled', start: input.start, end, sequence }, ip: context.ip, now });
  });
  return loadInterviewView(db, input.interviewId, now);
}

/** desk.interviews.cancel: iCalendar CANCEL (SEQUENCE + 1) to both attendees; the request is cancelled by the desk. */
export async function cancelInterview(context: WorkflowContext, input: z.output<typeof cancelInterviewInput>) {
  const { db, now } = context;
  const existing = await db.interview.findUnique({ where: { id: input.interviewId }, select: { spokespersonId: true } });
  if (!existing) throw new AppError('NOT_FOUND', 'No such interview.');
  await withBookingLock(db, [existing.spokespersonId], async (tx) => {
    const interview = await tx.interview.findUniqueOrThrow({ where: { id: input.interviewId }, select: { id: true, status: true, inviteSequence: true, request: { select: { id: true, status: true, reference: true, reporterEmail: true } } } });
    assertInterviewTransition(interview.status, 'cancelled', 'cancel');
    assertRequestTransition(interview.request.status, 'cancelled', 'cancel');
    const sequence = interview.inviteSequence + 1;
    const { count } = await tx.interview.updateMany({ where: { id: interview.id, status: interview.status }, data: { status: 'cancelled', inviteSequence: sequence, updatedAt: now } });
    if (count !== 1) throw new AppError('INVALID_TRANSITION', 'The interview changed meanwhile; reload and try again.');
    await tx.interviewRequest.update({ where: { id: interview.request.id }, data: { status: 'cancelled', cancelledBy: 'desk', statusReason: input.reason, updatedAt: now } });
    // One email each: the CANCEL (which removes the event from the calendar) says why.
    await enqueueInviteMessages(tx, context, { interviewId: interview.id, method: 'CANCEL', sequence, reason: input.reason });
    await enqueueRequestEvent(tx, context, ['interview.cancelled', 'request.cancelled'], interview.request.id);
    await recordAuditEvent({ db: tx, actor: context.actor, action: 'interview.cancel', entityType: 'interview', entityId: interview.id, before: { status: interview.status, sequence: interview.inviteSequence }, after: { status: 'cancelled', sequence, reason: input.reason }, ip: context.ip, now });
  });
  return loadInterviewView(db, input.interviewId, now);
}

/** desk.interviews.markOutcome: completed, no-show or cancelled late, with an optional note, once the interview has started. */
export async function markInterviewOutcome(context: WorkflowContext, input: z.output<typeof markOutcomeInput>) {
  const { db, now } = context;
  await db.$transaction(async (tx) => {
    const interview = await tx.interview.findUnique({ where: { id: input.interviewId }, select: { id: true, status: true, startsAt: true, requestId: true } });
    if (!interview) throw new AppError('NOT_FOUND', 'No such interview.');
    assertInterviewTransition(interview.status, input.outcome, `mark as ${input.outcome.replace('_', '-')}`);
    if (interview.startsAt.getTime() > now.getTime()) {
      throw new AppError('INVALID_TRANSITION', 'This interview has not started yet; record its outcome afterwards.');
    }
    const { count } = await tx.interview.updateMany({ where: { id: interview.id, status: interview.status }, data: { status: input.outcome, outcomeNote: input.note || null, updatedAt: now } });
    if (count !== 1) throw new AppError('INVALID_TRANSITION', 'The interview changed meanwhile; reload and try again.');
    await enqueueRequestEvent(tx, context, 'interview.outcome', interview.requestId);
    await recordAuditEvent({ db: tx, actor: context.actor, action: 'interview.mark_outcome', entityType: 'interview', entityId: interview.id, before: { status: interview.status }, after: { status: input.outcome, note: input.note || null }, ip: context.ip, now });
  });
  return loadInterviewView(db, input.interviewId, now);
}
