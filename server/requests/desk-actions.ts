// The press office's triage: list, approve, decline, propose, reassign.
import type { z } from 'zod';
import type { Db } from '../db';
import { AppError } from '../errors';
import { countNoShowsByContact } from '../interviews/count-no-shows';
import { findCalendarClashes } from '../calendars/find-calendar-clashes';
import { recordAuditEvent } from '../audit/record-audit-event';
import { overlaps, widenBooking } from '../availability/conflicts';
import { invalidateCalendars } from '../availability/calendar-cache';
import { HOLDING_REQUEST_STATUSES } from '../availability/load-calendars';
import { ACTIVE_INTERVIEW_STATUSES, assertRequestTransition } from './state';
import { assertBookable, withBookingLock } from './booking';
import { bookInterview } from './book-interview';
import { enqueueRequestNotice } from './notify';
import { enqueueRequestEvent } from '../webhooks/enqueue-deliveries';
import { requestViewSelect, toRequestView, type StoredProposal } from './request-view';
import type { WorkflowContext } from './context';
import { countActiveHoldsByReporter, holdExpiry, normalizeEmailKey } from './hold-policy';
import type { approveInput, declineInput, listRequestsInput, proposeInput, reassignInput } from './schema';
import { reporterNoticeSubject } from '../mail/render-email';
import { mailLanguageOf } from '../mail/mail-language';

async function loadDeskView(db: Db, requestId: string, now: Date) {
  const [view] = await listRequests({ db, now }, { limit: 1, ids: [requestId] });
  if (!view) throw new AppError('NOT_FOUND', 'No such request.');
  return view;
}

/**
 * desk.requests.list: requests by deadline (soonest first; pending and
 * proposed by default), each with minutes to the deadline and the interviews
 * or held requests its requested time currently conflicts with (each named by
 * its request's reference and reporter).
 */
/** desk.requests.get: one request whatever its status (deep links from emails). NOT_FOUND otherwise. */
export function getRequest(context: { db: Db; now: Date }, input: { requestId: string }) {
  return loadDeskView(context.db, input.requestId, context.now);
}

export async function listRequests(context: { db: Db; now: Date }, input: Partial<z.output<typeof listRequestsInput>> & { ids?: string[] }) {
  const { db, now } = context;
  const rows = await db.interviewRequest.findMany({
    where: {
      // Open requests (pending and proposed by default); listing pending ones
      // also lists confirmed interviews whose reporter asks to move them.
      ...(input.ids ? { id: { in: input.ids } } : { OR: [{ status: { in: input.status ?? ['pending', 'proposed'] } }, ...((input.status ?? ['pending']).includes('pending') ? [{ status: 'approved', moveStart: { not: null } }] : [])] }),
      ...(input.spokespersonId ? { spokespersonId: input.spokespersonId } : {}),
    },
    select: { ...requestViewSelect, spokespersonId: true, reporterEmailKey: true, reporterEmail: true, mediaContactId: true },
    orderBy: [{ deadline: 'asc' }, { id: 'asc' }],
    take: input.limit ?? 50,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const proposedIds = new Set(rows.flatMap((row) => (row.proposedSlots as unknown as StoredProposal[]).map((proposal) => proposal.spokespersonId)));
  const people = proposedIds.size ? await db.spokesperson.findMany({ where: { id: { in: [...proposedIds] } }, select: { id: true, name: true, timeZone: true, bufferBeforeMinutes: true, bufferAfterMinutes: true } }) : [];
  const peopleById = new Map(people.map((person) => [person.id, person]));

  // Conflicts of each open request's requested time with interviews and other holds.
  const open = rows.filter((row) => row.requestedStart && row.spokespersonId && (row.status === 'pending' || row.status === 'proposed'));
  // Each conflict names the other request (reference and reporter), so the desk can say what it clashes with.
  const conflictsById = new Map<string, { kind: 'interview' | 'hold'; id: string; reference: string; reporterName: string; reporterOutlet: string; start: string; end: string }[]>();
  if (open.length > 0) {
    const spokespersonIds = [...new Set(open.map((row) => row.spokespersonId!))];
    const earliest = new Date(Math.min(...open.map((row) => row.requestedStart!.getTime())) - 86_400_000);
    const latest = new Date(Math.max(...open.map((row) => row.requestedStart!.getTime())) + 2 * 86_400_000);
    const [interviews, holds, settings] = await Promise.all([
      db.interview.findMany({ where: { spokespersonId: { in: spokespersonIds }, status: { in: ACTIVE_INTERVIEW_STATUSES }, startsAt: { lt: latest }, endsAt: { gt: earliest } }, select: { id: true, spokespersonId: true, startsAt: true, endsAt: true, bufferBeforeMinutes: true, bufferAfterMinutes: true, request: { select: { reference: true, reporterName: true, reporterOutlet: true } } } }),
      db.interviewRequest.findMany({ where: { spokespersonId: { in: spokespersonIds }, status: { in: HOLDING_REQUEST_STATUSES }, holdStart: { lt: latest }, holdEnd: { gt: earliest } }, select: { id: true, spokespersonId: true, holdStart: true, holdEnd: true, reference: true, reporterName: true, reporterOutlet: true } }),
      db.spokesperson.findMany({ where: { id: { in: spokespersonIds } }, select: { id: true, bufferBeforeMinutes: true, bufferAfterMinutes: true } }),
    ]);
    const buffersOf = new Map(settings.map((person) => [person.id, person]));
    for (const row of open) {
      const buffers = buffersOf.get(row.spokespersonId!)!;
      const start = row.requestedStart!.getTime();
      const candidate = widenBooking({ start, end: start + row.durationMinutes * 60_000, ...buffers });
      const found = [
        ...interviews
          .filter((interview) => interview.spokespersonId === row.spokespersonId && overlaps(candidate, widenBooking({ start: interview.startsAt.getTime(), end: interview.endsAt.getTime(), bufferBeforeMinutes: interview.bufferBeforeMinutes, bufferAfterMinutes: interview.bufferAfterMinutes }, buffers)))
          .map((interview) => ({ kind: 'interview' as const, id: interview.id, ...interview.request, start: interview.startsAt.toISOString(), end: interview.endsAt.toISOString() })),
        ...holds
          .filter((hold) => hold.id !== row.id && hold.spokespersonId === row.spokespersonId && overlaps(candidate, widenBooking({ start: hold.holdStart!.getTime(), end: hold.holdEnd!.getTime() }, buffers)))
          .map((hold) => ({ kind: 'hold' as const, id: hold.id, reference: hold.reference, reporterName: hold.reporterName, reporterOutlet: hold.reporterOutlet, start: hold.holdStart!.toISOString(), end: hold.holdEnd!.toISOString() })),
      ];
      conflictsById.set(row.id, found);
    }
  }
  // How many active holds each reporter has (all spokespeople), so the desk sees who is holding many slots.
  const keyOf = (row: (typeof rows)[number]) => row.reporterEmailKey ?? normalizeEmailKey(row.reporterEmail);
  const holdCounts = await countActiveHoldsByReporter(db, rows.map(keyOf), now);
  // And how often they did not turn up before (interviews recorded as no-shows).
  const noShows = await countNoShowsByContact(db, rows.flatMap((row) => (row.mediaContactId ? [row.mediaContactId] : [])));
  // Booked interviews that the spokesperson's own calendar now shows them busy during.
  const clashes = await findCalendarClashes(db, rows.flatMap((row) => (row.interview && row.spokespersonId ? [{ ...row.interview, spokespersonId: row.spokespersonId }] : [])), now);
  return rows.map((row) => ({
    ...toRequestView(row, { now, spokespeople: peopleById }),
    conflicts: conflictsById.get(row.id) ?? [],
    calendarClash: (row.interview && clashes.get(row.interview.id)) ?? null,
    reporterActiveHolds: holdCounts.get(keyOf(row)) ?? 0,
    reporterNoShows: row.mediaContactId ? (noShows.get(row.mediaContactId) ?? 0) : 0,
  }));
}

/**
 * desk.requests.approve: books the interview (the given start, else the
 * reporter's chosen slot or first proposed time). SLOT_TAKEN when it would
 * overlap another interview or hold (buffers included), time off or a full
 * day, whatever else is approved at the same moment; the request then stays as it was.
 *
 * Idempotent for the same request and time: a retry whose first answer was
 * lost (or two clicks racing) answers the interview already booked at that
 * time. Approving an approved request at another time is INVALID_TRANSITION.
 */
export async function approveRequest(context: WorkflowContext, input: z.output<typeof approveInput>) {
  const request = await context.db.interviewRequest.findUnique({ where: { id: input.requestId }, select: { status: true, spokespersonId: true, requestedStart: true, proposedSlots: true } });
  if (!request) throw new AppError('NOT_FOUND', 'No such request.');
  const reporterProposal = (request.proposedSlots as unknown as StoredProposal[]).find((proposal) => proposal.by === 'reporter');
  const start = input.start ?? request.requestedStart ?? (reporterProposal ? new Date(reporterProposal.start) : null);
  if (request.status === 'approved' && start && (await isBookedAt(context.db, input.requestId, start))) return loadDeskView(context.db, input.requestId, context.now);
  assertRequestTransition(request.status, 'approved', 'approve');
  if (!request.spokespersonId) throw new AppError('VALIDATION_FAILED', 'Assign a spokesperson first (reassign).');
  if (!start) throw new AppError('VALIDATION_FAILED', 'Choose a start time for the interview.');
  try {
    await withBookingLock(context.db, [request.spokespersonId], (tx) =>
      bookInterview(tx, context, { requestId: input.requestId, spokespersonId: request.spokespersonId!, start, formatDetails: input.formatDetails, overrideHours: input.overrideHours, overrideCalendar: input.overrideCalendar, mode: 'desk', action: 'request.approve' }),
    );
  } catch (error) {
    // The same approval racing itself: the one that lost answers what the winner booked.
    if (!(error instanceof AppError && error.code === 'INVALID_TRANSITION' && (await isBookedAt(context.db, input.requestId, start)))) throw error;
  }
  return loadDeskView(context.db, input.requestId, context.now);
}

/** True when the request is approved with a live interview starting at `start`. */
async function isBookedAt(db: Db, requestId: string, start: Date): Promise<boolean> {
  const booked = await db.interview.findUnique({ where: { requestId }, select: { startsAt: true, status: true, request: { select: { status: true } } } });
  return Boolean(booked && booked.request.status === 'approved' && ACTIVE_INTERVIEW_STATUSES.includes(booked.status as never) && booked.startsAt.getTime() === start.getTime());
}

/** desk.requests.decline: with a reason for the reporter; releases any hold. */
export async function declineRequest(context: WorkflowContext, input: z.output<typeof declineInput>) {
  const { db, now } = context;
  const spokespersonId = await db.$transaction(async (tx) => {
    const request = await tx.interviewRequest.findUnique({ where: { id: input.requestId }, select: { status: true, reference: true, reporterEmail: true, reporterLocale: true, spokespersonId: true } });
    if (!request) throw new AppError('NOT_FOUND', 'No such request.');
    assertRequestTransition(request.status, 'declined', 'decline');
    const { count } = await tx.interviewRequest.updateMany({ where: { id: input.requestId, status: request.status }, data: { status: 'declined', statusReason: input.reason, holdStart: null, holdEnd: null, updatedAt: now } });
    if (count !== 1) throw new AppError('INVALID_TRANSITION', 'The request changed meanwhile; reload and try again.');
    await enqueueRequestNotice(tx, context, { kind: 'request_declined', requestId: input.requestId, recipient: request.reporterEmail, subject: reporterNoticeSubject('request_declined', request.reference, mailLanguageOf(request.reporterLocale)), payload: { reason: input.reason } });
    await enqueueRequestEvent(tx, context, 'request.declined', input.requestId);
    await recordAuditEvent({ db: tx, actor: context.actor, action: 'request.decline', entityType: 'request', entityId: input.requestId, before: { status: request.status }, after: { status: 'declined', reason: input.reason }, ip: context.ip, now });
    return request.spokespersonId;
  });
  releaseCachedHold(context, spokespersonId);
  return loadDeskView(db, input.requestId, now);
}

/**
 * desk.requests.propose: offers the reporter other times, possibly with other
 * spokespeople. Each time must be bookable now (it is checked again when the
 * reporter picks). Releases the request's hold.
 */
export async function proposeTimes(context: WorkflowContext, input: z.output<typeof proposeInput>) {
  const { db, now } = context;
  const request = await db.interviewRequest.findUnique({ where: { id: input.requestId }, select: { id: true, status: true, reference: true, reporterEmail: true, reporterLocale: true, spokespersonId: true, durationMinutes: true, format: true } });
  if (!request) throw new AppError('NOT_FOUND', 'No such request.');
  assertRequestTransition(request.status, 'proposed', 'propose times for');
  const proposals: StoredProposal[] = [];
  for (const slot of input.slots) {
    const spokespersonId = slot.spokespersonId ?? request.spokespersonId;
    if (!spokespersonId) throw new AppError('VALIDATION_FAILED', 'Say which spokesperson each time is with.');
    await assertBookable(db, { spokespersonId, start: slot.start, durationMinutes: request.durationMinutes, mode: 'desk', exclude: { requestId: request.id }, now });
    proposals.push({ start: slot.start.toISOString(), end: new Date(slot.start.getTime() + request.durationMinutes * 60_000).toISOString(), spokespersonId, by: 'desk' });
  }
  await db.$transaction(async (tx) => {
    const { count } = await tx.interviewRequest.updateMany({
      where: { id: request.id, status: request.status },
      data: { status: 'proposed', proposedSlots: proposals as never, proposalAutoAccept: input.autoAccept, proposalMessage: input.message ?? null, holdStart: null, holdEnd: null, updatedAt: now },
    });
    if (count !== 1) throw new AppError('INVALID_TRANSITION', 'The request changed meanwhile; reload and try again.');
    await enqueueRequestNotice(tx, context, { kind: 'request_proposed', requestId: request.id, recipient: request.reporterEmail, subject: reporterNoticeSubject('times_proposed', request.reference, mailLanguageOf(request.reporterLocale)), payload: { proposals, message: input.message ?? null } });
    await enqueueRequestEvent(tx, context, 'request.proposed', request.id);
    await recordAuditEvent({ db: tx, actor: context.actor, action: 'request.propose', entityType: 'request', entityId: request.id, before: { status: request.status }, after: { status: 'proposed', proposals, autoAccept: input.autoAccept }, ip: context.ip, now });
  });
  releaseCachedHold(context, request.spokespersonId);
  return loadDeskView(db, request.id, now);
}

/**
 * desk.requests.reassign: gives the request to another spokesperson (optionally
 * at another time). The old hold is released; a hold is placed for the new
 * spokesperson when they use holds and the time is free.
 */
export async function reassignRequest(context: WorkflowContext, input: z.output<typeof reassignInput>) {
  const { db, now } = context;
  const before = await db.interviewRequest.findUnique({ where: { id: input.requestId }, select: { status: true, spokespersonId: true, requestedStart: true, durationMinutes: true, format: true, language: true, deadline: true } });
  if (!before) throw new AppError('NOT_FOUND', 'No such request.');
  assertRequestTransition(before.status, 'pending', 'reassign');
  const target = await db.spokesperson.findFirst({ where: { id: input.spokespersonId, active: true }, select: { id: true, name: true, holdSlots: true, formats: true, allowedDurations: true, minimumNoticeMinutes: true } });
  if (!target) throw new AppError('NOT_FOUND', 'No such spokesperson, or they no longer give interviews.');
  if (!(target.allowedDurations as number[]).includes(before.durationMinutes)) {
    throw new AppError('VALIDATION_FAILED', `${target.name} gives interviews of ${(target.allowedDurations as number[]).join(', ')} minutes, not ${before.durationMinutes}.`);
  }
  const start = input.start ?? before.requestedStart;
  await withBookingLock(db, [before.spokespersonId, target.id], async (tx) => {
    const current = await tx.interviewRequest.findUniqueOrThrow({ where: { id: input.requestId }, select: { status: true } });
    assertRequestTransition(current.status, 'pending', 'reassign');
    let hold: { holdStart: Date | null; holdEnd: Date | null; holdExpiresAt: Date | null } = { holdStart: null, holdEnd: null, holdExpiresAt: null };
    if (start) {
      // The time must suit the new spokesperson (their hours unless the desk
      // overrides them, no clash, not away), so the queue never shows a request
      // that cannot be approved as it stands.
      await assertBookable(tx, { spokespersonId: target.id, start, durationMinutes: before.durationMinutes, mode: 'desk', overrideHours: input.overrideHours, exclude: { requestId: input.requestId }, now });
      // The same bound as a reporter's hold (hold-policy.ts).
      const holdExpiresAt = target.holdSlots ? holdExpiry({ now, start, deadline: before.deadline, minimumNoticeMinutes: target.minimumNoticeMinutes, maxMs: context.config.holds.maxMs }) : null;
      if (holdExpiresAt) hold = { holdStart: start, holdEnd: new Date(start.getTime() + before.durationMinutes * 60_000), holdExpiresAt };
    }
    const { count } = await tx.interviewRequest.updateMany({
      where: { id: input.requestId, status: current.status },
      data: { status: 'pending', spokespersonId: target.id, requestedStart: start, anySpokesperson: false, ...hold, updatedAt: now },
    });
    if (count !== 1) throw new AppError('INVALID_TRANSITION', 'The request changed meanwhile; reload and try again.');
    await recordAuditEvent({ db: tx, actor: context.actor, action: 'request.reassign', entityType: 'request', entityId: input.requestId, before: { status: current.status, spokespersonId: before.spokespersonId, requestedStart: before.requestedStart }, after: { status: 'pending', spokespersonId: target.id, requestedStart: start, hold: hold.holdStart }, ip: context.ip, now });
  });
  return loadDeskView(db, input.requestId, now);
}

/** Releasing a hold frees time in the slot answers: drop that spokesperson's cached calendar. */
function releaseCachedHold(context: WorkflowContext, spokespersonId: string | null) {
  if (spokespersonId) invalidateCalendars(context.db, [spokespersonId]);
}
