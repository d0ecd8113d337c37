// requests.create: a reporter asks for an interview.
//
// Requests are written in batches ("group commit"): calls that arrive while a
// batch is being written wait and go together in the next one, one
// transaction for all of them. Why: on the embedded SQLite every statement
// costs about a millisecond of Prisma's query engine on the main thread, and
// one request needs about fifteen, so one transaction per request capped an
// instance at a few dozen requests a second. A batch pays the fixed cost once
// (BENCHMARKS.md). Each request in a batch is still checked on its own against
// fresh data under the booking lock, and against the requests accepted before
// it in the same batch; a request that fails its checks fails alone. If the
// batch transaction itself fails (a unique-index race with another instance),
// its requests are retried one by one, each in its own transaction.
import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Db, Tx } from '../db';
import { insertRows, jsonColumn } from '../db-insert';
import { AppError } from '../errors';
import { resolveRequestRelease } from '../releases/manage-releases';
import { recordAuditEvents } from '../audit/record-audit-event';
import { countRecentEvents, rateLimitedError, recordEvents, ruleKey, type RateLimitRule } from '../rate-limit/rate-limit';
import { coversTopic, speaksLanguage } from '../availability/find-free-slots';
import { getServerKeys, getServerSecret } from '../secrets';
import { enqueueMessages, type OutboxMessageInput } from '../outbox/enqueue-message';
import { announceNewRequests } from '../webhooks/enqueue-deliveries';
import { getCalendarCache, invalidateCalendars } from '../availability/calendar-cache';
import { loadCalendars, type SpokespersonCalendar } from '../availability/load-calendars';
import { BOOKING_TRANSACTION_OPTIONS, checkBookable, isUniqueViolation, lockSpokespeople } from './booking';
import { deriveManageToken, hashManageToken, manageTokenFor, manageUrl } from './manage-token';
import { createReference } from './reference';
import { HoldLimits, holdExpiry, normalizeEmailKey } from './hold-policy';
import { hostOf, type WorkflowContext } from './context';
import type { createRequestInput } from './schema';
import { reporterNoticeSubject } from '../mail/render-email';
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
/** Most requests written in one transaction (bounds how long one batch holds the lock). */
const MAX_BATCH = 64;
/** Tries of a lone request that keeps hitting a unique index (reference or contact email). */
const MAX_ATTEMPTS = 6;
const RATE_LIMITED_MESSAGE = 'Too many interview requests from you in the last hour. Please wait, or contact the press office directly.';

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
  // A release under embargo is only reachable through its preview link, with its terms accepted.
  const embargo = input.releaseId
    ? await resolveRequestRelease({ db: context.db, releaseId: input.releaseId, previewToken: input.previewToken, acceptEmbargoTerms: input.acceptEmbargoTerms, now: context.now })
    : { underEmbargo: false, embargoAcceptedAt: null, releaseSendingId: null };
  let spokespersonId = input.spokespersonId;
  if (!spokespersonId) {
    // "Any spokesperson": choose one from the cached calendars first; from
    // then on it is a request for that person, checked like any other.
    const replay = await findReplay(context, input.idempotencyKey, fingerprint);
    if (replay) return replay;
    assertDeadlineAhead(input, context.now);
    spokespersonId = await chooseAnySpokesperson(context, input);
  }
  return intakeQueue(context.db).submit({ context, input, fingerprint, spokespersonId, any: !input.spokespersonId, emailKey: normalizeEmailKey(input.reporter.email), embargo });
}

function assertDeadlineAhead(input: CreateRequestInput, now: Date) {
  if (input.deadline.getTime() <= now.getTime()) {
    throw new AppError('VALIDATION_FAILED', 'The deadline has already passed; give a deadline in the future.', { details: { field: 'deadline' } });
  }
}

/**
 * The deadline lies at or before the time asked for (the latest of the
 * proposed times): a request is answered before its interview. Checked after
 * the times themselves, which must lie within the horizon, so a deadline (and
 * a hold, which never outlasts it) stays within the horizon too.
 */
function assertDeadlineBeforeStart(input: CreateRequestInput) {
  const latest = Math.max(...startsOf(input).map((start) => start.getTime()));
  if (input.deadline.getTime() > latest) {
    throw new AppError(
      'VALIDATION_FAILED',
      input.start ? 'The deadline must be at or before the interview time you chose: the press office answers before then.' : 'The deadline must be at or before the last of the times you proposed.',
      { details: { field: 'deadline' } },
    );
  }
}

function startsOf(input: CreateRequestInput): Date[] {
  return input.start ? [input.start] : input.proposedStarts!;
}

async function findReplay(context: WorkflowContext, idempotencyKey: string, fingerprint: string): Promise<CreatedRequest | null> {
  const existing = await context.db.interviewRequest.findUnique({ where: { idempotencyKey }, select: replaySelect });
  return existing ? replayOf(context, existing, fingerprint, await getServerSecret(context.db)) : null;
}

const replaySelect = { id: true, reference: true, status: true, spokespersonId: true, requestFingerprint: true, idempotencyKey: true, manageTokenHash: true } as const;
type StoredRequest = { id: string; reference: string; status: string; spokespersonId: string | null; requestFingerprint: string | null; manageTokenHash: string };

/** The first answer again, or CONFLICT when the same key came with other content. */
function replayOf(context: WorkflowContext, existing: StoredRequest, fingerprint: string, secret: Buffer): CreatedRequest {
  if (existing.requestFingerprint !== fingerprint) {
    throw new AppError('CONFLICT', 'This idempotency key was already used for a different request. Use a new key for a new request.');
  }
  // The key that made the token (a rotation since then must not change it).
  const token = manageTokenFor([secret, ...getServerKeys().all], existing.id, existing.manageTokenHash);
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

/** Why this person cannot take this request (format, language, duration), or null. */
function offerProblem(person: SpokespersonCalendar, input: CreateRequestInput): AppError | null {
  if (!person.formats.includes(input.format)) {
    return new AppError('VALIDATION_FAILED', `${person.name} does not give ${input.format.replace('_', ' ')} interviews; choose one of: ${person.formats.join(', ')}.`, { details: { field: 'format' } });
  }
  if (!speaksLanguage(person.languages, input.language)) {
    return new AppError('VALIDATION_FAILED', `${person.name} gives interviews in ${person.languages.join(', ')}, not ${input.language}.`, { details: { field: 'language' } });
  }
  if (!person.allowedDurations.includes(input.durationMinutes)) {
    return new AppError('VALIDATION_FAILED', `${person.name} gives interviews of ${person.allowedDurations.join(', ')} minutes.`, { details: { field: 'durationMinutes' } });
  }
  return null;
}

/** The first spokesperson for the topic and language who is free at every requested time (cached calendars: advice). */
async function chooseAnySpokesperson(context: WorkflowContext, input: CreateRequestInput): Promise<string> {
  const starts = startsOf(input);
  const from = new Date(Math.min(...starts.map((start) => start.getTime())));
  const to = new Date(Math.max(...starts.map((start) => start.getTime())) + input.durationMinutes * 60_000);
  const calendars = await getCalendarCache(context.db).get({ from, to, now: context.now.getTime() });
  const fitting = calendars.filter((person) => coversTopic(person.topics, input.topic) && offerProblem(person, input) === null);
  if (fitting.length === 0) {
    throw new AppError('NOT_FOUND', `No spokesperson gives ${input.durationMinutes}-minute ${input.format.replace('_', ' ')} interviews in ${input.language} on “${input.topic}”.`);
  }
  for (const person of fitting) {
    try {
      for (const start of starts) checkBookable(person, { spokespersonId: person.id, start, durationMinutes: input.durationMinutes, mode: 'reporter', now: context.now });
      return person.id;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  throw new AppError('SLOT_TAKEN', `No spokesperson on “${input.topic}” is free at the time you chose. Pick another slot.`);
}

// ---- The batch ----

interface Intake {
  context: WorkflowContext;
  input: CreateRequestInput;
  fingerprint: string;
  spokespersonId: string;
  any: boolean;
  /** The reporter's normalised address (hold limits). */
  emailKey: string;
  embargo: { underEmbargo: boolean; embargoAcceptedAt: Date | null; releaseSendingId: string | null };
}

interface Pending extends Intake {
  resolve: (created: CreatedRequest) => void;
  reject: (error: unknown) => void;
}

/** One request the batch accepted, with everything its rows need. */
interface Accepted {
  /** Position in the batch. */
  index: number;
  item: Intake;
  id: string;
  spokesperson: SpokespersonCalendar;
  holds: boolean;
  /** When the hold ends (null: no hold). */
  holdExpiresAt: Date | null;
  reference: string;
  contactId: string | null;
}

/** What happened to each request of a batch; `follows` is the position of an earlier request with the same key. */
type Outcome = { created: CreatedRequest } | { error: unknown } | { follows: number };

const queues = new WeakMap<Db, IntakeQueue>();

function intakeQueue(db: Db): IntakeQueue {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = new IntakeQueue(db)));
  return queue;
}

/**
 * Collects requests while a batch is being written. A request that arrives
 * when nothing is running starts a batch on the next turn of the event loop.
 */
class IntakeQueue {
  private readonly waiting: Pending[] = [];
  private running = false;

  constructor(private readonly db: Db) {}

  submit(intake: Intake): Promise<CreatedRequest> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ ...intake, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain() {
    this.running = true;
    try {
      // Let the requests already received in this turn of the event loop join.
      await new Promise((resolve) => setImmediate(resolve));
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, MAX_BATCH);
        const outcomes = await writeBatchOrEach(this.db, batch);
        batch.forEach((pending, index) => settle(pending, outcomes, index));
      }
    } finally {
      this.running = false;
    }
  }
}

function settle(pending: Pending, outcomes: Outcome[], index: number) {
  const outcome = outcomes[index]!;
  if ('created' in outcome) return pending.resolve(outcome.created);
  if ('error' in outcome) return pending.reject(outcome.error);
  // The same key earlier in this batch: answer as that call was answered.
  const first = outcomes[outcome.follows]!;
  if ('error' in first) return pending.reject(first.error);
  if (!('created' in first)) return pending.reject(new Error('a batch follower followed a follower'));
  return pending.resolve({ ...first.created, replayed: true });
}

/**
 * Writes the batch in one transaction; if that transaction fails as a whole
 * (not one request's checks), writes each request alone, retrying unique-index
 * collisions (a reference drawn twice, a contact created meanwhile by another
 * instance) with fresh references.
 */
async function writeBatchOrEach(db: Db, batch: Intake[]): Promise<Outcome[]> {
  try {
    return await writeBatch(db, batch, 4);
  } catch (error) {
    if (batch.length === 1 && !isUniqueViolation(error)) return [{ error }];
  }
  const outcomes: Outcome[] = [];
  for (const item of batch) {
    let outcome: Outcome = { error: new Error('unreachable') };
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      try {
        outcome = (await writeBatch(db, [item], attempt < 3 ? 4 : 6))[0]!;
        break;
      } catch (error) {
        outcome = { error };
        if (!isUniqueViolation(error)) break;
      }
    }
    outcomes.push(outcome);
  }
  return outcomes;
}

/** One transaction for the whole batch; throws only when the transaction itself fails. */
async function writeBatch(db: Db, batch: Intake[], referenceLength: number): Promise<Outcome[]> {
  const secret = await getServerSecret(db);
  const held = new Set<string>();
  const outcomes = await db.$transaction(async (tx) => {
    // By batch position; an accepted request's answer is filled in once its rows are written.
    const outcomes: Outcome[] = [];
    const accepted: Accepted[] = [];
    // The booking lock first: from here on nobody else changes these calendars.
    const locked = await lockSpokespeople(tx, batch.map((item) => item.spokespersonId));
    const existing = new Map(
      (await tx.interviewRequest.findMany({ where: { idempotencyKey: { in: batch.map((item) => item.input.idempotencyKey) } }, select: replaySelect })).map((row) => [row.idempotencyKey, row]),
    );
    const limits = new RequestLimits(await countRecentEvents(tx, batch.flatMap(rateRules), new Date(Math.max(...batch.map((item) => item.context.now.getTime())))));
    const calendars = new Map(
      (
        await loadCalendars({
          db: tx,
          where: { ids: [...locked] },
          windows: batch.flatMap((item) => startsOf(item.input).map((start) => ({ from: start, to: new Date(start.getTime() + item.input.durationMinutes * 60_000), spokespersonId: item.spokespersonId }))),
        })
      ).map((calendar) => [calendar.id, calendar]),
    );
    const leaders = new Map<string, number>();
    // Active holds of this batch's reporters and IPs, only when someone could hold.
    const holdCandidates = batch.filter((item) => item.input.start && calendars.get(item.spokespersonId)?.holdSlots);
    const holdLimits = await HoldLimits.load(tx, holdCandidates.map((item) => ({ emailKey: item.emailKey, ip: item.context.ip ?? 'unknown', spokespersonId: item.spokespersonId })), holdCandidates[0]?.context.now ?? new Date());

    for (const [index, item] of batch.entries()) {
      const { input, context } = item;
      try {
        const stored = existing.get(input.idempotencyKey);
        if (stored) {
          outcomes[index] = { created: replayOf(context, stored, item.fingerprint, secret) };
          continue;
        }
        const leader = leaders.get(input.idempotencyKey);
        if (leader !== undefined) {
          if (batch[leader]!.fingerprint !== item.fingerprint) throw new AppError('CONFLICT', 'This idempotency key was already used for a different request. Use a new key for a new request.');
          outcomes[index] = { follows: leader };
          continue;
        }
        assertDeadlineAhead(input, context.now);
        await limits.take(tx, item);
        const spokesperson = calendars.get(item.spokespersonId);
        if (!spokesperson) throw new AppError('NOT_FOUND', 'No such spokesperson, or they no longer give interviews.');
        const problem = offerProblem(spokesperson, input);
        if (problem) throw problem;
        const id = randomUUID();
        // Checked against fresh data under the lock, including this batch's earlier holds.
        for (const start of startsOf(input)) {
          checkBookable(spokesperson, { spokespersonId: spokesperson.id, start, durationMinutes: input.durationMinutes, mode: 'reporter', now: context.now });
        }
        assertDeadlineBeforeStart(input);
        // A bounded hold, within the reporter's and the IP's share (hold-policy.ts); else no hold.
        const holder = { emailKey: item.emailKey, ip: context.ip ?? 'unknown', spokespersonId: spokesperson.id };
        const holdExpiresAt =
          spokesperson.holdSlots && input.start && holdLimits.allows(holder, context.config.holds)
            ? holdExpiry({ now: context.now, start: input.start, deadline: input.deadline, minimumNoticeMinutes: spokesperson.engine.minimumNoticeMinutes, maxMs: context.config.holds.maxMs })
            : null;
        const holds = holdExpiresAt !== null;
        if (holds) {
          holdLimits.add(holder);
          spokesperson.engine.bookings.push({ start: input.start!.getTime(), end: input.start!.getTime() + input.durationMinutes * 60_000, source: `hold:${id}` });
          held.add(spokesperson.id);
        }
        limits.commit(item);
        leaders.set(input.idempotencyKey, index);
        accepted.push({ index, item, id, spokesperson, holds, holdExpiresAt, reference: '', contactId: null });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        outcomes[index] = { error };
      }
    }
    if (accepted.length > 0) await insertAccepted(tx, accepted, secret, referenceLength);
    for (const entry of accepted) outcomes[entry.index] = { created: answerFor(entry, secret) };
    return outcomes;
  }, BOOKING_TRANSACTION_OPTIONS);
  invalidateCalendars(db, [...held]);
  return outcomes;
}

function rateRules(item: Intake): RateLimitRule[] {
  const { requestLimits } = item.context.config;
  return [
    { bucket: 'request-ip', key: item.context.ip ?? 'unknown', limit: requestLimits.perIpPerHour, windowMs: HOUR_MS },
    // By normalised address: `x+1@…` aliases share one allowance.
    { bucket: 'request-email', key: item.emailKey, limit: requestLimits.perEmailPerHour, windowMs: HOUR_MS },
  ];
}

/** The per-IP and per-email limits across a batch: stored events plus the batch's own accepted requests. */
class RequestLimits {
  constructor(private readonly counts: Map<string, number>) {}

  async take(tx: Tx, item: Intake) {
    for (const rule of rateRules(item)) {
      if ((this.counts.get(ruleKey(rule)) ?? 0) >= rule.limit) throw await rateLimitedError(tx, rule, item.context.now, RATE_LIMITED_MESSAGE);
    }
  }

  commit(item: Intake) {
    for (const rule of rateRules(item)) this.counts.set(ruleKey(rule), (this.counts.get(ruleKey(rule)) ?? 0) + 1);
  }
}

function answerFor(accepted: Accepted, secret: Buffer): CreatedRequest {
  const token = deriveManageToken(secret, accepted.id);
  return {
    requestId: accepted.id,
    reference: accepted.reference,
    manageToken: token,
    manageUrl: manageUrl(accepted.item.context.config.publicUrl, accepted.reference, token),
    status: 'pending',
    spokespersonId: accepted.spokesperson.id,
    replayed: false,
  };
}

/** Writes the accepted requests with their contacts, outbox messages, audit events and rate-limit events. */
async function insertAccepted(tx: Tx, accepted: Accepted[], secret: Buffer, referenceLength: number) {
  const contactIds = await linkMediaContacts(tx, accepted.map((entry) => entry.item), secret);
  const references = await drawReferences(tx, accepted.length, referenceLength);
  accepted.forEach((entry, index) => {
    entry.reference = references[index]!;
    entry.contactId = contactIds.get(entry.item.input.reporter.email) ?? null;
  });
  await insertRows(tx, 'InterviewRequest', accepted.map((entry) => requestRow(entry, secret)));
  const messagesByHost = new Map<string, { messages: OutboxMessageInput[]; now: Date }>();
  for (const entry of accepted) {
    const { config, now } = entry.item.context;
    const host = hostOf(config.publicUrl);
    const group = messagesByHost.get(host) ?? { messages: [], now };
    group.messages.push(...messagesFor(entry));
    messagesByHost.set(host, group);
  }
  for (const [host, group] of messagesByHost) await enqueueMessages(tx, group.messages, { host, now: group.now });
  await announceNewRequests(tx, accepted[0]!.item.context, accepted.map((entry) => entry.id));
  await recordAuditEvents(
    tx,
    accepted.map(({ item, id, reference, spokesperson, holds, holdExpiresAt, contactId }) => ({
      actor: { type: 'reporter', id: contactId ?? undefined },
      action: 'request.create',
      entityType: 'request',
      entityId: id,
      after: { reference, status: 'pending', spokespersonId: spokesperson.id, requestedStart: item.input.start, proposedStarts: item.input.proposedStarts, deadline: item.input.deadline, hold: holds, holdExpiresAt },
      ip: item.context.ip,
      now: item.context.now,
    })),
  );
  await recordEvents(tx, accepted.flatMap(({ item }) => rateRules(item).map(({ bucket, key }) => ({ bucket, key, at: item.context.now }))), accepted[0]!.item.context.now);
}

function requestRow(entry: Accepted, secret: Buffer) {
  const { item, id, reference, spokesperson, holds, holdExpiresAt, contactId } = entry;
  const { input, context } = item;
  const end = input.start ? new Date(input.start.getTime() + input.durationMinutes * 60_000) : null;
  return {
    id,
    reference,
    mediaContactId: contactId,
    releaseId: input.releaseId,
    underEmbargo: item.embargo.underEmbargo,
    embargoAcceptedAt: item.embargo.embargoAcceptedAt,
    releaseSendingId: item.embargo.releaseSendingId,
    spokespersonId: spokesperson.id,
    anySpokesperson: item.any,
    reporterName: input.reporter.name,
    reporterEmail: input.reporter.email,
    reporterOutlet: input.reporter.outlet,
    reporterRole: input.reporter.role,
    reporterPhone: input.reporter.phone,
    reporterWhatsapp: input.reporter.whatsapp,
    reporterTimeZone: input.reporter.timeZone,
    reporterLocale: input.reporter.locale,
    topic: input.topic,
    questions: input.questions,
    format: input.format,
    language: input.language,
    durationMinutes: input.durationMinutes,
    attribution: input.attribution,
    deadline: input.deadline,
    requestedStart: input.start,
    proposedSlots: jsonColumn(
      (input.proposedStarts ?? []).map((start) => ({
        start: start.toISOString(),
        end: new Date(start.getTime() + input.durationMinutes * 60_000).toISOString(),
        spokespersonId: spokesperson.id,
        by: 'reporter',
      })),
    ),
    holdStart: holds ? input.start : null,
    holdEnd: holds ? end : null,
    holdExpiresAt,
    reporterEmailKey: item.emailKey,
    requestIp: context.ip ?? null,
    status: 'pending',
    idempotencyKey: input.idempotencyKey,
    requestFingerprint: item.fingerprint,
    manageTokenHash: hashManageToken(deriveManageToken(secret, id)),
    createdAt: context.now,
    updatedAt: context.now,
  };
}

function messagesFor({ item, id, reference, spokesperson }: Accepted): OutboxMessageInput[] {
  const { input, context } = item;
  const summary = { requestId: id, reference, spokespersonId: spokesperson.id, spokespersonName: spokesperson.name };
  return [
    { kind: 'request_received', recipient: input.reporter.email, subject: reporterNoticeSubject('request_received', reference, input.reporter.locale), payload: summary, requestId: id },
    { kind: 'request_new', recipient: context.config.mailFrom, subject: `New interview request ${reference}: ${spokesperson.name} – ${input.reporter.outlet}`, payload: summary, requestId: id },
  ];
}

/** `count` references not yet in use and distinct from each other (one query per round; collisions are rare). */
async function drawReferences(tx: Tx, count: number, length: number): Promise<string[]> {
  const references = new Set<string>();
  while (references.size < count) {
    const drawn = new Set<string>();
    while (drawn.size < count - references.size) {
      const reference = createReference(length);
      if (!references.has(reference)) drawn.add(reference);
    }
    const taken = new Set((await tx.interviewRequest.findMany({ where: { reference: { in: [...drawn] } }, select: { reference: true } })).map((row) => row.reference));
    for (const reference of drawn) if (!taken.has(reference)) references.add(reference);
  }
  return [...references];
}

/**
 * The contact for each email (case-insensitive), created if new; never a
 * duplicate (unique emailNormalized). An address merged into another contact
 * links to the survivor. A person who was erased is not re-created: the
 * request is kept (it must be answered) without a media contact (null).
 */
async function linkMediaContacts(tx: Tx, items: Intake[], secret: Buffer): Promise<Map<string, string | null>> {
  const emails = [...new Set(items.map((item) => item.input.reporter.email))];
  const linked = new Map<string, string | null>();
  for (const row of await tx.mediaContact.findMany({ where: { emailNormalized: { in: emails } }, select: { id: true, mergedIntoId: true, emailNormalized: true } })) {
    linked.set(row.emailNormalized!, row.mergedIntoId ?? row.id);
  }
  const unknown = emails.filter((email) => !linked.has(email));
  const erased = await findErasedValues(tx, secret, { emails: unknown, phones: [] });
  const created = [];
  for (const email of unknown) {
    if (erased.has(email)) {
      linked.set(email, null);
      continue;
    }
    const { input, context } = items.find((item) => item.input.reporter.email === email)!;
    const { reporter } = input;
    const id = randomUUID();
    linked.set(email, id);
    created.push({
      id,
      name: reporter.name,
      email,
      emailNormalized: email,
      role: reporter.role,
      languages: jsonColumn([input.language]),
      timeZone: reporter.timeZone,
      phone: reporter.phone,
      phoneNational: reporter.phone ? nationalFormOf(reporter.phone) : null,
      phones: jsonColumn(reporter.phone ? [{ e164: reporter.phone, national: nationalFormOf(reporter.phone), kind: 'cell' }] : []),
      whatsapp: reporter.whatsapp,
      tags: jsonColumn([]),
      source: `Interview request (${reporter.outlet})`,
      // Answering a journalist's own request: legitimate interest (GDPR art. 6(1)(f)).
      lawfulBasis: 'legitimate_interest',
      lawfulBasisAt: context.now,
      searchText: buildContactSearchText({ name: reporter.name, emails: [email], outlet: reporter.outlet, role: reporter.role }),
      nameFolded: foldForSearch(reporter.name),
      facets: buildFacets({ languages: [input.language], tags: [], role: reporter.role ?? null }),
      createdAt: context.now,
      updatedAt: context.now,
    });
  }
  await insertRows(tx, 'MediaContact', created);
  return linked;
}
