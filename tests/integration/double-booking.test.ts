// "Nothing is ever double-booked", whatever happens at once (DESIGN.md rule 2),
// on SQLite and on PostgreSQL (npm run test:postgres). Each race fires real
// concurrent calls through tRPC and checks the database afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { appCodeOf, deskCaller, makeBookableSpokesperson, publicCaller, requestInput } from '../support/workflow';

let database: TestDatabase;
let desk: Awaited<ReturnType<typeof deskCaller>>;

beforeAll(async () => {
  database = await createTestDatabase();
  desk = await deskCaller(database);
});
afterAll(() => database.destroy());

/** Creates pending requests (no holds) at the given UTC starts, in parallel batches. */
async function pendingRequests(spokespersonId: string, starts: string[]) {
  const caller = await publicCaller(database);
  const created = [];
  for (let index = 0; index < starts.length; index += 10) {
    created.push(...(await Promise.all(starts.slice(index, index + 10).map((start) => caller.requests.create(requestInput(spokespersonId, start))))));
  }
  return created;
}

function outcomes(results: PromiseSettledResult<unknown>[]) {
  const failures = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
  return { succeeded: results.length - failures.length, codes: failures.map((failure) => appCodeOf(failure.reason)) };
}

async function activeInterviews(spokespersonId: string) {
  return database.prisma.interview.findMany({ where: { spokespersonId, status: { in: ['confirmed', 'rescheduled'] } }, orderBy: { startsAt: 'asc' } });
}

/** True when any two active interviews overlap once widened by their buffers. */
function anyOverlap(interviews: { startsAt: Date; endsAt: Date; bufferBeforeMinutes: number; bufferAfterMinutes: number }[]) {
  const widened = interviews.map((interview) => [interview.startsAt.getTime() - interview.bufferBeforeMinutes * 60_000, interview.endsAt.getTime() + interview.bufferAfterMinutes * 60_000] as const);
  return widened.some(([start, end], index) => widened.some(([otherStart, otherEnd], other) => other !== index && start < otherEnd && otherStart < end));
}

describe('no double booking under concurrency', () => {
  it('50 concurrent approvals of requests overlapping one spokesperson’s time (buffers included) confirm exactly one', async () => {
    const person = await makeBookableSpokesperson(database, { bufferBeforeMinutes: 15, bufferAfterMinutes: 15, slotStepMinutes: 5 });
    // Ten starts 5 minutes apart (09:00–09:45), five requests each: any two overlap once buffers are added.
    const starts = Array.from({ length: 50 }, (_, index) => new Date(Date.parse('2027-03-10T09:00:00Z') + (index % 10) * 5 * 60_000).toISOString());
    const requests = await pendingRequests(person.id, starts);
    const started = performance.now();
    const results = await Promise.allSettled(requests.map((request) => desk.caller.desk.requests.approve({ requestId: request.requestId })));
    const elapsed = performance.now() - started;
    const { succeeded, codes } = outcomes(results);
    expect(succeeded).toBe(1);
    expect(codes).toEqual(Array(49).fill('SLOT_TAKEN'));
    expect(await activeInterviews(person.id)).toHaveLength(1);
    const statuses = await database.prisma.interviewRequest.groupBy({ by: ['status'], where: { spokespersonId: person.id }, _count: true });
    expect(Object.fromEntries(statuses.map((row) => [row.status, row._count]))).toEqual({ approved: 1, pending: 49 });
    console.info(`[${database.provider}] 50-way approval race: ${Math.round(elapsed)} ms`);
  });

  it('10 concurrent reschedules into one slot move exactly one interview there', async () => {
    const person = await makeBookableSpokesperson(database, { bufferAfterMinutes: 10 });
    // 08:00 to 17:00 in Zurich (UTC+1), one an hour.
    const starts = Array.from({ length: 10 }, (_, index) => new Date(Date.parse('2027-03-11T07:00:00Z') + index * 60 * 60_000).toISOString());
    const requests = await pendingRequests(person.id, starts);
    const interviews = [];
    for (const request of requests) interviews.push((await desk.caller.desk.requests.approve({ requestId: request.requestId })).interview!);
    // 16:45Z is free: the 16:00Z interview ends 16:30 plus a 10-minute buffer.
    const results = await Promise.allSettled(interviews.slice(0, 9).map((interview) => desk.caller.desk.interviews.reschedule({ interviewId: interview.id, start: '2027-03-11T16:45:00Z', overrideHours: true })));
    const { succeeded, codes } = outcomes(results);
    expect(succeeded).toBe(1);
    expect(new Set(codes)).toEqual(new Set(['SLOT_TAKEN']));
    const active = await activeInterviews(person.id);
    expect(active).toHaveLength(10);
    expect(anyOverlap(active)).toBe(false);
    expect(active.filter((interview) => interview.startsAt.toISOString() === '2027-03-11T16:45:00.000Z')).toHaveLength(1);
  });

  it('approvals racing a time-off entry for the same time: exactly one of them wins', async () => {
    for (let round = 0; round < 5; round++) {
      const person = await makeBookableSpokesperson(database);
      const [request] = await pendingRequests(person.id, ['2027-03-12T10:00:00Z']);
      const officer = await deskCaller(database);
      const results = await Promise.allSettled([
        desk.caller.desk.requests.approve({ requestId: request!.requestId }),
        officer.caller.spokespeople.addTimeOff({ spokespersonId: person.id, start: '2027-03-12T09:00:00Z', end: '2027-03-12T12:00:00Z', reason: 'Travel' }),
      ]);
      const { succeeded, codes } = outcomes(results);
      expect(succeeded, `round ${round}`).toBe(1);
      expect(codes).toEqual(['SLOT_TAKEN']);
      const interviews = await activeInterviews(person.id);
      const timeOff = await database.prisma.timeOff.count({ where: { spokespersonId: person.id } });
      expect(interviews.length + timeOff).toBe(1);
    }
  });

  it('10 concurrent approvals on a day with 2 places left confirm exactly 2', async () => {
    const person = await makeBookableSpokesperson(database, { maxPerDay: 3 });
    const [first] = await pendingRequests(person.id, ['2027-03-13T07:00:00Z']);
    await desk.caller.desk.requests.approve({ requestId: first!.requestId });
    // Ten distinct, non-overlapping times on the same Zurich day.
    const starts = Array.from({ length: 10 }, (_, index) => new Date(Date.parse('2027-03-13T08:00:00Z') + index * 45 * 60_000).toISOString());
    const requests = await pendingRequests(person.id, starts);
    const results = await Promise.allSettled(requests.map((request) => desk.caller.desk.requests.approve({ requestId: request.requestId })));
    const { succeeded, codes } = outcomes(results);
    expect(succeeded).toBe(2);
    expect(codes).toEqual(Array(8).fill('SLOT_TAKEN'));
    expect(await activeInterviews(person.id)).toHaveLength(3);
  });

  it('20 concurrent creates with one idempotency key make one request and answer the same', async () => {
    const person = await makeBookableSpokesperson(database, { holdSlots: true });
    const caller = await publicCaller(database);
    const input = requestInput(person.id, '2027-03-14T09:00:00Z');
    const results = await Promise.all(Array.from({ length: 20 }, () => caller.requests.create(input)));
    expect(new Set(results.map((result) => result.reference)).size).toBe(1);
    expect(new Set(results.map((result) => result.manageToken)).size).toBe(1);
    expect(results.filter((result) => !result.replayed)).toHaveLength(1);
    expect(await database.prisma.interviewRequest.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1);
    expect(await database.prisma.outboxMessage.count({ where: { kind: 'request_received', recipient: input.reporter.email } })).toBe(1);
  });

  it('concurrent requests for one held slot: exactly one gets the hold', async () => {
    const person = await makeBookableSpokesperson(database, { holdSlots: true });
    const caller = await publicCaller(database);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => caller.requests.create(requestInput(person.id, '2027-03-15T09:00:00Z'))));
    const { succeeded, codes } = outcomes(results);
    expect(succeeded).toBe(1);
    expect(codes).toEqual(Array(9).fill('SLOT_TAKEN'));
  });
});
