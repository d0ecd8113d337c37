// A reporter moving their interview to another free slot, and the desk's
// answer when a confirmed interview's move needs approval. Every step runs
// under the spokesperson's booking lock (booking.ts), so a move can never take
// a time someone else holds or has booked meanwhile.
import type { z } from 'zod';
import type { Tx } from '../db';
import type { Config } from '../env';
import { AppError } from '../errors';
import { recordAuditEvent } from '../audit/record-audit-event';
import { assertBookable, localDateOf, withBookingLock } from './booking';
import { authenticateReporter } from './reporter-actions';
import { enqueueInviteMessages, enqueueRequestNotice } from './notify';
import { enqueueRequestEvent } from '../webhooks/enqueue-deliveries';
import { ACTIVE_INTERVIEW_STATUSES, assertInterviewTransition } from './state';
import type { WorkflowContext } from './context';
import type { approveMoveInput, declineMoveInput, reporterMoveInput } from './schema';

type MoveContext = WorkflowContext & { config: WorkflowContext['config'] & Partial<Pick<Config, 'reporterMoves'>> };

/** What requests.move did: replaced the pending request's time, moved the interview, or asked the desk. */
export type MoveOutcome = 'request_moved' | 'interview_moved' | 'move_requested';

/**
 * requests.move: the reporter asks for another of the spokesperson's free slots.
 * - pending: the requested time is replaced, its hold moves with it;
 * - approved (confirmed interview): with REPORTER_MOVES=approval (default) the
 *   new time is held and the desk is asked (desk.requests.approveMove books
 *   it); with REPORTER_MOVES=direct the interview moves at once (same invite
 *   UID, SEQUENCE + 1, updated invites to both attendees).
 * SLOT_TAKEN when the new time is taken or held by anyone else (the request's
 * own hold and interview do not count); VALIDATION_FAILED when it is not one
 * of the offered slots; INVALID_TRANSITION in any other state.
 */
export async function moveRequestAsReporter(context: MoveContext, input: z.output<typeof reporterMoveInput>): Promise<{ outcome: MoveOutcome }> {
  const { id, mediaContactId } = await authenticateReporter(context.db, input);
  const reporterContext: WorkflowContext = { ...context, actor: { type: 'reporter', id: mediaContactId ?? undefined } };
  const { now } = context;
  const current = await context.db.interviewRequest.findUniqueOrThrow({ where: { id }, select: { spokespersonId: true } });
  if (!current.spokespersonId) throw new AppError('INVALID_TRANSITION', 'The press office has not chosen a spokesperson yet; wait for their answer.');
  return withBookingLock(context.db, [current.spokespersonId], async (tx) => {
    const request = await tx.interviewRequest.findUniqueOrThrow({
      where: { id },
      select: { status: true, reference: true, durationMinutes: true, spokespersonId: true, requestedStart: true, holdStart: true, spokesperson: { select: { holdSlots: true } }, interview: { select: { id: true, status: true, startsAt: true } } },
    });
    const spokespersonId = request.spokespersonId!;
    const end = new Date(input.start.getTime() + request.durationMinutes * 60_000);
    if (request.status === 'pending') {
      await assertBookable(tx, { spokespersonId, start: input.start, durationMinutes: request.durationMinutes, mode: 'reporter', exclude: { requestId: id }, now });
      const hold = request.spokesperson?.holdSlots ? { holdStart: input.start, holdEnd: end } : { holdStart: null, holdEnd: null };
      const { count } = await tx.interviewRequest.updateMany({ where: { id, status: 'pending' }, data: { requestedStart: input.start, ...hold, updatedAt: now } });
      if (count !== 1) throw new AppError('INVALID_TRANSITION', 'The request changed meanwhile; reload and try again.');
      await recordAuditEvent({ db: tx, actor: reporterContext.actor, action: 'request.move', entityType: 'request', entityId: id, before: { requestedStart: request.requestedStart, hold: request.holdStart }, after: { requestedStart: input.start, hold: hold.holdStart }, ip: context.ip, now });
      return { outcome: 'request_moved' };
    }
    const interview = request.interview;
    if (request.status !== 'approved' || !interview || !ACTIVE_INTERVIEW_STATUSES.includes(interview.status as never)) {
      throw new AppError('INVALID_TRANSITION', `Cannot move a request that is ${request.status}.`, { details: { from: request.status } });
    }
    assertInterviewTransition(interview.status, 'rescheduled', 'move');
    await assertBookable(tx, { spokespersonId, start: input.start, durationMinutes: request.durationMinutes, mode: 'reporter', exclude: { interviewId: interview.id, requestId: id }, now });
    if (context.config.reporterMoves === 'direct') {
      await moveInterview(tx, reporterContext, { requestId: id, interviewId: interview.id, start: input.start, action: 'interview.move_by_reporter' });
      return { outcome: 'interview_moved' };
    }
    await tx.interviewRequest.update({ where: { id }, data: { moveStart: input.start, moveRequestedAt: now, holdStart: input.start, holdEnd: end, updatedAt: now } });
    await enqueueRequestNotice(tx, reporterContext, { kind: 'move_requested', requestId: id, recipient: context.config.mailFrom, subject: `${request.reference}: the reporter asks to move the interview`, payload: { from: interview.startsAt.toISOString(), to: input.start.toISOString() } });
    await recordAuditEvent({ db: tx, actor: reporterContext.actor, action: 'request.ask_move', entityType: 'request', entityId: id, before: { start: interview.startsAt }, after: { moveStart: input.start }, ip: context.ip, now });
    return { outcome: 'move_requested' };
  });
}

/** Moves a booked interview to `start` (already checked bookable inside this lock): same UID, SEQUENCE + 1, invites to both. */
async function moveInterview(tx: Tx, context: WorkflowContext, options: { requestId: string; interviewId: string; start: Date; action: string }) {
  const { now } = context;
  const interview = await tx.interview.findUniqueOrThrow({ where: { id: options.interviewId }, select: { status: true, startsAt: true, endsAt: true, inviteSequence: true, spokesperson: { select: { timeZone: true } } } });
  const end = new Date(options.start.getTime() + (interview.endsAt.getTime() - interview.startsAt.getTime()));
  const sequence = interview.inviteSequence + 1;
  const { count } = await tx.interview.updateMany({
    where: { id: options.interviewId, status: interview.status, inviteSequence: interview.inviteSequence },
    data: { status: 'rescheduled', startsAt: options.start, endsAt: end, localDate: localDateOf(options.start, interview.spokesperson.timeZone), inviteSequence: sequence, updatedAt: now },
  });
  if (count !== 1) throw new AppError('INVALID_TRANSITION', 'The interview changed meanwhile; reload and try again.');
  await tx.interviewRequest.update({ where: { id: options.requestId }, data: { moveStart: null, moveRequestedAt: null, holdStart: null, holdEnd: null, updatedAt: now } });
  await enqueueInviteMessages(tx, context, { interviewId: options.interviewId, method: 'REQUEST', sequence });
  await enqueueRequestEvent(tx, context, 'interview.rescheduled', options.requestId, { previous: { start: interview.startsAt.toISOString(), end: interview.endsAt.toISOString() } });
  await recordAuditEvent({ db: tx, actor: context.actor, action: options.action, entityType: 'interview', entityId: options.interviewId, before: { status: interview.status, start: interview.startsAt, end: interview.endsAt, sequence: interview.inviteSequence }, after: { status: 'rescheduled', start: options.start, end, sequence }, ip: context.ip, now });
}

async function loadMove(context: WorkflowContext, requestId: string) {
  const request = await context.db.interviewRequest.findUnique({ where: { id: requestId }, select: { spokespersonId: true, moveStart: true } });
  if (!request) throw new AppError('NOT_FOUND', 'No such request.');
  if (!request.moveStart || !request.spokespersonId) throw new AppError('INVALID_TRANSITION', 'The reporter has not asked to move this interview.');
  return request as { spokespersonId: string; moveStart: Date };
}

/**
 * desk.requests.approveMove: books the time the reporter asked for. The
 * interview keeps its invite UID; SEQUENCE + 1 and updated invites go to both
 * attendees. SLOT_TAKEN if the time is no longer free (the move stays asked).
 */
export async function approveMove(context: WorkflowContext, input: z.output<typeof approveMoveInput>) {
  const move = await loadMove(context, input.requestId);
  await withBookingLock(context.db, [move.spokespersonId], async (tx) => {
    const request = await tx.interviewRequest.findUniqueOrThrow({ where: { id: input.requestId }, select: { moveStart: true, durationMinutes: true, interview: { select: { id: true, status: true } } } });
    if (!request.moveStart || !request.interview) throw new AppError('INVALID_TRANSITION', 'The reporter has not asked to move this interview.');
    assertInterviewTransition(request.interview.status, 'rescheduled', 'move');
    await assertBookable(tx, { spokespersonId: move.spokespersonId, start: request.moveStart, durationMinutes: request.durationMinutes, mode: 'desk', exclude: { interviewId: request.interview.id, requestId: input.requestId }, now: context.now });
    await moveInterview(tx, context, { requestId: input.requestId, interviewId: request.interview.id, start: request.moveStart, action: 'interview.approve_move' });
  });
}

/** desk.requests.declineMove: the interview keeps its time; the held new time is released. */
export async function declineMove(context: WorkflowContext, input: z.output<typeof declineMoveInput>) {
  const move = await loadMove(context, input.requestId);
  await withBookingLock(context.db, [move.spokespersonId], async (tx) => {
    const { count } = await tx.interviewRequest.updateMany({ where: { id: input.requestId, moveStart: { not: null } }, data: { moveStart: null, moveRequestedAt: null, holdStart: null, holdEnd: null, updatedAt: context.now } });
    if (count !== 1) throw new AppError('INVALID_TRANSITION', 'The reporter has not asked to move this interview.');
    await recordAuditEvent({ db: tx, actor: context.actor, action: 'request.decline_move', entityType: 'request', entityId: input.requestId, before: { moveStart: move.moveStart }, after: { moveStart: null, reason: input.reason ?? null }, ip: context.ip, now: context.now });
  });
}
