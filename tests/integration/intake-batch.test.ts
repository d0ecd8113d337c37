// requests.create writes the requests that arrive together in one transaction
// (server/requests/create-request.ts). These bursts are fired in one tick, so
// they land in one batch: each request must still succeed or fail on its own,
// exactly as if it had come alone. Runs on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { appCodeOf, makeBookableSpokesperson, publicCaller, requestInput, workflowConfig } from '../support/workflow';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

function codesOf(results: PromiseSettledResult<unknown>[]) {
  return results.map((result) => (result.status === 'fulfilled' ? 'ok' : appCodeOf(result.reason)));
}

describe('requests arriving together', () => {
  it('a burst with bad requests in it: every good one is created with its rows, every bad one fails alone with its own error', async () => {
    const person = await makeBookableSpokesperson(database, { holdSlots: true });
    const caller = await publicCaller(database);
    const reused = requestInput(person.id, '2027-03-16T09:00:00Z');
    const inputs = [
      requestInput(person.id, '2027-03-16T08:00:00Z'),
      requestInput(person.id, '2027-03-16T08:30:00Z', { format: 'in_person' }), // not a format this person gives
      requestInput('no-such-spokesperson', '2027-03-16T08:30:00Z'),
      reused,
      { ...reused, topic: 'Something else entirely' }, // same key, other content
      requestInput(person.id, '2027-03-16T10:00:00Z', { deadline: '2027-02-01T00:00:00Z' }), // deadline passed
      requestInput(person.id, '2027-03-16T08:00:00Z'), // the first one's held slot
      requestInput(person.id, '2027-03-16T11:00:00Z'),
    ];
    const results = await Promise.allSettled(inputs.map((input) => caller.requests.create(input)));
    expect(codesOf(results)).toEqual(['ok', 'VALIDATION_FAILED', 'NOT_FOUND', 'ok', 'CONFLICT', 'VALIDATION_FAILED', 'SLOT_TAKEN', 'ok']);
    expect((results[1] as PromiseRejectedResult).reason.message).toMatch(/does not give in person interviews/);

    const created = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    expect(new Set(created.map((request) => request.reference)).size).toBe(3);
    const stored = await database.prisma.interviewRequest.findMany({ where: { spokespersonId: person.id }, orderBy: { requestedStart: 'asc' } });
    expect(stored.map((request) => [request.requestedStart?.toISOString(), request.holdStart?.toISOString(), request.status])).toEqual([
      ['2027-03-16T08:00:00.000Z', '2027-03-16T08:00:00.000Z', 'pending'],
      ['2027-03-16T09:00:00.000Z', '2027-03-16T09:00:00.000Z', 'pending'],
      ['2027-03-16T11:00:00.000Z', '2027-03-16T11:00:00.000Z', 'pending'],
    ]);
    for (const request of stored) {
      // Each created request has its own contact, two messages and an audit event.
      expect(request.mediaContactId).not.toBeNull();
      expect(await database.prisma.outboxMessage.count({ where: { requestId: request.id } })).toBe(2);
      expect(await database.prisma.auditEvent.count({ where: { entityId: request.id, action: 'request.create' } })).toBe(1);
    }
    // The replay under the reused key answers later exactly as the first time.
    const again = await caller.requests.create(reused);
    expect(again).toMatchObject({ reference: created[1]!.reference, manageToken: created[1]!.manageToken, replayed: true });
  });

  it('one reporter writing several requests at once gets one contact, case-insensitively', async () => {
    const person = await makeBookableSpokesperson(database);
    const caller = await publicCaller(database);
    const reporter = { name: 'Ana Burst', email: 'Ana.Burst@Example.org', outlet: 'Burst News', timeZone: 'Europe/Lisbon' };
    const results = await Promise.all(
      ['09:00', '10:00', '11:00', '12:00'].map((time, index) =>
        caller.requests.create(requestInput(person.id, `2027-03-17T${time}:00Z`, { reporter: { ...reporter, email: index % 2 ? reporter.email.toLowerCase() : reporter.email } })),
      ),
    );
    expect(results).toHaveLength(4);
    const contacts = await database.prisma.mediaContact.findMany({ where: { emailNormalized: 'ana.burst@example.org' } });
    expect(contacts).toHaveLength(1);
    const linked = await database.prisma.interviewRequest.findMany({ where: { reporterEmail: 'ana.burst@example.org' }, select: { mediaContactId: true } });
    expect(linked.map((request) => request.mediaContactId)).toEqual(Array(4).fill(contacts[0]!.id));
  });

  it('the hold limits count the holds of the same burst: 6 at once from one address (aliases too) create 6 requests and 2 holds', async () => {
    const person = await makeBookableSpokesperson(database, { holdSlots: true });
    const caller = await publicCaller(database, { config: workflowConfig(database, { HOLD_LIMIT_PER_EMAIL: '2' }) });
    const emails = ['Hold.Burst@gmail.com', 'holdburst+a@gmail.com', 'hold.burst+b@googlemail.com', 'holdburst@gmail.com', 'HOLDBURST+c@gmail.com', 'h.o.l.d.burst@gmail.com'];
    const results = await Promise.all(emails.map((email, index) => caller.requests.create(requestInput(person.id, `2027-03-19T${String(8 + index).padStart(2, '0')}:00:00Z`, { reporter: { name: 'Holder', email, outlet: 'O', timeZone: 'UTC' } }))));
    expect(results).toHaveLength(6);
    const stored = await database.prisma.interviewRequest.findMany({ where: { spokespersonId: person.id }, select: { holdStart: true, reporterEmailKey: true } });
    expect(stored.filter((request) => request.holdStart)).toHaveLength(2);
    expect(new Set(stored.map((request) => request.reporterEmailKey))).toEqual(new Set(['holdburst@gmail.com']));
  });

  it('the per-IP hold limit is per spokesperson: 3 at once from one IP with 2 allowed hold 2 with one person, and the other person still gets holds', async () => {
    const first = await makeBookableSpokesperson(database, { holdSlots: true });
    const second = await makeBookableSpokesperson(database, { holdSlots: true });
    const caller = await publicCaller(database, { ip: '198.51.100.99', config: workflowConfig(database, { HOLD_LIMIT_PER_IP: '2' }) });
    await Promise.all([
      ...['08', '10', '12'].map((hour) => caller.requests.create(requestInput(first.id, `2027-03-19T${hour}:00:00Z`))),
      caller.requests.create(requestInput(second.id, '2027-03-19T08:00:00Z')),
    ]);
    expect(await database.prisma.interviewRequest.count({ where: { spokespersonId: first.id, holdStart: { not: null } } })).toBe(2);
    expect(await database.prisma.interviewRequest.count({ where: { spokespersonId: second.id, holdStart: { not: null } } })).toBe(1);
  });

  it('the per-email limit counts the requests of the same burst: 5 at once with 2 allowed create exactly 2', async () => {
    const person = await makeBookableSpokesperson(database);
    const caller = await publicCaller(database, { config: workflowConfig(database, { REQUEST_LIMIT_PER_EMAIL: '2' }) });
    const reporter = { name: 'Quick', email: 'quick-burst@example.org', outlet: 'O', timeZone: 'UTC' };
    const results = await Promise.allSettled(['09:00', '10:00', '11:00', '12:00', '13:00'].map((time) => caller.requests.create(requestInput(person.id, `2027-03-18T${time}:00Z`, { reporter }))));
    const codes = codesOf(results);
    expect(codes.filter((code) => code === 'ok')).toHaveLength(2);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(3);
    expect(await database.prisma.interviewRequest.count({ where: { reporterEmail: 'quick-burst@example.org' } })).toBe(2);
  });

  it('holds in one burst respect each other’s buffers and the daily cap', async () => {
    const person = await makeBookableSpokesperson(database, { holdSlots: true, bufferBeforeMinutes: 15, bufferAfterMinutes: 15, maxPerDay: 2 });
    const caller = await publicCaller(database);
    // 09:00 and 09:30 collide through the buffers; 12:00 and 15:00 are free, but only two fit the day.
    const starts = ['2027-03-19T09:00:00Z', '2027-03-19T09:30:00Z', '2027-03-19T12:00:00Z', '2027-03-19T15:00:00Z'];
    const codes = codesOf(await Promise.allSettled(starts.map((start) => caller.requests.create(requestInput(person.id, start)))));
    expect(codes).toEqual(['ok', 'SLOT_TAKEN', 'ok', 'SLOT_TAKEN']);
    const held = await database.prisma.interviewRequest.findMany({ where: { spokespersonId: person.id }, orderBy: { holdStart: 'asc' } });
    expect(held.map((request) => request.holdStart?.toISOString())).toEqual(['2027-03-19T09:00:00.000Z', '2027-03-19T12:00:00.000Z']);
  });
});
