// What a reporter can do with their reference and manage token.
import type { z } from 'zod';
import type { Db, Tx } from '../db';
import { AppError } from '../errors';
import { recordAuditEvent } from '../audit/record-audit-event';
import { withBookingLock } from './booking';
import { bookInterview } from './book-interview';
import { matchesManageToken } from './manage-token';
import { normalizeReference } from './reference';
import { enqueueInviteMessages, enqueueRequestNotice } from './notify';
import { toRequestView, requestViewSelect, type StoredProposal } from './request-view';
import { assertInterviewTransition, assertRequestTransition } from './state';
import type { WorkflowContext } from './context';
import { googleCalendarUrl, outlookCalendarUrl } from '../invites/calendar-links';
import type { manageInput, pickProposalInput, reporterCancelInput } from './schema';
import { enqueueRequestAlert, enqueueRequestEvent } from '../webhooks/enqueue-deliveries';

// One answer for "no such reference" and "wrong token", so the API never
// tells a guesser which references exist.
const NOT_FOUND_MESSAGE = 'No request matches this reference and link. Check the link in your confirmation email.';

/** The request behind a reference, if the token is its own; NOT_FOUND otherwise (same answer either way). */
export async function authenticateReporter(db: Db | Tx, input: z.output<typeof manageInput>): Promise<{ id: string; mediaContactId: string | null }> {
  const row = await db.interviewRequest.findUnique({
    where: { reference: normalizeReference(input.reference) },
    select: { id: true, manageTokenHash: true, mediaContactId: true },
  });
  // Compare even when there is no row, so both cases take the same time.
  const valid = matchesManageToken(input.token, row?.manageTokenHash ?? '0'.repeat(64));
  if (!row || !valid) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
  return { id: row.id, mediaContactId: row.mediaContactId };
}

async function loadView(db: Db | Tx, requestId: string, now: Date) {
  const row = await db.interviewRequest.findUniqueOrThrow({ where: { id: requestId }, select: requestViewSelect });
  const ids = [...new Set((row.proposedSlots as unknown as StoredProposal[]).map((proposal) => proposal.spokespersonId))];
  const people = ids.length ? await db.spokesperson.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, timeZone: true } }) : [];
  return toRequestView(row, { now, spokespeople: new Map(people.map((person) => [person.id, person])) });
}

/** "Add to calendar" for a booked interview: the .ics download and Google / Outlook.com links, in UTC. */
function calendarLinks(view: Awaited<ReturnType<typeof loadView>>, publicUrl: string, token: string) {
  const interview = view.interview;
  if (!interview || (interview.status !== 'confirmed' && interview.status !== 'rescheduled')) return null;
  const event = {
    title: `Interview: ${view.spokesperson?.name ?? 'spokesperson'} – ${view.reporter.outlet}`,
    start: new Date(interview.start.utc),
    end: new Date(interview.end.utc),
    details: `${view.topic}\nReference ${view.reference}`,
  };
  return {
    ics: `${publicUrl}/invites/${encodeURIComponent(interview.inviteUid)}.ics?token=${encodeURIComponent(token)}`,
    google: googleCalendarUrl(event),
    outlook: outlookCalendarUrl(event),
  };
}

/** requests.get: the reporter's view of their own request, with "add to calendar" links once booked. */
export async function getRequestForReporter(context: Pick<WorkflowContext, 'db' | 'now' | 'config'>, input: z.output<typeof manageInput>) {
  const { id } = await authenticateReporter(context.db, input);
  const view = await loadView(context.db, id, context.now);
  // The reporter sees their request, not the desk's internal fields.
  const { hold: _hold, ...rest } = view;
  return { ...rest, calendar: calendarLinks(view, context.config.publicUrl, input.token) };
}

/**
 * requests.cancel: the reporter withdraws. A pending or proposed request is
 * cancelled (its hold released); an approved one cancels its interview too
 * (iCalendar CANCEL to both attendees). The press office is told.
 */
export async function cancelRequestAsReporter(context: WorkflowContext, input: z.output<typeof reporterCancelInput>) {
  const { id, mediaContactId } = await authenticateReporter(context.db, input);
  const reporterContext: WorkflowContext = { ...context, actor: { type: 'reporter', id: mediaContactId ?? undefined } };
  const current = await context.db.interviewRequest.findUniqueOrThrow({ where: { id }, select: { spokespersonId: true } });
  await withBookingLock(context.db, [current.spokespersonId], async (tx) => {
    const request = await tx.interviewRequest.findUniqueOrThrow({
      where: { id },
      select: { id: true, status: true, reference: true, interview: { select: { id: true, status: true, inviteSequence: true } } },
    });
    assertRequestTransition(request.status, 'cancelled', 'cancel');
    if (request.interview) {
      assertInterviewTransition(request.interview.status, 'cancelled', 'cancel');
      const sequence = request.interview.inviteSequence + 1;
      await tx.interview.update({ where: { id: request.interview.id }, data: { status: 'cancelled', inviteSequence: sequence, updatedAt: context.now } });
      await enqueueInviteMessages(tx, reporterContext, { interviewId: request.interview.id, method: 'CANCEL', sequence });
    }
    const { count } = await tx.interviewRequest.updateMany({
      where: { id, status: request.status },
      data: { status: 'cancelled', cancelledBy: 'reporter', statusReason: input.reason ?? null, holdStart: null, holdEnd: null, updatedAt: context.now },
    });
    if (count !== 1) throw new AppError('INVALID_TRANSITION', 'The request changed meanwhile; reload and try again.');
    await enqueueRequestNotice(tx, reporterContext, {
      kind: 'request_cancelled',
      requestId: id,
      recipient: context.config.mailFrom,
      subject: `Cancelled by the reporter: ${request.reference}`,
      payload: { cancelledBy: 'reporter', reason: input.reason ?? null },
    });
    await enqueueRequestEvent(tx, context, request.interview ? ['request.cancelled', 'interview.cancelled'] : 'request.cancelled', id);
    await recordAuditEvent({ db: tx, actor: reporterContext.actor, action: 'request.cancel', entityType: 'request', entityId: id, before: { status: request.status }, after: { status: 'cancelled', cancelledBy: 'reporter' }, ip: context.ip, now: context.now });
  });
  return loadView(context.db, id, context.now);
}

/**
 * requests.pickProposal: the reporter chooses one of the press office's
 * proposed times. Books it at once when the proposal says so (SLOT_TAKEN if it
 * was taken meanwhile, the request stays proposed), otherwise the request goes
 * back to the desk as pending with that time.
 */
export async function pickProposal(context: WorkflowContext, input: z.output<typeof pickProposalInput>) {
  const { id, mediaContactId } = await authenticateReporter(context.db, input);
  const reporterContext: WorkflowContext = { ...context, actor: { type: 'reporter', id: mediaContactId ?? undefined } };
  const current = await context.db.interviewRequest.findUniqueOrThrow({ where: { id }, select: { proposedSlots: true, status: true } });
  const proposals = current.proposedSlots as unknown as StoredProposal[];
  const proposal = proposals[input.index];
  if (current.status !== 'proposed' || !proposal || proposal.by !== 'desk') {
    if (current.status !== 'proposed') assertRequestTransition(current.status, 'approved', 'pick a time for');
    throw new AppError('VALIDATION_FAILED', `There is no proposed time number ${input.index + 1}.`);
  }
  const start = new Date(proposal.start);
  await withBookingLock(context.db, [proposal.spokespersonId], async (tx) => {
    const request = await tx.interviewRequest.findUniqueOrThrow({ where: { id }, select: { status: true, proposalAutoAccept: true, reference: true } });
    assertRequestTransition(request.status, request.proposalAutoAccept ? 'approved' : 'pending', 'pick a time for');
    if (request.proposalAutoAccept) {
      // The desk chose these times (hours were its call); conflicts, time off and the daily cap are checked now.
      await bookInterview(tx, reporterContext, { requestId: id, spokespersonId: proposal.spokespersonId, start, mode: 'desk', overrideHours: true, action: 'request.pick_proposal' });
    } else {
      const { count } = await tx.interviewRequest.updateMany({
        where: { id, status: 'proposed' },
        data: { status: 'pending', spokespersonId: proposal.spokespersonId, requestedStart: start, updatedAt: context.now },
      });
      if (count !== 1) throw new AppError('INVALID_TRANSITION', 'The request changed meanwhile; reload and try again.');
      await recordAuditEvent({ db: tx, actor: reporterContext.actor, action: 'request.pick_proposal', entityType: 'request', entityId: id, before: { status: 'proposed' }, after: { status: 'pending', requestedStart: start, spokespersonId: proposal.spokespersonId }, ip: context.ip, now: context.now });
    }
    await enqueueRequestNotice(tx, reporterContext, {
      kind: 'proposal_picked',
      requestId: id,
      recipient: context.config.mailFrom,
      // No time in the subject: the desk reads it in the body, in named zones (a raw UTC instant helped nobody).
      subject: `${request.reference}: the reporter picked a proposed time${request.proposalAutoAccept ? ' (booked)' : ' (to approve)'}`,
      payload: { index: input.index, start: proposal.start, booked: request.proposalAutoAccept },
    });
    await enqueueRequestAlert(tx, context, { type: 'request.proposal_picked', requestId: id, booked: request.proposalAutoAccept });
  });
  return loadView(context.db, id, context.now);
}
