// How requests are shown: to the reporter (requests.get) and to the desk
// (desk.requests.list). Every time is given as an instant and as local times
// in both parties' zones, each with its offset (DESIGN.md rule 1).
import { DateTime } from 'luxon';
import type { Prisma } from '../generated/sqlite/client';

export const requestViewSelect = {
  id: true,
  reference: true,
  status: true,
  statusReason: true,
  cancelledBy: true,
  topic: true,
  questions: true,
  format: true,
  language: true,
  durationMinutes: true,
  attribution: true,
  deadline: true,
  requestedStart: true,
  proposedSlots: true,
  proposalAutoAccept: true,
  proposalMessage: true,
  holdStart: true,
  holdEnd: true,
  moveStart: true,
  moveRequestedAt: true,
  anySpokesperson: true,
  reporterName: true,
  reporterEmail: true,
  reporterOutlet: true,
  reporterRole: true,
  reporterPhone: true,
  reporterWhatsapp: true,
  reporterTimeZone: true,
  reporterLocale: true,
  releaseId: true,
  underEmbargo: true,
  embargoAcceptedAt: true,
  release: { select: { title: true, embargoUntil: true } },
  createdAt: true,
  updatedAt: true,
  spokesperson: { select: { id: true, name: true, timeZone: true } },
  interview: { select: { id: true, startsAt: true, endsAt: true, status: true, inviteUid: true, inviteSequence: true, formatDetails: true } },
} satisfies Prisma.InterviewRequestSelect;

type RequestRow = Prisma.InterviewRequestGetPayload<{ select: typeof requestViewSelect }>;

export interface StoredProposal {
  start: string;
  end: string;
  spokespersonId: string;
  by: 'reporter' | 'desk';
}

/** An instant as UTC and as local times for the reporter and the spokesperson. */
export function inZones(instant: Date, reporterTimeZone: string, spokespersonTimeZone: string | undefined) {
  return {
    utc: instant.toISOString(),
    reporter: DateTime.fromJSDate(instant, { zone: reporterTimeZone }).toISO({ suppressMilliseconds: true })!,
    spokesperson: spokespersonTimeZone ? DateTime.fromJSDate(instant, { zone: spokespersonTimeZone }).toISO({ suppressMilliseconds: true })! : null,
  };
}

export function toRequestView(row: RequestRow, options: { now: Date; spokespeople?: Map<string, { name: string; timeZone: string }> }) {
  const zone = row.spokesperson?.timeZone;
  const span = (start: Date, end: Date, timeZone = zone) => ({ start: inZones(start, row.reporterTimeZone, timeZone), end: inZones(end, row.reporterTimeZone, timeZone) });
  const proposals = (row.proposedSlots as unknown as StoredProposal[]).map((proposal, index) => {
    const person = options.spokespeople?.get(proposal.spokespersonId);
    return {
      index,
      by: proposal.by,
      spokespersonId: proposal.spokespersonId,
      spokespersonName: person?.name ?? (proposal.spokespersonId === row.spokesperson?.id ? row.spokesperson.name : null),
      ...span(new Date(proposal.start), new Date(proposal.end), person?.timeZone ?? zone),
    };
  });
  const durationMs = row.durationMinutes * 60_000;
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    statusReason: row.statusReason,
    cancelledBy: row.cancelledBy,
    topic: row.topic,
    questions: row.questions,
    format: row.format,
    language: row.language,
    durationMinutes: row.durationMinutes,
    attribution: row.attribution,
    deadline: inZones(row.deadline, row.reporterTimeZone, zone),
    /** Negative once the deadline has passed. */
    minutesToDeadline: Math.floor((row.deadline.getTime() - options.now.getTime()) / 60_000),
    reporter: {
      name: row.reporterName,
      email: row.reporterEmail,
      outlet: row.reporterOutlet,
      role: row.reporterRole,
      phone: row.reporterPhone,
      whatsapp: row.reporterWhatsapp,
      timeZone: row.reporterTimeZone,
      /** The language of the reporter's pages and emails. */
      locale: row.reporterLocale,
    },
    spokesperson: row.spokesperson,
    anySpokesperson: row.anySpokesperson,
    releaseId: row.releaseId,
    release: row.release ? { title: row.release.title, embargoUntil: row.release.embargoUntil?.toISOString() ?? null } : null,
    /** Made through the release's preview link before its embargo lifted; the terms were accepted at embargoAcceptedAt. */
    underEmbargo: row.underEmbargo,
    embargoAcceptedAt: row.embargoAcceptedAt?.toISOString() ?? null,
    requested: row.requestedStart ? span(row.requestedStart, new Date(row.requestedStart.getTime() + durationMs)) : null,
    proposals,
    proposalAutoAccept: row.proposalAutoAccept,
    proposalMessage: row.proposalMessage,
    hold: row.holdStart && row.holdEnd ? span(row.holdStart, row.holdEnd) : null,
    /** The new time the reporter asked to move their confirmed interview to, awaiting the desk. */
    move: row.moveStart ? { ...span(row.moveStart, new Date(row.moveStart.getTime() + durationMs)), requestedAt: row.moveRequestedAt?.toISOString() ?? null } : null,
    interview: row.interview
      ? {
          id: row.interview.id,
          status: row.interview.status,
          inviteUid: row.interview.inviteUid,
          inviteSequence: row.interview.inviteSequence,
          formatDetails: row.interview.formatDetails,
          ...span(row.interview.startsAt, row.interview.endsAt),
        }
      : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type RequestView = ReturnType<typeof toRequestView>;
