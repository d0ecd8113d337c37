// A reporter moving their request or interview (requests.move) and the desk's
// answer (desk.requests.approveMove / declineMove), on a real database
// (SQLite, and PostgreSQL with npm run test:postgres): holds move with the
// time, a confirmed interview moves only once approved (same UID, SEQUENCE + 1)
// unless the office lets it move at once, and no move takes a held time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { makeCaller } from '../support/context';
import { appCodeOf, deskCaller, makeBookableSpokesperson, publicCaller, requestInput, workflowConfig, workflowNow } from '../support/workflow';

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

async function confirmedInterview(spokespersonId: string, start: string) {
  const reporter = await publicCaller(database);
  const created = await reporter.requests.create(requestInput(spokespersonId, start));
  await desk.caller.desk.requests.approve({ requestId: created.requestId });
  return { reporter, created };
}

describe('requests.move', () => {
  it('a pending request takes the new time and its hold moves with it; the old time is free again', async () => {
    const person = await makeBookableSpokesperson(database, { holdSlots: true });
    const reporter = await publicCaller(database);
    const created = await reporter.requests.create(requestInput(person.id, '2027-03-10T09:00:00Z'));
    const answer = await reporter.requests.move({ reference: created.reference, token: created.manageToken, start: '2027-03-10T13:00:00Z' });
    expect(answer).toEqual({ outcome: 'request_moved' });
    const row = await database.prisma.interviewRequest.findUniqueOrThrow({ where: { id: created.requestId } });
    expect(row).toMatchObject({ status: 'pending', requestedStart: new Date('2027-03-10T13:00:00Z'), holdStart: new Date('2027-03-10T13:00:00Z'), holdEnd: new Date('2027-03-10T13:30:00Z') });
    const slots = await reporter.availability.slots({ spokespersonId: person.id, from: '2027-03-10T08:00:00Z', to: '2027-03-10T15:00:00Z', timeZone: 'UTC' });
    const starts = slots.days.flatMap((day) => day.slots.map((slot) => slot.start));
    expect(starts).toContain('2027-03-10T09:00:00Z');
    expect(starts).not.toContain('2027-03-10T13:00:00Z');
    const view = await reporter.requests.get({ reference: created.reference, token: created.manageToken });
    expect(view.requested?.start.utc).toBe('2027-03-10T13:00:00.000Z');
  });

  it('a move cannot take a time another request holds, even when both reporters move at once', async () => {
    const person = await makeBookableSpokesperson(database, { holdSlots: true });
    const holder = await publicCaller(database);
    await holder.requests.create(requestInput(person.id, '2027-03-11T10:00:00Z'));
    const mover = await publicCaller(database);
    const created = await mover.requests.create(requestInput(person.id, '2027-03-11T14:00:00Z'));
    const taken = await fails(mover.requests.move({ reference: created.reference, token: created.manageToken, start: '2027-03-11T10:15:00Z' }));
    expect(appCodeOf(taken)).toBe('SLOT_TAKEN');
    expect((await database.prisma.interviewRequest.findUniqueOrThrow({ where: { id: created.requestId } })).requestedStart).toEqual(new Date('2027-03-11T14:00:00Z'));

    // Five reporters race for one free time: exactly one gets it.
    const racers = await Promise.all(['08:00', '08:30', '09:00', '11:00', '11:30'].map((time) => mover.requests.create(requestInput(person.id, `2027-03-11T${time}:00Z`))));
    const results = await Promise.allSettled(racers.map((racer) => mover.requests.move({ reference: racer.reference, token: racer.manageToken, start: '2027-03-11T16:00:00Z' })));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((result) => result.status === 'rejected').map((result) => appCodeOf((result as PromiseRejectedResult).reason))).toEqual(['SLOT_TAKEN', 'SLOT_TAKEN', 'SLOT_TAKEN', 'SLOT_TAKEN']);
    expect(await database.prisma.interviewRequest.count({ where: { spokespersonId: person.id, holdStart: new Date('2027-03-11T16:00:00Z') } })).toBe(1);
  });

  it('a confirmed interview: the move waits for the desk, holding the new time; approval updates the invite (same UID, SEQUENCE + 1)', async () => {
    const person = await makeBookableSpokesperson(database);
    const { reporter, created } = await confirmedInterview(person.id, '2027-03-12T09:00:00Z');
    const before = await database.prisma.interview.findUniqueOrThrow({ where: { requestId: created.requestId } });
    expect(await reporter.requests.move({ reference: created.reference, token: created.manageToken, start: '2027-03-12T15:00:00Z' })).toEqual({ outcome: 'move_requested' });
    // Nothing moved yet: the interview keeps its time, the new one is held and in the desk's queue.
    expect(await database.prisma.interview.findUniqueOrThrow({ where: { id: before.id } })).toMatchObject({ startsAt: before.startsAt, inviteSequence: 0 });
    const view = await reporter.requests.get({ reference: created.reference, token: created.manageToken });
    expect(view.move?.start.utc).toBe('2027-03-12T15:00:00.000Z');
    const queue = await desk.caller.desk.requests.list({});
    expect(queue.find((row) => row.id === created.requestId)?.move?.start.utc).toBe('2027-03-12T15:00:00.000Z');
    const other = await publicCaller(database);
    expect(appCodeOf(await fails(other.requests.create(requestInput(person.id, '2027-03-12T15:00:00Z'))))).toBe('SLOT_TAKEN');
    const notices = await database.prisma.outboxMessage.findMany({ where: { requestId: created.requestId, kind: 'move_requested' } });
    expect(notices.map((notice) => notice.recipient)).toEqual(['press@example.org']);

    const invitesBefore = await database.prisma.outboxMessage.count({ where: { interviewId: before.id, kind: 'invite' } });
    const approved = await desk.caller.desk.requests.approveMove({ requestId: created.requestId });
    expect(approved.move).toBeNull();
    const after = await database.prisma.interview.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).toMatchObject({ status: 'rescheduled', startsAt: new Date('2027-03-12T15:00:00Z'), endsAt: new Date('2027-03-12T15:30:00Z'), inviteUid: before.inviteUid, inviteSequence: 1 });
    // Updated invites to both attendees.
    expect(await database.prisma.outboxMessage.count({ where: { interviewId: before.id, kind: 'invite' } })).toBe(invitesBefore + 2);
    const request = await database.prisma.interviewRequest.findUniqueOrThrow({ where: { id: created.requestId } });
    expect(request).toMatchObject({ moveStart: null, holdStart: null, status: 'approved' });
    expect((await reporter.requests.get({ reference: created.reference, token: created.manageToken })).interview?.start.utc).toBe('2027-03-12T15:00:00.000Z');
    expect(appCodeOf(await fails(desk.caller.desk.requests.approveMove({ requestId: created.requestId })))).toBe('INVALID_TRANSITION');
  });

  it('declining a move keeps the interview’s time and frees the held one', async () => {
    const person = await makeBookableSpokesperson(database);
    const { reporter, created } = await confirmedInterview(person.id, '2027-03-15T09:00:00Z');
    await reporter.requests.move({ reference: created.reference, token: created.manageToken, start: '2027-03-15T12:00:00Z' });
    await desk.caller.desk.requests.declineMove({ requestId: created.requestId, reason: 'The director travels that afternoon' });
    expect(await database.prisma.interview.findUniqueOrThrow({ where: { requestId: created.requestId } })).toMatchObject({ startsAt: new Date('2027-03-15T09:00:00Z'), inviteSequence: 0 });
    const someoneElse = await (await publicCaller(database)).requests.create(requestInput(person.id, '2027-03-15T12:00:00Z'));
    expect(someoneElse.status).toBe('pending');
  });

  it('with REPORTER_MOVES=direct a confirmed interview moves at once; a cancelled request cannot move', async () => {
    const person = await makeBookableSpokesperson(database);
    const { created } = await confirmedInterview(person.id, '2027-03-16T09:00:00Z');
    const direct = await makeCaller(database, { now: workflowNow, config: workflowConfig(database, { REPORTER_MOVES: 'direct' }), ip: '203.0.113.11' });
    expect(await direct.requests.move({ reference: created.reference, token: created.manageToken, start: '2027-03-16T11:00:00Z' })).toEqual({ outcome: 'interview_moved' });
    expect(await database.prisma.interview.findUniqueOrThrow({ where: { requestId: created.requestId } })).toMatchObject({ startsAt: new Date('2027-03-16T11:00:00Z'), inviteSequence: 1, status: 'rescheduled' });
    await direct.requests.cancel({ reference: created.reference, token: created.manageToken, reason: 'Story dropped' });
    const error = await fails(direct.requests.move({ reference: created.reference, token: created.manageToken, start: '2027-03-16T13:00:00Z' }));
    expect(appCodeOf(error)).toBe('INVALID_TRANSITION');
    // A wrong token is NOT_FOUND, as for every reporter action.
    expect(appCodeOf(await fails(direct.requests.move({ reference: created.reference, token: 'x'.repeat(43), start: '2027-03-16T13:00:00Z' })))).toBe('NOT_FOUND');
  });
});
