// After an interview: the desk's "Needs an outcome" list, outcomes with a
// note (completed, no-show, cancelled late), and the no-show record shown
// beside the reporter in the queue, on their card and beside their outlet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { signedInCaller } from '../support/sign-in';
import { appCodeOf, deskCaller, makeBookableSpokesperson, publicCaller, requestInput, workflowConfig } from '../support/workflow';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

const reporter = { name: 'Dana Reyes', email: 'dana.reyes@example.org', outlet: 'Lakeside Tribune', timeZone: 'America/New_York' };

describe('interview outcomes', () => {
  it('an ended interview waits in "Needs an outcome" until recorded; a no-show counts against the reporter and the outlet', async () => {
    const desk = await deskCaller(database);
    const person = await makeBookableSpokesperson(database);
    const created = await (await publicCaller(database)).requests.create(requestInput(person.id, '2027-03-01T09:00:00Z', { reporter }));
    const { interview } = await desk.caller.desk.requests.approve({ requestId: created.requestId });

    // Before the start it cannot have an outcome, and nothing needs one.
    expect(appCodeOf(await desk.caller.desk.interviews.markOutcome({ interviewId: interview!.id, outcome: 'no_show' }).catch((error: unknown) => error))).toBe('INVALID_TRANSITION');
    expect(await desk.caller.desk.interviews.list({ needsOutcome: true })).toEqual([]);

    // An hour after the end, by the server's clock.
    const later = await signedInCaller(database, 'press_officer', { now: () => new Date('2027-03-01T10:30:00Z'), config: workflowConfig(database) });
    expect((await later.caller.desk.interviews.list({ needsOutcome: true })).map((row) => row.id)).toEqual([interview!.id]);
    const marked = await later.caller.desk.interviews.markOutcome({ interviewId: interview!.id, outcome: 'no_show', note: '  Did not join the call; no answer by phone.  ' });
    expect(marked).toMatchObject({ status: 'no_show', outcomeNote: 'Did not join the call; no answer by phone.' });
    expect(await later.caller.desk.interviews.list({ needsOutcome: true })).toEqual([]);
    // Recorded once: it cannot be changed afterwards.
    expect(appCodeOf(await later.caller.desk.interviews.markOutcome({ interviewId: interview!.id, outcome: 'completed' }).catch((error: unknown) => error))).toBe('INVALID_TRANSITION');

    // The same reporter asks again: the queue shows their record; so do their card and their outlet.
    const again = await (await publicCaller(database)).requests.create(requestInput(person.id, '2027-03-02T09:00:00Z', { reporter }));
    const row = (await desk.caller.desk.requests.list({})).find((entry) => entry.id === again.requestId)!;
    expect(row.reporterNoShows).toBe(1);
    const contactId = (await database.prisma.interviewRequest.findUniqueOrThrow({ where: { id: again.requestId } })).mediaContactId!;
    const outlet = await desk.caller.outlets.create({ name: 'Lakeside Tribune', kind: 'print' });
    await database.prisma.mediaContact.update({ where: { id: contactId }, data: { outletId: outlet.id } });
    expect((await desk.caller.contacts.get({ id: contactId })).noShows).toEqual({ contact: 1, outlet: 1 });
    expect((await desk.caller.outlets.list({})).find((entry) => entry.id === outlet.id)?.noShowCount).toBe(1);
  });

  it('records a late cancellation with its note; the audit trail keeps both', async () => {
    const desk = await deskCaller(database);
    const person = await makeBookableSpokesperson(database);
    const created = await (await publicCaller(database)).requests.create(requestInput(person.id, '2027-03-01T11:00:00Z'));
    const { interview } = await desk.caller.desk.requests.approve({ requestId: created.requestId });
    const later = await signedInCaller(database, 'press_officer', { now: () => new Date('2027-03-01T12:00:00Z'), config: workflowConfig(database) });
    const marked = await later.caller.desk.interviews.markOutcome({ interviewId: interview!.id, outcome: 'cancelled_late', note: 'The spokesperson was called to a meeting ten minutes before.' });
    expect(marked.status).toBe('cancelled_late');
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: 'interview.mark_outcome', entityId: interview!.id } });
    expect(audit.after).toMatchObject({ status: 'cancelled_late', note: 'The spokesperson was called to a meeting ten minutes before.' });
    // A spokesperson may not record outcomes (press officers only).
    const spokesperson = await signedInCaller(database, 'spokesperson', { spokespersonId: person.id });
    expect(appCodeOf(await spokesperson.caller.desk.interviews.list({ needsOutcome: true }).catch((error: unknown) => error))).toBe('FORBIDDEN');
  });
});
