// desk.planner on a real database: working hours at the right instants across
// a DST change, time off, interviews and holds, who may ask, and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { appCodeOf, deskCaller, fieldErrorsOf, makeBookableSpokesperson, publicCaller, requestInput, workflowConfig, workflowNow } from '../support/workflow';
import { signedInCaller } from '../support/sign-in';
import { makeCaller } from '../support/context';

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

// Friday 26 March to Friday 2 April 2027 (UTC): Zurich moves to summer time on Sunday 28 March.
const WINDOW = { from: '2027-03-26T00:00:00Z', to: '2027-04-02T00:00:00Z' };

/** A Zurich spokesperson working 09:00–17:00 every day, who holds requested slots. */
async function zurichSpokesperson() {
  return makeBookableSpokesperson(database, {
    holdSlots: true,
    weeklyRules: { create: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime: '09:00', endTime: '17:00' })) },
  });
}

describe('desk.planner', () => {
  it('gives Zurich 09:00–17:00 at 08:00Z–16:00Z before the DST change and 07:00Z–15:00Z after it, with overrides', async () => {
    const person = await zurichSpokesperson();
    await desk.caller.spokespeople.setDateOverride({ spokespersonId: person.id, date: '2027-03-31', ranges: [{ start: '13:00', end: '15:00' }] });
    const view = await desk.caller.desk.planner({ ...WINDOW, timeZone: 'America/New_York', spokespersonIds: [person.id] });
    expect(view.from).toBe('2027-03-26T00:00:00.000Z');
    expect(view.spokespeople).toHaveLength(1);
    const [planned] = view.spokespeople;
    expect(planned).toMatchObject({ id: person.id, name: person.name, timeZone: 'Europe/Zurich' });
    expect(planned!.working).toEqual([
      { start: '2027-03-26T08:00:00.000Z', end: '2027-03-26T16:00:00.000Z' },
      { start: '2027-03-27T08:00:00.000Z', end: '2027-03-27T16:00:00.000Z' },
      // Sunday 28 March: the clocks went forward at 02:00, so 09:00 is now UTC+2.
      { start: '2027-03-28T07:00:00.000Z', end: '2027-03-28T15:00:00.000Z' },
      { start: '2027-03-29T07:00:00.000Z', end: '2027-03-29T15:00:00.000Z' },
      { start: '2027-03-30T07:00:00.000Z', end: '2027-03-30T15:00:00.000Z' },
      // The override replaces Wednesday's hours.
      { start: '2027-03-31T11:00:00.000Z', end: '2027-03-31T13:00:00.000Z' },
      { start: '2027-04-01T07:00:00.000Z', end: '2027-04-01T15:00:00.000Z' },
    ]);
    // The viewer's zone changes the night, never the spokesperson's hours.
    const fromTokyo = await desk.caller.desk.planner({ ...WINDOW, timeZone: 'Asia/Tokyo', spokespersonIds: [person.id] });
    expect(fromTokyo.spokespeople[0]!.working).toEqual(planned!.working);
    // The window opens at 09:00 in Tokyo: the first night there is 26 March's, 22:00–07:00 at UTC+9.
    expect(fromTokyo.night[0]).toEqual({ start: '2027-03-26T13:00:00.000Z', end: '2027-03-26T22:00:00.000Z' });
    expect(fromTokyo.night).toHaveLength(7);
  });

  it('marks the viewer’s nights 22:00–07:00 in their zone, eight hours across the spring-forward night', async () => {
    const view = await desk.caller.desk.planner({ from: '2027-03-26T12:00:00Z', to: '2027-03-29T12:00:00Z', timeZone: 'Europe/Zurich', spokespersonIds: [] });
    expect(view.timeZone).toBe('Europe/Zurich');
    expect(view.spokespeople).toEqual([]);
    expect(view.night).toEqual([
      { start: '2027-03-26T21:00:00.000Z', end: '2027-03-27T06:00:00.000Z' },
      { start: '2027-03-27T21:00:00.000Z', end: '2027-03-28T05:00:00.000Z' },
      { start: '2027-03-28T20:00:00.000Z', end: '2027-03-29T05:00:00.000Z' },
    ]);
  });

  it('shows time off, confirmed interviews and pending holds, and leaves out declined requests and cancelled interviews', async () => {
    const person = await zurichSpokesperson();
    const reporter = await publicCaller(database);
    await desk.caller.spokespeople.addTimeOff({ spokespersonId: person.id, start: '2027-03-27T00:00:00+01:00', end: '2027-03-28T00:00:00+01:00', reason: 'Travel to Vienna' });
    const confirmed = await reporter.requests.create(requestInput(person.id, '2027-03-29T08:00:00Z', { reporter: { name: 'Ana Lima', email: 'ana@example.org', outlet: 'Example Wire', timeZone: 'America/New_York' } }));
    await desk.caller.desk.requests.approve({ requestId: confirmed.requestId });
    const held = await reporter.requests.create(requestInput(person.id, '2027-03-30T12:00:00Z'));
    const declined = await reporter.requests.create(requestInput(person.id, '2027-03-31T11:30:00Z'));
    await desk.caller.desk.requests.decline({ requestId: declined.requestId, reason: 'Not this week' });
    const cancelled = await reporter.requests.create(requestInput(person.id, '2027-04-01T09:00:00Z'));
    await desk.caller.desk.requests.approve({ requestId: cancelled.requestId });
    const cancelledInterview = await database.prisma.interview.findUniqueOrThrow({ where: { requestId: cancelled.requestId } });
    await desk.caller.desk.interviews.cancel({ interviewId: cancelledInterview.id, reason: 'Spokesperson ill' });
    // Outside the window: not shown.
    await reporter.requests.create(requestInput(person.id, '2027-04-02T09:00:00Z'));

    const view = await desk.caller.desk.planner({ ...WINDOW, timeZone: 'Europe/Zurich', spokespersonIds: [person.id] });
    const [planned] = view.spokespeople;
    expect(planned!.timeOff).toEqual([{ id: expect.any(String), start: '2027-03-26T23:00:00.000Z', end: '2027-03-27T23:00:00.000Z', reason: 'Travel to Vienna' }]);
    const interview = await database.prisma.interview.findUniqueOrThrow({ where: { requestId: confirmed.requestId } });
    expect(planned!.interviews).toEqual([
      { id: interview.id, start: '2027-03-29T08:00:00.000Z', end: '2027-03-29T08:30:00.000Z', status: 'confirmed', reference: confirmed.reference, outlet: 'Example Wire' },
    ]);
    expect(planned!.holds).toEqual([{ requestId: held.requestId, reference: held.reference, start: '2027-03-30T12:00:00.000Z', end: '2027-03-30T12:30:00.000Z' }]);
  });

  it('lists every active spokesperson by name when no ids are given, and never an inactive one', async () => {
    const active = await zurichSpokesperson();
    const inactive = await makeBookableSpokesperson(database, { active: false });
    const view = await desk.caller.desk.planner({ ...WINDOW, timeZone: 'UTC' });
    const ids = view.spokespeople.map((person) => person.id);
    expect(ids).toContain(active.id);
    expect(ids).not.toContain(inactive.id);
    const names = view.spokespeople.map((person) => person.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const only = await desk.caller.desk.planner({ ...WINDOW, timeZone: 'UTC', spokespersonIds: [inactive.id, 'nobody'] });
    expect(only.spokespeople).toEqual([]);
  });

  it('is for press officers and admins: a spokesperson is refused, and so is anyone signed out', async () => {
    const person = await zurichSpokesperson();
    const admin = await deskCaller(database, 'admin');
    await expect(admin.caller.desk.planner({ ...WINDOW, timeZone: 'UTC', spokespersonIds: [person.id] })).resolves.toMatchObject({ spokespeople: [{ id: person.id }] });
    const spokesperson = await signedInCaller(database, 'spokesperson', { spokespersonId: person.id, now: workflowNow, config: workflowConfig(database) });
    const refused = await fails(spokesperson.caller.desk.planner({ ...WINDOW, timeZone: 'UTC', spokespersonIds: [person.id] }));
    expect(appCodeOf(refused)).toBe('FORBIDDEN');
    const anonymous = await makeCaller(database, { now: workflowNow });
    expect(appCodeOf(await fails(anonymous.desk.planner({ ...WINDOW, timeZone: 'UTC' })))).toBe('UNAUTHENTICATED');
  });

  it('answers VALIDATION_FAILED with a clear message for a bad zone, an empty or reversed window and one over 8 days', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...WINDOW, timeZone: 'CET' }, 'timeZone', /IANA time zone name/],
      [{ ...WINDOW, timeZone: 'Mars/Olympus_Mons' }, 'timeZone', /IANA time zone name/],
      [{ from: WINDOW.from, to: WINDOW.from, timeZone: 'UTC' }, 'to', /^"to" must be after "from"$/],
      [{ from: WINDOW.to, to: WINDOW.from, timeZone: 'UTC' }, 'to', /^"to" must be after "from"$/],
      [{ from: WINDOW.from, to: '2027-04-03T00:00:01Z', timeZone: 'UTC' }, 'to', /at most 8 days/],
      [{ from: '2027-03-26', to: WINDOW.to, timeZone: 'UTC' }, 'from', /ISO 8601 instant/],
    ];
    for (const [input, field, message] of cases) {
      const error = await fails(desk.caller.desk.planner(input as never));
      expect(appCodeOf(error), JSON.stringify(input)).toBe('VALIDATION_FAILED');
      const fields = fieldErrorsOf(error);
      expect(Object.keys(fields), JSON.stringify(input)).toEqual([field]);
      expect(fields[field]!.join(' '), JSON.stringify(input)).toMatch(message);
    }
    // Exactly 8 days is allowed (a local week across a DST change needs a little more than 7).
    await expect(desk.caller.desk.planner({ from: WINDOW.from, to: '2027-04-03T00:00:00Z', timeZone: 'UTC', spokespersonIds: [] })).resolves.toMatchObject({ spokespeople: [] });
  });
});
