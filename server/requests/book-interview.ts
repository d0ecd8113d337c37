// Turning a request into a confirmed interview, shared by the desk's approve
// and the reporter's pick of a proposal that books at once. Runs inside
// withBookingLock (server/requests/booking.ts).
import { randomUUID } from 'node:crypto';
import type { Tx } from '../db';
import type { Prisma } from '../generated/sqlite/client';
import { AppError } from '../errors';
import { recordAuditEvent } from '../audit/record-audit-event';
import { assertBookable, calendarConflicts, isUniqueViolation, localDateOf } from './booking';
import { enqueueInviteMessages } from './notify';
import { enqueueRequestEvent } from '../webhooks/enqueue-deliveries';
import { assertRequestTransition } from './state';
import { hostOf, type WorkflowContext } from './context';
import type { FormatDetails } from './schema';

export async function bookInterview(
  tx: Tx,
  context: WorkflowContext,
  options: {
    requestId: string;
    spokespersonId: string;
    start: Date;
    formatDetails?: FormatDetails;
    overrideHours?: boolean;
    overrideCalendar?: boolean;
    mode: 'desk' | 'reporter';
    action: string;
  },
) {
  const { now } = context;
  const request = await tx.interviewRequest.findUnique({
    where: { id: options.requestId },
    select: { id: true, status: true, reference: true, durationMinutes: true, format: true, formatDetails: true, spokespersonId: true, holdStart: true },
  });
  if (!request) throw new AppError('NOT_FOUND', 'No such request.');
  assertRequestTransition(request.status, 'approved', options.action === 'request.approve' ? 'approve' : 'book');
  const calendar = await assertBookable(tx, {
    spokespersonId: options.spokespersonId,
    start: options.start,
    durationMinutes: request.durationMinutes,
    mode: options.mode === 'desk' ? 'desk' : 'reporter',
    overrideHours: options.overrideHours,
    overrideCalendar: options.overrideCalendar,
    exclude: { requestId: request.id },
    // A reporter picking the desk's own proposal is not held to notice and grid: the desk chose the time.
    now,
  });
  // An override of the spokesperson's own calendar is recorded with what it overrode.
  const overridden = options.overrideCalendar ? calendarConflicts(calendar, { start: options.start, durationMinutes: request.durationMinutes }) : [];
  const id = randomUUID();
  const end = new Date(options.start.getTime() + request.durationMinutes * 60_000);
  const formatDetails = (options.formatDetails ?? request.formatDetails ?? {}) as Prisma.InputJsonValue;
  // The request row first, conditional on the status read above: this also
  // locks it, so of two transactions booking the same request under different
  // spokespeople' locks (two tabs picking different proposals), the second
  // waits here, then finds the status changed: INVALID_TRANSITION, never a
  // unique-index error on Interview.requestId. A concurrent decline cannot be
  // overwritten either.
  const { count } = await tx.interviewRequest.updateMany({
    where: { id: request.id, status: request.status },
    data: { status: 'approved', spokespersonId: options.spokespersonId, holdStart: null, holdEnd: null, formatDetails, updatedAt: now },
  });
  if (count !== 1) throw new AppError('INVALID_TRANSITION', 'The request changed while it was being approved; reload and try again.');
  let interview;
  try {
    interview = await tx.interview.create({
      data: {
        id,
        requestId: request.id,
        spokespersonId: options.spokespersonId,
        startsAt: options.start,
        endsAt: end,
        bufferBeforeMinutes: calendar.engine.bufferBeforeMinutes,
        bufferAfterMinutes: calendar.engine.bufferAfterMinutes,
        localDate: localDateOf(options.start, calendar.timeZone),
        format: request.format,
        formatDetails,
        status: 'confirmed',
        inviteUid: `${id}@${hostOf(context.config.publicUrl)}`,
        inviteSequence: 0,
        createdAt: now,
      },
      select: { id: true, startsAt: true, endsAt: true, inviteUid: true, inviteSequence: true, spokespersonId: true, status: true },
    });
  } catch (error) {
    // Belt and braces: the request already has its interview (Interview.requestId is unique).
    if (isUniqueViolation(error)) throw new AppError('INVALID_TRANSITION', 'This request was booked meanwhile; reload to see the interview.', { cause: error });
    throw error;
  }
  await enqueueInviteMessages(tx, context, { interviewId: interview.id, method: 'REQUEST', sequence: 0 });
  await enqueueRequestEvent(tx, context, 'request.approved', request.id);
  await recordAuditEvent({
    db: tx,
    actor: context.actor,
    action: options.action,
    entityType: 'request',
    entityId: request.id,
    before: { status: request.status, spokespersonId: request.spokespersonId, hold: request.holdStart },
    after: {
      status: 'approved',
      interviewId: interview.id,
      spokespersonId: options.spokespersonId,
      start: interview.startsAt,
      end: interview.endsAt,
      ...(overridden.length ? { overrideCalendar: overridden.map((busy) => ({ calendar: busy.calendar, start: new Date(busy.start).toISOString(), end: new Date(busy.end).toISOString() })) } : {}),
    },
    ip: context.ip,
    now,
  });
  return interview;
}
