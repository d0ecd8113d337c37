// The request workflow through tRPC on a real database: intake, reporter
// actions, desk triage, the state machine, audit trail and outbox rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { appCodeOf, fieldErrorsOf, deskCaller, makeBookableSpokesperson, publicCaller, requestInput, workflowConfig, WORKFLOW_NOW } from '../support/workflow';
import { expireOverdueRequests } from '../../server/requests/expire-requests';

let database: TestDatabase;
let desk: Awaited<ReturnType<typeof deskCaller>>;

beforeAll(async () => {
  database = await createTestDatabase();
  desk = await deskCaller(database);
});
afterAll(() => database.destroy());

async function fails(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as Error,
  );
}

describe('requests.create', () => {
  it('creates a pending request, returns a short reference and a manage token that only the reporter holds', async () => {
    const person = await makeBookableSpokesperson(database);
    const caller = await publicCaller(database);
    const created = await caller.requests.create(requestInput(person.id, '2027-03-10T09:00:00Z', { reporter: { name: 'Ana Lima', email: 'Ana.Lima@Example.org', outlet: 'Wire', timeZone: 'America/New_York', phone: '+1 (202) 555-0104' }, format: 'phone' }));
    expect(created.reference).toMatch(/^IR-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(created.manageToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.manageUrl).toBe(`http://desk.test/manage/${created.reference}?token=${created.manageToken}`);
    const row = await database.prisma.interviewRequest.findUniqueOrThrow({ where: { reference: created.reference } });
    expect(row).toMatchObject({ status: 'pending', reporterEmail: 'ana.lima@example.org', reporterPhone: '+12025550104', spokespersonId: person.id });
    expect(JSON.stringify(row)).not.toContain(created.manageToken);
    // The media contact is linked by email, case-insensitively, never duplicated.
    const again = await caller.requests.create(requestInput(person.id, '2027-03-10T10:00:00Z', { reporter: { name: 'Ana L.', email: 'ANA.LIMA@example.org', outlet: 'Wire', timeZone: 'Europe/Lisbon' } }));
    const second = await database.prisma.interviewRequest.findUniqueOrThrow({ where: { reference: again.reference } });
    expect(second.mediaContactId).toBe(row.mediaContactId);
    expect(await database.prisma.mediaContact.count({ where: { emailNormalized: 'ana.lima@example.org' } })).toBe(1);
    // Outbox: the reporter's confirmation and the desk's notice, written with the request.
    const outbox = await database.prisma.outboxMessage.findMany({ where: { requestId: row.id }, orderBy: { kind: 'asc' } });
    expect(outbox.map((message) => [message.kind, message.recipient])).toEqual([
      ['request_new', 'press@example.org'],
      ['request_received', 'ana.lima@example.org'],
    ]);
    expect(outbox.every((message) => /^<[0-9a-f-]{36}@desk\.test>$/.test(message.messageId))).toBe(true);
    expect(JSON.stringify(outbox)).not.toContain(created.manageToken);
  });

  it('the same idempotency key returns the first answer; a different request under it is a CONFLICT', async () => {
    const person = await makeBookableSpokesperson(database);
    const caller = await publicCaller(database);
    const input = requestInput(person.id, '2027-03-10T11:00:00Z');
    const first = await caller.requests.create(input);
    const second = await caller.requests.create(input);
    expect(second).toEqual({ ...first, replayed: true });
    const error = await fails(caller.requests.create({ ...input, topic: 'Something else' }));
    expect(appCodeOf(error)).toBe('CONFLICT');
    expect(await database.prisma.interviewRequest.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1);
  });

  it('validates against the spokesperson: formats, languages, durations, availability and deadline', async () => {
    const person = await makeBookableSpokesperson(database, { formats: ['video'], languages: ['en'] });
    const caller = await publicCaller(database);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ format: 'studio' }, 'VALIDATION_FAILED', /does not give studio interviews/],
      [{ language: 'pl' }, 'VALIDATION_FAILED', /gives interviews in en, not pl/],
      [{ durationMinutes: 45 }, 'VALIDATION_FAILED', /30, 60 minutes/],
      [{ start: '2027-03-10T19:00:00Z' }, 'VALIDATION_FAILED', /outside .* interview hours/],
      [{ start: '2027-03-10T09:05:00Z' }, 'VALIDATION_FAILED', /not one of the offered slots/],
      [{ start: '2027-02-10T09:00:00Z' }, 'VALIDATION_FAILED', /already passed/],
      [{ deadline: '2027-02-28T00:00:00Z' }, 'VALIDATION_FAILED', /deadline has already passed/],
      [{ spokespersonId: 'nobody' }, 'NOT_FOUND', /No such spokesperson/],
    ];
    for (const [overrides, code, message] of cases) {
      const error = await fails(caller.requests.create(requestInput(person.id, '2027-03-10T09:00:00Z', overrides)));
      expect(appCodeOf(error), JSON.stringify(overrides)).toBe(code);
      expect(error.message).toMatch(message);
    }
    expect(await database.prisma.interviewRequest.count({ where: { spokespersonId: person.id } })).toBe(0);
  });

  it('rejects nonsense phone numbers and a phone interview without a number, naming the field', async () => {
    const person = await makeBookableSpokesperson(database);
    const caller = await publicCaller(database);
    const bad = await fails(caller.requests.create(requestInput(person.id, '2027-03-10T09:00:00Z', { format: 'phone', reporter: { name: 'X', email: 'x@example.org', outlet: 'O', timeZone: 'UTC', phone: 'call me maybe' } })));
    expect(appCodeOf(bad)).toBe('VALIDATION_FAILED');
    expect(Object.keys(fieldErrorsOf(bad))).toEqual(['reporter.phone']);
    const missing = await fails(caller.requests.create(requestInput(person.id, '2027-03-10T09:00:00Z', { format: 'phone' })));
    expect(fieldErrorsOf(missing)).toEqual({ 'reporter.phone': ['A phone interview needs your phone number'] });
  });

  it('"any spokesperson" picks one on the topic and language who is free then', async () => {
    const busy = await makeBookableSpokesperson(database, { name: 'Aaron Busy', topics: ['landmine clearance'], holdSlots: true });
    const free = await makeBookableSpokesperson(database, { name: 'Zoe Free', topics: ['Landmines'] });
    await makeBookableSpokesperson(database, { name: 'Bea Other', topics: ['finance'] });
    const caller = await publicCaller(database);
    await caller.requests.create(requestInput(busy.id, '2027-03-11T09:00:00Z', { topic: 'landmines' }));
    const created = await caller.requests.create(requestInput(undefined, '2027-03-11T09:00:00Z', { topic: 'LANDMINE' }));
    expect(created.spokespersonId).toBe(free.id);
    expect((await database.prisma.interviewRequest.findUniqueOrThrow({ where: { id: created.requestId } })).anySpokesperson).toBe(true);
  });

  it('holds the slot while pending when the spokesperson asks for holds, so nobody else can request it', async () => {
    const person = await makeBookableSpokesperson(database, { holdSlots: true, bufferAfterMinutes: 15 });
    const caller = await publicCaller(database);
    const first = await caller.requests.create(requestInput(person.id, '2027-03-12T09:00:00Z'));
    const taken = await fails(caller.requests.create(requestInput(person.id, '2027-03-12T09:30:00Z')));
    expect(appCodeOf(taken)).toBe('SLOT_TAKEN');
    // The slot picker no longer offers the held time (or its buffer).
    const slots = await caller.availability.slots({ spokespersonId: person.id, from: '2027-03-12T08:00:00Z', to: '2027-03-12T10:30:00Z', timeZone: 'UTC' });
    // Held 09:00–09:30 plus its 15-minute after-buffer blocks to 09:45; a new slot's own after-buffer
    // must end by 09:00, so 08:30 is gone as well.
    expect(slots.days[0]!.slots.map((slot) => slot.start.slice(11, 16))).toEqual(['08:00', '08:15', '09:45', '10:00']);
    // Declining releases it.
    await desk.caller.desk.requests.decline({ requestId: first.requestId, reason: 'Not available after all' });
    await caller.requests.create(requestInput(person.id, '2027-03-12T09:30:00Z'));
  });

  it('is rate-limited per email with a clear error', async () => {
    const person = await makeBookableSpokesperson(database);
    const caller = await publicCaller(database, { config: workflowConfig(database, { REQUEST_LIMIT_PER_EMAIL: '2' }) });
    const reporter = { name: 'Fast', email: 'fast@example.org', outlet: 'O', timeZone: 'UTC' };
    await caller.requests.create(requestInput(person.id, '2027-03-13T09:00:00Z', { reporter }));
    await caller.requests.create(requestInput(person.id, '2027-03-13T10:00:00Z', { reporter }));
    const error = await fails(caller.requests.create(requestInput(person.id, '2027-03-13T11:00:00Z', { reporter })));
    expect(appCodeOf(error)).toBe('RATE_LIMITED');
    expect(error.message).toMatch(/Too many interview requests/);
  });
});

describe('reporter access', () => {
  it('a token opens only its own request; a wrong token and a missing reference answer the same', async () => {
    const person = await makeBookableSpokesperson(database);
    const caller = await publicCaller(database);
    const mine = await caller.requests.create(requestInput(person.id, '2027-03-15T09:00:00Z'));
    const theirs = await caller.requests.create(requestInput(person.id, '2027-03-15T10:00:00Z'));
    const view = await caller.requests.get({ reference: mine.reference.toLowerCase(), token: mine.manageToken });
    expect(view).toMatchObject({ reference: mine.reference, status: 'pending', requested: { start: { utc: '2027-03-15T09:00:00.000Z', reporter: '2027-03-15T05:00:00-04:00', spokesperson: '2027-03-15T10:00:00+01:00' } } });
    const wrongToken = await fails(caller.requests.get({ reference: theirs.reference, token: mine.manageToken }));
    const missing = await fails(caller.requests.get({ reference: 'IR-ZZZZ', token: mine.manageToken }));
    expect(appCodeOf(wrongToken)).toBe('NOT_FOUND');
    expect(wrongToken.message).toBe(missing.message);
    const cancelOther = await fails(caller.requests.cancel({ reference: theirs.reference, token: mine.manageToken }));
    expect(appCodeOf(cancelOther)).toBe('NOT_FOUND');
  });

  it('spokespeople cannot approve; anonymous callers cannot list the desk queue', async () => {
    const person = await makeBookableSpokesperson(database);
    const created = await (await publicCaller(database)).requests.create(requestInput(person.id, '2027-03-15T11:00:00Z'));
    const spokesperson = await deskCaller(database, 'spokesperson');
    expect(appCodeOf(await fails(spokesperson.caller.desk.requests.approve({ requestId: created.requestId })))).toBe('FORBIDDEN');
    expect(appCodeOf(await fails((await publicCaller(database)).desk.requests.list({})))).toBe('UNAUTHENTICATED');
    expect(await database.prisma.interview.count({ where: { requestId: created.requestId } })).toBe(0);
  });
});

describe('desk triage', () => {
  it('lists open requests by deadline with time left and conflicts', async () => {
    const person = await makeBookableSpokesperson(database, { name: 'Queue Person' });
    const caller = await publicCaller(database);
    const late = await caller.requests.create(requestInput(person.id, '2027-03-16T09:00:00Z', { deadline: '2027-03-15T12:00:00Z' }));
    const soon = await caller.requests.create(requestInput(person.id, '2027-03-16T09:00:00Z', { deadline: '2027-03-02T08:00:00Z' }));
    const list = await desk.caller.desk.requests.list({ spokespersonId: person.id });
    expect(list.map((entry) => entry.reference)).toEqual([soon.reference, late.reference]);
    expect(list[0]!.minutesToDeadline).toBe(24 * 60);
    // Both want 09:00: once one is approved, the other shows the conflict.
    await desk.caller.desk.requests.approve({ requestId: soon.requestId });
    const [open] = await desk.caller.desk.requests.list({ spokespersonId: person.id });
    expect(open!.reference).toBe(late.reference);
    expect(open!.conflicts).toEqual([expect.objectContaining({ kind: 'interview', reference: soon.reference, start: '2027-03-16T09:00:00.000Z' })]);
    expect(appCodeOf(await fails(desk.caller.desk.requests.approve({ requestId: late.requestId })))).toBe('SLOT_TAKEN');
    expect((await database.prisma.interviewRequest.findUniqueOrThrow({ where: { id: late.requestId } })).status).toBe('pending');
  });

  it('illegal transitions fail with INVALID_TRANSITION', async () => {
    const person = await makeBookableSpokesperson(database);
    const created = await (await publicCaller(database)).requests.create(requestInput(person.id, '2027-03-17T09:00:00Z'));
    await desk.caller.desk.requests.decline({ requestId: created.requestId, reason: 'No' });
    const reporter = await publicCaller(database);
    for (const attempt of [
      () => desk.caller.desk.requests.approve({ requestId: created.requestId }),
      () => desk.caller.desk.requests.decline({ requestId: created.requestId, reason: 'Again' }),
      () => desk.caller.desk.requests.propose({ requestId: created.requestId, slots: [{ start: '2027-03-17T10:00:00Z' }] }),
      () => reporter.requests.cancel({ reference: created.reference, token: created.manageToken }),
    ]) {
      const error = await fails(attempt());
      expect(appCodeOf(error)).toBe('INVALID_TRANSITION');
      expect(error.message).toMatch(/request that is declined/);
    }
  });

  it('reassigns to another spokesperson and moves the hold', async () => {
    const first = await makeBookableSpokesperson(database, { holdSlots: true });
    const second = await makeBookableSpokesperson(database, { holdSlots: true });
    const created = await (await publicCaller(database)).requests.create(requestInput(first.id, '2027-03-18T09:00:00Z'));
    const view = await desk.caller.desk.requests.reassign({ requestId: created.requestId, spokespersonId: second.id });
    expect(view.spokesperson?.id).toBe(second.id);
    const row = await database.prisma.interviewRequest.findUniqueOrThrow({ where: { id: created.requestId } });
    expect(row.holdStart?.toISOString()).toBe('2027-03-18T09:00:00.000Z');
    // The first spokesperson's time is free again.
    await (await publicCaller(database)).requests.create(requestInput(first.id, '2027-03-18T09:00:00Z'));
  });

  it('pending requests past their deadline expire, once, even with two schedulers', async () => {
    const person = await makeBookableSpokesperson(database, { holdSlots: true });
    const created = await (await publicCaller(database)).requests.create(requestInput(person.id, '2027-03-19T09:00:00Z', { deadline: '2027-03-05T12:00:00Z' }));
    const later = new Date('2027-03-06T00:00:00Z');
    const config = workflowConfig(database);
    const results = await Promise.all([expireOverdueRequests({ db: database.prisma, config, now: later }), expireOverdueRequests({ db: database.prisma, config, now: later })]);
    expect(results.reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(1);
    const row = await database.prisma.interviewRequest.findUniqueOrThrow({ where: { id: created.requestId } });
    expect(row).toMatchObject({ status: 'expired', holdStart: null });
    expect(await database.prisma.auditEvent.count({ where: { entityId: created.requestId, action: 'request.expire' } })).toBe(1);
    expect(await database.prisma.outboxMessage.count({ where: { requestId: created.requestId, kind: 'request_expired' } })).toBe(1);
  });

  it('markOutcome only after the interview started', async () => {
    const person = await makeBookableSpokesperson(database);
    const created = await (await publicCaller(database)).requests.create(requestInput(person.id, '2027-03-19T10:00:00Z'));
    const view = await desk.caller.desk.requests.approve({ requestId: created.requestId });
    const early = await fails(desk.caller.desk.interviews.markOutcome({ interviewId: view.interview!.id, outcome: 'completed' }));
    expect(appCodeOf(early)).toBe('INVALID_TRANSITION');
    expect(WORKFLOW_NOW.getTime()).toBeLessThan(new Date('2027-03-19T10:00:00Z').getTime());
  });
});
