// Races and retries that used to answer 500 or a misleading error: two tabs
// picking different proposals (different spokespeople, so different booking
// locks), an approval retried after its answer was lost, and a unique-index
// race no domain function names.
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

async function settle<T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; code: string | undefined; error: unknown }> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, code: appCodeOf(error), error };
  }
}

describe('two tabs pick different proposals at once', () => {
  it('one books, the other answers INVALID_TRANSITION (never a 500 on Interview.requestId), round after round', async () => {
    const first = await makeBookableSpokesperson(database, { name: 'Hector Guerra' });
    const second = await makeBookableSpokesperson(database, { name: 'Kasia Derlicka' });
    const reporter = await publicCaller(database);
    for (let round = 0; round < 6; round++) {
      const start = new Date(Date.UTC(2027, 2, 3 + round, 9)).toISOString();
      const created = await reporter.requests.create(requestInput(first.id, start));
      await desk.caller.desk.requests.propose({
        requestId: created.requestId,
        slots: [
          { start: new Date(Date.UTC(2027, 2, 3 + round, 10)).toISOString(), spokespersonId: first.id },
          { start: new Date(Date.UTC(2027, 2, 3 + round, 11)).toISOString(), spokespersonId: second.id },
        ],
        autoAccept: true,
      });
      const manage = { reference: created.reference, token: created.manageToken };
      // Two tabs, two callers (two contexts), fired together.
      const [tabA, tabB] = await Promise.all([publicCaller(database), publicCaller(database)]);
      const outcomes = await Promise.all([settle(tabA.requests.pickProposal({ ...manage, index: 0 })), settle(tabB.requests.pickProposal({ ...manage, index: 1 }))]);
      const winners = outcomes.filter((outcome) => outcome.ok);
      const losers = outcomes.filter((outcome) => !outcome.ok);
      expect(winners).toHaveLength(1);
      expect(losers.map((outcome) => (outcome.ok ? null : outcome.code))).toEqual(['INVALID_TRANSITION']);
      const interviews = await database.prisma.interview.findMany({ where: { requestId: created.requestId } });
      expect(interviews).toHaveLength(1);
    }
  });
});

describe('approve is idempotent for the same request and time', () => {
  it('a replayed approval answers the booked interview; another time answers INVALID_TRANSITION', async () => {
    const person = await makeBookableSpokesperson(database);
    const created = await (await publicCaller(database)).requests.create(requestInput(person.id, '2027-03-15T09:00:00Z'));
    const first = await desk.caller.desk.requests.approve({ requestId: created.requestId });
    expect(first.status).toBe('approved');
    const outboxBefore = await database.prisma.outboxMessage.count({ where: { requestId: created.requestId } });

    // The first answer was lost; the console sends the same approval again.
    const replayed = await desk.caller.desk.requests.approve({ requestId: created.requestId });
    expect(replayed.status).toBe('approved');
    expect(replayed.interview).toEqual(first.interview);
    // The same with the time spelled out.
    const explicit = await desk.caller.desk.requests.approve({ requestId: created.requestId, start: '2027-03-15T09:00:00Z' });
    expect(explicit.interview).toEqual(first.interview);
    // Nothing happened twice: one interview, no new invites.
    expect(await database.prisma.interview.count({ where: { requestId: created.requestId } })).toBe(1);
    expect(await database.prisma.outboxMessage.count({ where: { requestId: created.requestId } })).toBe(outboxBefore);

    const moved = await settle(desk.caller.desk.requests.approve({ requestId: created.requestId, start: '2027-03-15T10:00:00Z' }));
    expect(moved.ok ? 'ok' : moved.code).toBe('INVALID_TRANSITION');
  });

  it('the same approval fired twice at once books once and both answer the interview', async () => {
    const person = await makeBookableSpokesperson(database);
    const created = await (await publicCaller(database)).requests.create(requestInput(person.id, '2027-03-16T09:00:00Z'));
    const other = await deskCaller(database);
    const [a, b] = await Promise.all([desk.caller.desk.requests.approve({ requestId: created.requestId }), other.caller.desk.requests.approve({ requestId: created.requestId })]);
    expect(a.interview?.id).toBeDefined();
    expect(b.interview?.id).toBe(a.interview?.id);
    expect(await database.prisma.interview.count({ where: { requestId: created.requestId } })).toBe(1);
  });
});
