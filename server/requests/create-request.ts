// requests.create: a reporter asks for an interview.
import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Tx } from '../db';
import { AppError } from '../errors';
import { recordAuditEvent } from '../audit/record-audit-event';
import { assertWithinLimits, recordEvents } from '../rate-limit/rate-limit';
import { coversTopic, speaksLanguage } from '../availability/find-free-slots';
import { getServerSecret } from '../secrets';
import { enqueueMessages } from '../outbox/enqueue-message';
import { getCalendarCache } from '../availability/calendar-cache';
import { assertBookable, checkBookable, isUniqueViolation, withBookingLock } from './booking';
import { deriveManageToken, hashManageToken, manageUrl } from './manage-token';
import { createReference } from './reference';
import { hostOf, type WorkflowContext } from './context';
import type { createRequestInput } from './schema';
import { buildFacets, findErasedValues, nationalFormOf } from '../contacts/contact-record';
import { buildContactSearchText, foldForSearch } from '../contacts/search-text';

type CreateRequestInput = z.output<typeof createRequestInput>;

export interface CreatedRequest {
  requestId: string;
  reference: string;
  /** The reporter's secret for requests.get/cancel/pickProposal; shown to them, never stored. */
  manageToken: string;
  manageUrl: string;
  status: string;
  spokespersonId: string | null;
  /** True when this answer is a replay of an earlier call with the same idempotency key. */
  replayed: boolean;
}

const HOUR_MS = 3_600_000;

function fingerprintOf(input: CreateRequestInput): string {
  const { idempotencyKey: _key, ...rest } = input;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}

/**
 * Creates an interview request after checking it against the spokesperson's
 * current availability, formats and languages. Idempotent: a second call with
 * the same idempotency key and the same content returns the first answer
 * (CONFLICT if the content differs). Rate-limited per IP and per email.
 * Links or creates the media contact by email (case-insensitive), holds the
 * slot when the spokesperson asks for holds, and queues the confirmation to
 * the reporter and the notice to the press office in the same transaction.
 */
export async function createRequest(context: WorkflowContext, input: CreateRequestInput): Promise<CreatedRequest> {
  const fingerprint = fingerprintOf(input);
  const replay = await findReplay(context, input.idempotencyKey, fingerprint);
  if (replay) return replay;

  const { db, now, config } = context;
  if (input.deadline.getTime() <= now.getTime()) {
    throw new AppError('VALIDATION_FAILED', 'The deadline has already passed; give a deadline in the future.');
  }
  const ip = context.ip ?? 'unknown';
  await assertWithinLimits(
    db,
    [
      { bucket: 'request-ip', key: ip, limit: config.requestLimits.perIpPerHour, windowMs: HOUR_MS },
      { bucket: 'request-email', key: input.reporter.email, limit: config.requestLimits.perEmailPerHour, windowMs: HOUR_MS },
    ],
    now,
    'Too many interview requests from you in the last hour. Please wait, or contact the press office directly.',
  );

  const starts = input.start ? [input.start] : input.proposedStarts!;
  const spokesperson = await chooseSpokesperson(context, input, starts);
  const secret = await getServerSecret(db);

  for (let attempt = 0; ; attempt++) {
    try {
      // Only a hold writes to the spokesperson's calendar; then the check must be
      // fresh and under the booking lock. Without a hold the check is advice, made
      // against the calendar already read in chooseSpokesperson.
      const created = await withBookingLock(db, spokesperson.holds ? [spokesperson.id] : [], async (tx) => {
        if (spokesperson.holds) {
          for (const start of starts) {
            await assertBookable(tx, { spokespersonId: spokesperson.id, start, durationMinutes: input.durationMinutes, mode: 'reporter', now });
          }
        }
        return insertRequest(tx, context, input, { spokesperson, fingerprint, secret, referenceLength: attempt < 3 ? 4 : 6 });
      });
      await recordEvents(db, [{ bucket: 'request-ip', key: ip }, { bucket: 'request-email', key: input.reporter.email }], now);
      return created;
    } catch (error) {
      // A concurrent call with the same key committed first (its hold may be what
      // made this one SLOT_TAKEN): answer as it did.
      const slotTaken = error instanceof AppError && error.code === 'SLOT_TAKEN';
      if (!isUniqueViolation(error) && !slotTaken) throw error;
      const concurrent = await findReplay(context, input.idempotencyKey, fingerprint);
      if (concurrent) return concurrent;
      // A reference or contact-email collision: try again (new reference, existing contact).
      if (slotTaken || attempt >= 5) throw error;
    }
  }
}

async function findReplay(context: WorkflowContext, idempotencyKey: string, fingerprint: string): Promise<CreatedRequest | null> {
  const existing = await context.db.interviewRequest.findUnique({
    where: { idempotencyKey },
    select: { id: true, reference: true, status: true, spokespersonId: true, requestFingerprint: true },
  });
  if (!existing) return null;
  if (existing.requestFingerprint !== fingerprint) {
    throw new AppError('CONFLICT', 'This idempotency key was already used for a different request. Use a new key for a new request.');
  }
  const token = deriveManageToken(await getServerSecret(context.db), existing.id);
  return {
    requestId: existing.id,
    reference: existing.reference,
    manageToken: token,
    manageUrl: manageUrl(context.config.publicUrl, existing.reference, token),
    status: existing.status,
    spokespersonId: existing.spokespersonId,
    replayed: true,
  };
}

interface ChosenSpokesperson {
  id: string;
  name: string;
  email: string;
  holds: boolean;
  any: boolean;
}

/**
 * The named spokesperson, or the first one for the topic/language who is free
 * at every requested time, checked against their (cached) calendars.
 */
async function chooseSpokesperson(context: WorkflowContext, input: CreateRequestInput, starts: Date[]): Promise<ChosenSpokesperson> {
  const from = new Date(Math.min(...starts.map((start) => start.getTime())));
  const to = new Date(Math.max(...starts.map((start) => start.getTime())) + input.durationMinutes * 60_000);
  const calendars = await getCalendarCache(context.db).get({ ids: input.spokespersonId ? [input.spokespersonId] : undefined, from, to, now: context.now.getTime() });
  const check = (calendar: (typeof calendars)[number]) => {
    for (const start of starts) checkBookable(calendar, { spokespersonId: calendar.id, start, durationMinutes: input.durationMinutes, mode: 'reporter', now: context.now });
    return { id: calendar.id, name: calendar.name, email: calendar.email, holds: calendar.holdSlots && Boolean(input.start), any: !input.spokespersonId };
  };
  if (input.spokespersonId) {
    const person = calendars[0];
    if (!person) throw new AppError('NOT_FOUND', 'No such spokesperson, or they no longer give interviews.');
    if (!person.formats.includes(input.format)) {
      throw new AppError('VALIDATION_FAILED', `${person.name} does not give ${input.format.replace('_', ' ')} interviews; choose one of: ${person.formats.join(', ')}.`, { details: { field: 'format' } });
    }
    if (!speaksLanguage(person.languages, input.language)) {
      throw new AppError('VALIDATION_FAILED', `${person.name} gives interviews in ${person.languages.join(', ')}, not ${input.language}.`, { details: { field: 'language' } });
    }
    if (!person.allowedDurations.includes(input.durationMinutes)) {
      throw new AppError('VALIDATION_FAILED', `${person.name} gives interviews of ${person.allowedDurations.join(', ')} minutes.`, { details: { field: 'durationMinutes' } });
    }
    return check(person);
  }
  const fitting = calendars.filter(
    (person) =>
      coversTopic(person.topics, input.topic) &&
      speaksLanguage(person.languages, input.language) &&
      person.formats.includes(input.format) &&
      person.allowedDurations.includes(input.durationMinutes),
  );
  if (fitting.length === 0) {
    throw new AppError('NOT_FOUND', `No spokesperson gives ${input.durationMinutes}-minute ${input.format.replace('_', ' ')} interviews in ${input.language} on “${input.topic}”.`);
  }
  for (const person of fitting) {
    try {
      return check(person);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  throw new AppError('SLOT_TAKEN', `No spokesperson on “${input.topic}” is free at the time you chose. Pick another slot.`);
}

async function insertRequest(
  tx: Tx,
  context: WorkflowContext,
  input: CreateRequestInput,
  options: { spokesperson: ChosenSpokesperson; fingerprint: string; secret: Buffer; referenceLength: number },
): Promise<CreatedRequest> {
  const { now, config } = context;
  const { spokesperson } = options;
  const contactId = await linkMediaContact(tx, input, now, options.secret);
  const id = randomUUID();
  const token = deriveManageToken(options.secret, id);
  const reference = createReference(options.referenceLength);
  const end = input.start ? new Date(input.start.getTime() + input.durationMinutes * 60_000) : null;
  const request = await tx.interviewRequest.create({
    data: {
      id,
      reference,
      mediaContactId: contactId,
      releaseId: input.releaseId,
      spokespersonId: spokesperson.id,
      anySpokesperson: spokesperson.any,
      reporterName: input.reporter.name,
      reporterEmail: input.reporter.email,
      reporterOutlet: input.reporter.outlet,
      reporterRole: input.reporter.role,
      reporterPhone: input.reporter.phone,
      reporterWhatsapp: input.reporter.whatsapp,
      reporterTimeZone: input.reporter.timeZone,
      topic: input.topic,
      questions: input.questions,
      format: input.format,
      language: input.language,
      durationMinutes: input.durationMinutes,
      attribution: input.attribution,
      deadline: input.deadline,
      requestedStart: input.start,
      proposedSlots: (input.proposedStarts ?? []).map((start) => ({
        start: start.toISOString(),
        end: new Date(start.getTime() + input.durationMinutes * 60_000).toISOString(),
        spokespersonId: spokesperson.id,
        by: 'reporter',
      })),
      holdStart: spokesperson.holds ? input.start : null,
      holdEnd: spokesperson.holds ? end : null,
      status: 'pending',
      idempotencyKey: input.idempotencyKey,
      requestFingerprint: options.fingerprint,
      manageTokenHash: hashManageToken(token),
      createdAt: now,
    },
    select: { id: true, reference: true, status: true },
  });
  const host = hostOf(config.publicUrl);
  const summary = { requestId: id, reference, spokespersonId: spokesperson.id, spokespersonName: spokesperson.name };
  await enqueueMessages(
    tx,
    [
      { kind: 'request_received', recipient: input.reporter.email, subject: `We received your interview request ${reference}`, payload: summary, requestId: id },
      { kind: 'request_new', recipient: config.mailFrom, subject: `New interview request ${reference}: ${spokesperson.name} – ${input.reporter.outlet}`, payload: summary, requestId: id },
    ],
    { host, now },
  );
  await recordAuditEvent({
    db: tx,
    actor: { type: 'reporter', id: contactId ?? undefined },
    action: 'request.create',
    entityType: 'request',
    entityId: id,
    after: { reference, status: 'pending', spokespersonId: spokesperson.id, requestedStart: input.start, proposedStarts: input.proposedStarts, deadline: input.deadline, hold: spokesperson.holds },
    ip: context.ip,
    now,
  });
  return {
    requestId: request.id,
    reference: request.reference,
    manageToken: token,
    manageUrl: manageUrl(config.publicUrl, reference, token),
    status: request.status,
    spokespersonId: spokesperson.id,
    replayed: false,
  };
}

/**
 * The contact for this email (case-insensitive), created if new; never a
 * duplicate (unique emailNormalized). An address merged into another contact
 * links to the survivor. A person who was erased is not re-created: the
 * request is kept (it must be answered) without a media contact.
 */
async function linkMediaContact(tx: Tx, input: CreateRequestInput, now: Date, secret: Buffer): Promise<string | null> {
  const email = input.reporter.email;
  const existing = await tx.mediaContact.findUnique({ where: { emailNormalized: email }, select: { id: true, mergedIntoId: true } });
  if (existing) return existing.mergedIntoId ?? existing.id;
  if ((await findErasedValues(tx, secret, { emails: [email], phones: [] })).size > 0) return null;
  const contact = await tx.mediaContact.upsert({
    where: { emailNormalized: email },
    update: {},
    create: {
      name: input.reporter.name,
      email,
      emailNormalized: email,
      role: input.reporter.role,
      languages: [input.language],
      timeZone: input.reporter.timeZone,
      phone: input.reporter.phone,
      phoneNational: input.reporter.phone ? nationalFormOf(input.reporter.phone) : null,
      phones: input.reporter.phone ? [{ e164: input.reporter.phone, national: nationalFormOf(input.reporter.phone), kind: 'cell' }] : [],
      whatsapp: input.reporter.whatsapp,
      tags: [],
      source: `Interview request (${input.reporter.outlet})`,
      // Answering a journalist's own request: legitimate interest (GDPR art. 6(1)(f)).
      lawfulBasis: 'legitimate_interest',
      lawfulBasisAt: now,
      searchText: buildContactSearchText({ name: input.reporter.name, emails: [email], outlet: input.reporter.outlet, role: input.reporter.role }),
      nameFolded: foldForSearch(input.reporter.name),
      facets: buildFacets({ languages: [input.language], tags: [], role: input.reporter.role ?? null }),
      createdAt: now,
    },
    select: { id: true },
  });
  return contact.id;
}
