// spokespeople.previewAvailability: the availability editor's live preview.
// A draft is previewed against the spokesperson's real bookings with the same
// engine, answer shape and validation as the saved path, and nothing is saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { makeSpokesperson } from '../support/factories';
import { appCodeOf, deskCaller, fieldErrorsOf, publicCaller, requestInput, workflowNow } from '../support/workflow';
import { signedInCaller } from '../support/sign-in';
import { makeCaller } from '../support/context';

let database: TestDatabase;
let desk: Awaited<ReturnType<typeof deskCaller>>['caller'];

beforeAll(async () => {
  database = await createTestDatabase();
  desk = (await deskCaller(database)).caller;
});
afterAll(() => database.destroy());

// Now is Monday 1 March 2027, 09:00 in Zurich (workflowNow). The week under
// test starts Monday 15 March: New York is on summer time (since 14 March),
// Zurich is not yet (28 March), so Zurich is UTC+1 and New York UTC-4.
const WEEK = { from: '2027-03-15T00:00:00Z', to: '2027-03-22T00:00:00Z' };

/** Zurich, Monday–Friday 09:00–12:00, 30-minute interviews on a 30-minute grid, no notice or buffers. */
function makeZurichSpokesperson(overrides: Record<string, unknown> = {}) {
  return makeSpokesperson(database.prisma, {
    timeZone: 'Europe/Zurich',
    allowedDurations: [30, 60],
    defaultDurationMinutes: 30,
    slotStepMinutes: 30,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 0,
    maxPerDay: null,
    horizonDays: 365,
    weeklyRules: { create: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startTime: '09:00', endTime: '12:00' })) },
    ...overrides,
  });
}

/** Slot starts per viewer date, as the answer groups them. */
function startsByDay(answer: { days: { date: string; slots: { start: string }[] }[] }) {
  return Object.fromEntries(answer.days.map((day) => [day.date, day.slots.map((slot) => slot.start)]));
}

async function fails(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as Error,
  );
}

describe('spokespeople.previewAvailability', () => {
  it('shows the draft’s slots, not the saved ones, as UTC instants in the viewer’s zone with the spokesperson’s local time', async () => {
    const person = await makeZurichSpokesperson();
    const draft = {
      spokespersonId: person.id,
      weeklyRules: [{ weekday: 2, start: '14:00', end: '16:00' }],
      overrides: [{ date: '2027-03-18', ranges: [{ start: '07:00', end: '08:00' }] }],
    };
    const preview = await desk.spokespeople.previewAvailability({ ...draft, ...WEEK, timeZone: 'America/New_York' });
    // Tuesday 14:00 in Zurich (UTC+1) is 13:00Z, 09:00 in New York (UTC-4).
    expect(startsByDay(preview)).toEqual({
      '2027-03-16': ['2027-03-16T09:00:00-04:00', '2027-03-16T09:30:00-04:00', '2027-03-16T10:00:00-04:00', '2027-03-16T10:30:00-04:00'],
      // The Thursday override: 07:00 Zurich is 06:00Z, 02:00 in New York.
      '2027-03-18': ['2027-03-18T02:00:00-04:00', '2027-03-18T02:30:00-04:00'],
    });
    expect(preview.days[0]!.slots[0]).toEqual({
      start: '2027-03-16T09:00:00-04:00',
      end: '2027-03-16T09:30:00-04:00',
      spokesperson: { start: '2027-03-16T14:00:00+01:00', end: '2027-03-16T14:30:00+01:00' },
    });
    expect(preview).toMatchObject({ spokesperson: { id: person.id, name: person.name, timeZone: 'Europe/Zurich' }, timeZone: 'America/New_York', durationMinutes: 30 });

    // Same answer shape as the public query, which still shows the saved hours.
    const saved = await (await publicCaller(database)).availability.slots({ spokespersonId: person.id, ...WEEK, timeZone: 'America/New_York' });
    expect(Object.keys(saved)).toEqual(Object.keys(preview));
    expect(saved.days[0]!.slots[0]!.start).toBe('2027-03-15T04:00:00-04:00');
    expect(saved.days.map((day) => day.date)).toEqual(['2027-03-15', '2027-03-16', '2027-03-17', '2027-03-18', '2027-03-19']);

    // A viewer east of Zurich: Tuesday 14:00 Zurich is 22:00 in Tokyo (UTC+9), on the same date.
    const tokyo = await desk.spokespeople.previewAvailability({ ...draft, ...WEEK, timeZone: 'Asia/Tokyo', duration: 60 });
    expect(startsByDay(tokyo)['2027-03-16']).toEqual(['2027-03-16T22:00:00+09:00', '2027-03-16T22:30:00+09:00', '2027-03-16T23:00:00+09:00']);
    expect(tokyo.durationMinutes).toBe(60);
  });

  it('real interviews still block slots, with the draft’s buffers, time off and daily cap applied around them', async () => {
    const person = await makeZurichSpokesperson();
    // A confirmed interview on Tuesday 16 March, 10:00–10:30 in Zurich, booked the real way.
    const created = await (await publicCaller(database)).requests.create(requestInput(person.id, '2027-03-16T09:00:00Z'));
    await desk.desk.requests.approve({ requestId: created.requestId });
    // Saved time off all Thursday; the draft drops it and adds Wednesday instead.
    await desk.spokespeople.addTimeOff({ spokespersonId: person.id, start: '2027-03-17T23:00:00Z', end: '2027-03-18T23:00:00Z', reason: 'Travel' });

    const base = { spokespersonId: person.id, weeklyRules: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '11:00' })), ...WEEK, timeZone: 'Europe/Zurich' };
    const plain = startsByDay(await desk.spokespeople.previewAvailability(base));
    expect(plain['2027-03-16']).toEqual(['2027-03-16T09:00:00+01:00', '2027-03-16T09:30:00+01:00', '2027-03-16T10:30:00+01:00']);
    expect(plain['2027-03-18']).toBeUndefined();

    const drafted = startsByDay(
      await desk.spokespeople.previewAvailability({
        ...base,
        // 30 minutes after each interview: the 09:30 slot would now run into the 10:00 interview.
        bufferAfterMinutes: 30,
        timeOff: [{ start: '2027-03-16T23:00:00Z', end: '2027-03-17T23:00:00Z', reason: 'Conference' }],
      }),
    );
    expect(drafted['2027-03-16']).toEqual(['2027-03-16T09:00:00+01:00', '2027-03-16T10:30:00+01:00']);
    expect(drafted['2027-03-17']).toBeUndefined();
    expect(drafted['2027-03-18']).toEqual(['2027-03-18T09:00:00+01:00', '2027-03-18T09:30:00+01:00', '2027-03-18T10:00:00+01:00', '2027-03-18T10:30:00+01:00']);

    // One interview a day: Tuesday is full, the other days are not.
    const capped = startsByDay(await desk.spokespeople.previewAvailability({ ...base, maxPerDay: 1 }));
    expect(capped['2027-03-16']).toBeUndefined();
    expect(capped['2027-03-15']).toHaveLength(4);
    // Minimum notice counts from the real now (Monday 1 March, 09:00 Zurich).
    const noticed = startsByDay(await desk.spokespeople.previewAvailability({ ...base, from: '2027-03-01T00:00:00Z', to: '2027-03-03T00:00:00Z', minimumNoticeMinutes: 24 * 60 }));
    expect(Object.keys(noticed)).toEqual(['2027-03-02']);
  });

  it('saves nothing: the record, its audit trail and the public slots are unchanged', async () => {
    const person = await makeZurichSpokesperson();
    await desk.spokespeople.addTimeOff({ spokespersonId: person.id, start: '2027-03-19T08:00:00Z', end: '2027-03-19T11:00:00Z' });
    const before = await desk.spokespeople.getManaged({ id: person.id });
    const publicBefore = await (await publicCaller(database)).availability.slots({ spokespersonId: person.id, ...WEEK, timeZone: 'UTC' });
    const auditBefore = await database.prisma.auditEvent.count({ where: { entityId: person.id } });

    await desk.spokespeople.previewAvailability({
      spokespersonId: person.id,
      weeklyRules: [{ weekday: 6, start: '10:00', end: '12:00' }],
      overrides: [{ date: '2027-03-15', ranges: [] }],
      timeOff: [],
      bufferBeforeMinutes: 15,
      bufferAfterMinutes: 15,
      minimumNoticeMinutes: 60,
      maxPerDay: 2,
      ...WEEK,
      timeZone: 'UTC',
    });

    expect(await desk.spokespeople.getManaged({ id: person.id })).toEqual(before);
    expect(await database.prisma.auditEvent.count({ where: { entityId: person.id } })).toBe(auditBefore);
    expect(await (await publicCaller(database)).availability.slots({ spokespersonId: person.id, ...WEEK, timeZone: 'UTC' })).toEqual(publicBefore);
  });

  it('a spokesperson previews their own hours only; press officers preview anyone, inactive too', async () => {
    const own = await makeZurichSpokesperson();
    const colleague = await makeZurichSpokesperson({ active: false });
    const { caller } = await signedInCaller(database, 'spokesperson', { spokespersonId: own.id, now: workflowNow });
    const draft = { weeklyRules: [{ weekday: 1, start: '13:00', end: '14:00' }], ...WEEK, timeZone: 'UTC' };
    const mine = await caller.spokespeople.previewAvailability({ spokespersonId: own.id, ...draft });
    expect(mine.days[0]!.slots.map((slot) => slot.start)).toEqual(['2027-03-15T12:00:00Z', '2027-03-15T12:30:00Z']);
    const denied = await fails(caller.spokespeople.previewAvailability({ spokespersonId: colleague.id, ...draft }));
    expect(appCodeOf(denied)).toBe('FORBIDDEN');
    // The inactive colleague is previewable by the press office (hours set before going live).
    expect((await desk.spokespeople.previewAvailability({ spokespersonId: colleague.id, ...draft })).days).toHaveLength(1);
    const anonymous = await fails((await makeCaller(database, { now: workflowNow })).spokespeople.previewAvailability({ spokespersonId: own.id, ...draft }));
    expect(appCodeOf(anonymous)).toBe('UNAUTHENTICATED');
    expect(appCodeOf(await fails(desk.spokespeople.previewAvailability({ spokespersonId: 'no-such-person', ...draft })))).toBe('NOT_FOUND');
  });

  it('refuses invalid drafts with VALIDATION_FAILED and the messages, at the fields, that saving them gives', async () => {
    const person = await makeZurichSpokesperson();
    const window = { ...WEEK, timeZone: 'America/New_York' };
    const availabilityDrafts: Record<string, unknown>[] = [
      { weeklyRules: [{ weekday: 1, start: '09:00', end: '12:00' }, { weekday: 2, start: '10:00', end: '10:00' }] },
      { weeklyRules: [{ weekday: 8, start: '09:00', end: '10:00' }] },
      { weeklyRules: [{ weekday: 1, start: '9am', end: '25:00' }] },
      { weeklyRules: [], overrides: [{ date: '2027-02-30', ranges: [] }] },
      { weeklyRules: [], overrides: [{ date: '2027-03-16', ranges: [{ start: '24:00', end: '10:00' }] }] },
      { weeklyRules: [], overrides: [{ date: '2027-03-16', ranges: [] }, { date: '2027-03-17', ranges: [] }, { date: '2027-03-16', ranges: [{ start: '08:00', end: '09:00' }] }] },
    ];
    for (const draft of availabilityDrafts) {
      const saving = await fails(desk.spokespeople.setAvailability({ spokespersonId: person.id, ...draft } as never));
      const previewing = await fails(desk.spokespeople.previewAvailability({ spokespersonId: person.id, ...draft, ...window } as never));
      expect(appCodeOf(previewing), JSON.stringify(draft)).toBe('VALIDATION_FAILED');
      expect(appCodeOf(saving)).toBe('VALIDATION_FAILED');
      expect(Object.keys(fieldErrorsOf(previewing)).length).toBeGreaterThan(0);
      expect(fieldErrorsOf(previewing), JSON.stringify(draft)).toEqual(fieldErrorsOf(saving));
    }
    // A few spelled out, so a change of wording or path is seen here.
    const sameTimes = await fails(desk.spokespeople.previewAvailability({ spokespersonId: person.id, ...(availabilityDrafts[0] as { weeklyRules: [] }), ...window }));
    expect(fieldErrorsOf(sameTimes)).toEqual({ 'weeklyRules.1': ['A range needs different start and end times (an end earlier than the start means it ends the next day)'] });
    const twice = await fails(desk.spokespeople.previewAvailability({ spokespersonId: person.id, ...(availabilityDrafts[5] as { weeklyRules: [] }), ...window }));
    expect(fieldErrorsOf(twice)).toEqual({ 'overrides.2.date': ['Two overrides for 2027-03-16: give each date once.'] });

    // Draft time off obeys addTimeOff's rules, reported at the entry's field.
    const backwards = { start: '2027-03-16T10:00:00Z', end: '2027-03-16T09:00:00Z' };
    const adding = await fails(desk.spokespeople.addTimeOff({ spokespersonId: person.id, ...backwards }));
    const previewingTimeOff = await fails(desk.spokespeople.previewAvailability({ spokespersonId: person.id, weeklyRules: [], timeOff: [{ start: '2027-03-15T10:00:00Z', end: '2027-03-15T11:00:00Z' }, backwards], ...window }));
    expect(appCodeOf(previewingTimeOff)).toBe('VALIDATION_FAILED');
    expect(fieldErrorsOf(adding)).toEqual({ end: ['The end must be after the start'] });
    expect(fieldErrorsOf(previewingTimeOff)).toEqual({ 'timeOff.1.end': fieldErrorsOf(adding).end });

    // Draft settings obey update's rules, at the same field names.
    const settings = { bufferBeforeMinutes: 500, minimumNoticeMinutes: -1, maxPerDay: 0 };
    const updating = await fails(desk.spokespeople.update({ id: person.id, ...settings }));
    const previewingSettings = await fails(desk.spokespeople.previewAvailability({ spokespersonId: person.id, weeklyRules: [], ...settings, ...window }));
    expect(Object.keys(fieldErrorsOf(updating)).sort()).toEqual(['bufferBeforeMinutes', 'maxPerDay', 'minimumNoticeMinutes']);
    expect(fieldErrorsOf(previewingSettings)).toEqual(fieldErrorsOf(updating));

    // The window and duration follow availability.slots.
    const tooLong = await fails(desk.spokespeople.previewAvailability({ spokespersonId: person.id, weeklyRules: [], from: '2027-03-01T00:00:00Z', to: '2027-06-01T00:00:00Z', timeZone: 'UTC' }));
    expect(fieldErrorsOf(tooLong)).toEqual({ to: ['"to" must be after "from" and at most 62 days later'] });
    const notOffered = await fails(desk.spokespeople.previewAvailability({ spokespersonId: person.id, weeklyRules: [], ...window, duration: 45 }));
    expect(appCodeOf(notOffered)).toBe('VALIDATION_FAILED');
    expect(notOffered.message).toMatch(/30, 60 minutes; 45 is not one of them/);
    const abbreviation = await fails(desk.spokespeople.previewAvailability({ spokespersonId: person.id, weeklyRules: [], ...WEEK, timeZone: 'EST' }));
    expect(Object.keys(fieldErrorsOf(abbreviation))).toEqual(['timeZone']);
  });
});
