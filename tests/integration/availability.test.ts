// availability.slots / availability.search and the editing procedures, end to
// end through tRPC on a real database. Times are checked as instants and as
// the wall-clock readings people see, in zones chosen to catch mistakes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { DateTime } from 'luxon';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { makeCaller } from '../support/context';
import { signedInCaller } from '../support/sign-in';
import { invalidateCalendars } from '../../server/availability/calendar-cache';

let database: TestDatabase;
let officer: Awaited<ReturnType<typeof signedInCaller>>['caller'];
// A fixed "now" well before the dates under test, so notice and horizon are predictable.
const NOW = new Date('2027-03-01T08:00:00Z');
const now = () => NOW;

beforeAll(async () => {
  database = await createTestDatabase();
  officer = (await signedInCaller(database, 'press_officer', { now })).caller;
});
afterAll(() => database.destroy());

const weekdays = [1, 2, 3, 4, 5] as const;

async function createGenevaSpokesperson(overrides: Record<string, unknown> = {}) {
  return officer.spokespeople.create({
    name: 'Hélène Genève',
    title: 'Director',
    email: 'Helene@Example.org',
    languages: ['en', 'fr-CH'],
    topics: ['Cluster munitions', 'Treaty accession'],
    timeZone: 'Europe/Zurich',
    formats: ['phone', 'video'],
    allowedDurations: [30, 60],
    defaultDurationMinutes: 30,
    slotStepMinutes: 60,
    minimumNoticeMinutes: 0,
    horizonDays: 120,
    weeklyRules: weekdays.map((weekday) => ({ weekday, start: '09:00', end: '12:00' })),
    ...overrides,
  });
}

/** availability.slots, with its day groups flattened back into slots that carry both local dates. */
async function slots(spokespersonId: string, from: string, to: string, timeZone: string, duration?: number) {
  const caller = await makeCaller(database, { now });
  const answer = await caller.availability.slots({ spokespersonId, from, to, timeZone, duration });
  const flat = answer.days.flatMap((day) =>
    day.slots.map((slot) => ({
      ...slot,
      viewerDate: day.date,
      spokesperson: { ...slot.spokesperson, date: slot.spokesperson.start.slice(0, 10), timeZone: answer.spokesperson.timeZone },
    })),
  );
  return { ...answer, slots: flat };
}

function appCodeOf(error: unknown): string | undefined {
  return error instanceof TRPCError ? ((error.cause as { code?: string } | undefined)?.code ?? (error.code === 'BAD_REQUEST' ? 'VALIDATION_FAILED' : error.code)) : undefined;
}

describe('availability.slots', () => {
  it('09:00 in Zurich is 04:00 in New York between the US (14 March) and EU (28 March) DST changes, 03:00 otherwise', async () => {
    const person = await createGenevaSpokesperson();
    const answer = await slots(person.id, '2027-03-08T00:00:00Z', '2027-04-03T00:00:00Z', 'America/New_York');
    const firstOfDay = new Map<string, string>();
    for (const slot of answer.slots) if (!firstOfDay.has(slot.spokesperson.date)) firstOfDay.set(slot.spokesperson.date, slot.start);
    expect(firstOfDay.get('2027-03-12')).toBe('2027-03-12T03:00:00-05:00'); // both on standard time
    expect(firstOfDay.get('2027-03-15')).toBe('2027-03-15T04:00:00-04:00'); // US on DST, EU not yet
    expect(firstOfDay.get('2027-03-26')).toBe('2027-03-26T04:00:00-04:00');
    expect(firstOfDay.get('2027-03-29')).toBe('2027-03-29T03:00:00-04:00'); // both on DST
    // The spokesperson's side always reads 09:00 local, with Zurich's offset of the day.
    expect(answer.slots.find((slot) => slot.spokesperson.date === '2027-03-15')?.spokesperson).toEqual({
      start: '2027-03-15T09:00:00+01:00',
      end: '2027-03-15T09:30:00+01:00',
      date: '2027-03-15',
      timeZone: 'Europe/Zurich',
    });
    // Weekends offer nothing (the weekday is Zurich's weekday).
    expect(answer.slots.some((slot) => ['2027-03-13', '2027-03-14'].includes(slot.spokesperson.date))).toBe(false);
    expect(answer).toMatchObject({ timeZone: 'America/New_York', durationMinutes: 30, spokesperson: { id: person.id, timeZone: 'Europe/Zurich' } });
  });

  it('groups slots by the viewer’s local date, in order, each slot starting on its day', async () => {
    const person = await createGenevaSpokesperson();
    const caller = await makeCaller(database, { now });
    const answer = await caller.availability.slots({ spokespersonId: person.id, from: '2027-06-07T00:00:00Z', to: '2027-06-12T00:00:00Z', timeZone: 'Asia/Tokyo' });
    expect(answer.days.map((day) => day.date)).toEqual(['2027-06-07', '2027-06-08', '2027-06-09', '2027-06-10', '2027-06-11']);
    for (const day of answer.days) {
      expect(day.slots.length).toBe(3);
      for (const slot of day.slots) expect(slot.start.slice(0, 10)).toBe(day.date);
    }
    // 09:00 in Zurich (UTC+2 in June) is 16:00 in Tokyo.
    expect(answer.days[0]!.slots[0]).toEqual({
      start: '2027-06-07T16:00:00+09:00',
      end: '2027-06-07T16:30:00+09:00',
      spokesperson: { start: '2027-06-07T09:00:00+02:00', end: '2027-06-07T09:30:00+02:00' },
    });
  });

  it('a Kiritimati (+14) viewer sees Monday-morning Zurich slots on their Monday evening, grouped by their own date', async () => {
    const person = await createGenevaSpokesperson();
    const answer = await slots(person.id, '2027-06-07T00:00:00Z', '2027-06-08T00:00:00Z', 'Pacific/Kiritimati');
    expect(answer.slots.map((slot) => slot.start)).toEqual([
      '2027-06-07T21:00:00+14:00',
      '2027-06-07T22:00:00+14:00',
      '2027-06-07T23:00:00+14:00',
    ]);
    expect(answer.slots.every((slot) => slot.viewerDate === '2027-06-07' && slot.spokesperson.date === '2027-06-07')).toBe(true);
  });

  it('a date override changes only the spokesperson’s local date, whatever the viewer zone', async () => {
    const person = await createGenevaSpokesperson();
    await officer.spokespeople.setDateOverride({ spokespersonId: person.id, date: '2027-06-08', ranges: [{ start: '14:00', end: '15:00' }] });
    await officer.spokespeople.setDateOverride({ spokespersonId: person.id, date: '2027-06-09', ranges: [] });
    for (const viewer of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kathmandu']) {
      const answer = await slots(person.id, '2027-06-07T00:00:00Z', '2027-06-11T00:00:00Z', viewer);
      const byLocalDate = new Map<string, string[]>();
      for (const slot of answer.slots) byLocalDate.set(slot.spokesperson.date, [...(byLocalDate.get(slot.spokesperson.date) ?? []), slot.spokesperson.start.slice(11, 16)]);
      expect(byLocalDate.get('2027-06-07')).toEqual(['09:00', '10:00', '11:00']);
      expect(byLocalDate.get('2027-06-08')).toEqual(['14:00']);
      expect(byLocalDate.has('2027-06-09')).toBe(false);
      expect(byLocalDate.get('2027-06-10')).toEqual(['09:00', '10:00', '11:00']);
    }
  });

  it('excludes time off and confirmed interviews with their buffers, and closes a day at its cap', async () => {
    const person = await createGenevaSpokesperson({ bufferBeforeMinutes: 30, bufferAfterMinutes: 30, slotStepMinutes: 30, maxPerDay: 2 });
    const zurich = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Zurich' }).toJSDate();
    await officer.spokespeople.addTimeOff({ spokespersonId: person.id, start: '2027-06-14T09:00:00+02:00', end: '2027-06-14T10:00:00+02:00', reason: 'Dentist' });
    const request = await database.prisma.interviewRequest.create({
      data: {
        reference: 'IR-TEST', reporterName: 'R', reporterEmail: 'r@example.org', reporterOutlet: 'O', reporterTimeZone: 'UTC', topic: 't',
        format: 'phone', language: 'en', durationMinutes: 30, attribution: 'on_record', deadline: zurich('2027-06-20T12:00'), proposedSlots: [], status: 'approved', manageTokenHash: 'x',
      },
    });
    await database.prisma.interview.create({
      data: {
        requestId: request.id, spokespersonId: person.id, startsAt: zurich('2027-06-15T10:00'), endsAt: zurich('2027-06-15T10:30'),
        bufferBeforeMinutes: 30, bufferAfterMinutes: 30, localDate: '2027-06-15', format: 'phone', formatDetails: {}, status: 'confirmed', inviteUid: 'test-1@desk.test',
      },
    });
    // Interviews written straight to the database here stand for the booking code, which invalidates the slot cache after commit.
    invalidateCalendars(database.prisma, [person.id]);
    const answer = await slots(person.id, '2027-06-14T00:00:00Z', '2027-06-16T00:00:00Z', 'Europe/Zurich');
    const local = (date: string) => answer.slots.filter((slot) => slot.spokesperson.date === date).map((slot) => slot.spokesperson.start.slice(11, 16));
    expect(local('2027-06-14')).toEqual(['10:30', '11:00', '11:30']); // time off until 10:00 plus the 30-minute prep buffer
    // The 10:00–10:30 interview blocks 09:00–11:30 for new slots (its buffers plus the new slot's).
    expect(local('2027-06-15')).toEqual(['11:30']);

    // A second interview that day reaches the cap of 2: the day closes.
    const second = await database.prisma.interviewRequest.create({ data: { ...request, id: undefined, reference: 'IR-TES2', idempotencyKey: null } as never });
    await database.prisma.interview.create({
      data: {
        requestId: second.id, spokespersonId: person.id, startsAt: zurich('2027-06-15T11:30'), endsAt: zurich('2027-06-15T12:00'),
        localDate: '2027-06-15', format: 'phone', formatDetails: {}, status: 'confirmed', inviteUid: 'test-2@desk.test',
      },
    });
    invalidateCalendars(database.prisma, [person.id]);
    const capped = await slots(person.id, '2027-06-14T00:00:00Z', '2027-06-16T00:00:00Z', 'Europe/Zurich');
    expect(capped.slots.filter((slot) => slot.spokesperson.date === '2027-06-15')).toEqual([]);
  });

  it('respects minimum notice relative to now', async () => {
    const person = await createGenevaSpokesperson({ minimumNoticeMinutes: 24 * 60 });
    // NOW is Monday 2027-03-01 09:00 in Zurich; with a day's notice Monday's slots are gone.
    const answer = await slots(person.id, '2027-03-01T00:00:00Z', '2027-03-03T00:00:00Z', 'Europe/Zurich');
    expect(answer.slots.map((slot) => slot.spokesperson.start)).toEqual([
      '2027-03-02T09:00:00+01:00',
      '2027-03-02T10:00:00+01:00',
      '2027-03-02T11:00:00+01:00',
    ]);
  });

  it('offers overnight ranges (22:00–02:00) across the local midnight', async () => {
    const person = await createGenevaSpokesperson({ weeklyRules: [{ weekday: 5, start: '22:00', end: '02:00' }], slotStepMinutes: 60, timeZone: 'Asia/Kathmandu' });
    const answer = await slots(person.id, '2027-06-11T00:00:00Z', '2027-06-13T00:00:00Z', 'Asia/Kathmandu');
    expect(answer.slots.map((slot) => slot.start)).toEqual([
      '2027-06-11T22:00:00+05:45',
      '2027-06-11T23:00:00+05:45',
      '2027-06-12T00:00:00+05:45',
      '2027-06-12T01:00:00+05:45',
    ]);
  });

  it('refuses a window over the limit, a duration not offered and a zone abbreviation, with clear messages', async () => {
    const person = await createGenevaSpokesperson();
    const tooLong = await slots(person.id, '2027-03-01T00:00:00Z', '2027-05-03T00:00:00Z', 'UTC').catch((error: unknown) => error);
    expect(appCodeOf(tooLong)).toBe('VALIDATION_FAILED');
    expect((tooLong as Error).message).toMatch(/at most 62 days/);
    const badDuration = await slots(person.id, '2027-03-01T00:00:00Z', '2027-03-08T00:00:00Z', 'UTC', 45).catch((error: unknown) => error);
    expect(appCodeOf(badDuration)).toBe('VALIDATION_FAILED');
    expect((badDuration as Error).message).toMatch(/30, 60 minutes; 45 is not one of them/);
    const abbreviation = await slots(person.id, '2027-03-01T00:00:00Z', '2027-03-08T00:00:00Z', 'CET').catch((error: unknown) => error);
    expect((abbreviation as Error).message).toMatch(/IANA time zone name/);
    const missing = await slots('no-such-id', '2027-03-01T00:00:00Z', '2027-03-08T00:00:00Z', 'UTC').catch((error: unknown) => error);
    expect(appCodeOf(missing)).toBe('NOT_FOUND');
    const noOffset = await slots(person.id, '2027-03-01T00:00:00', '2027-03-08T00:00:00Z', 'UTC').catch((error: unknown) => error);
    expect((noOffset as Error).message).toMatch(/ISO 8601 instant with an offset/);
  });

  it('60-minute interviews on request, when offered', async () => {
    const person = await createGenevaSpokesperson();
    const answer = await slots(person.id, '2027-06-07T00:00:00Z', '2027-06-08T00:00:00Z', 'Europe/Zurich', 60);
    expect(answer.slots.map((slot) => [slot.spokesperson.start.slice(11, 16), slot.spokesperson.end.slice(11, 16)])).toEqual([
      ['09:00', '10:00'],
      ['10:00', '11:00'],
      ['11:00', '12:00'],
    ]);
  });
});

describe('availability.search', () => {
  it('finds spokespeople by topic and language, ordered by their earliest free slot', async () => {
    const late = await createGenevaSpokesperson({ name: 'Late Larsen', topics: ['Landmines'], languages: ['da', 'en-GB'], weeklyRules: [{ weekday: 3, start: '09:00', end: '10:00' }] });
    const early = await createGenevaSpokesperson({ name: 'Early Eriksen', topics: ['landmine clearance'], languages: ['en'], weeklyRules: [{ weekday: 1, start: '09:00', end: '10:00' }] });
    await createGenevaSpokesperson({ name: 'Other Topic', topics: ['Finance'], languages: ['en'] });
    const caller = await makeCaller(database, { now });
    const answer = await caller.availability.search({ topic: 'LANDMINE', language: 'en', from: '2027-06-07T00:00:00Z', to: '2027-06-14T00:00:00Z', timeZone: 'America/New_York' });
    expect(answer.results.map((result) => result.spokesperson.id)).toEqual([early.id, late.id]);
    expect(answer.results[0]!.slots[0]!.start).toBe('2027-06-07T03:00:00-04:00');
    const danish = await caller.availability.search({ language: 'da', from: '2027-06-07T00:00:00Z', to: '2027-06-14T00:00:00Z', timeZone: 'UTC' });
    expect(danish.results.map((result) => result.spokesperson.name)).toEqual(['Late Larsen']);
  });
});

describe('editing availability', () => {
  it('a spokesperson edits their own hours but not a colleague’s; every edit is audited', async () => {
    const own = await createGenevaSpokesperson();
    const colleague = await createGenevaSpokesperson();
    const { caller, user } = await signedInCaller(database, 'spokesperson', { spokespersonId: own.id, now });
    const updated = await caller.spokespeople.setAvailability({ spokespersonId: own.id, weeklyRules: [{ weekday: 2, start: '13:00', end: '15:30' }] });
    expect(updated.weeklyRules).toEqual([{ weekday: 2, start: '13:00', end: '15:30' }]);
    const denied = await caller.spokespeople.setAvailability({ spokespersonId: colleague.id, weeklyRules: [] }).catch((error: unknown) => error);
    expect(appCodeOf(denied)).toBe('FORBIDDEN');
    const deactivate = await caller.spokespeople.update({ id: own.id, active: false }).catch((error: unknown) => error);
    expect(appCodeOf(deactivate)).toBe('FORBIDDEN');
    const audit = await database.prisma.auditEvent.findFirst({ where: { entityId: own.id, action: 'spokesperson.set_availability' } });
    expect(audit).toMatchObject({ actorId: user.id });
    expect(audit?.before).toMatchObject({ weeklyRules: expect.arrayContaining([{ weekday: 1, start: '09:00', end: '12:00' }]) });
  });

  it('validates ranges, zones, languages and durations at the boundary', async () => {
    const attempts: [Record<string, unknown>, RegExp][] = [
      [{ timeZone: 'CET' }, /IANA time zone name/],
      [{ timeZone: 'Mars/Olympus_Mons' }, /IANA time zone name/],
      [{ weeklyRules: [{ weekday: 8, start: '09:00', end: '10:00' }] }, /Weekdays are 1/],
      [{ weeklyRules: [{ weekday: 1, start: '09:00', end: '09:00' }] }, /different start and end/],
      [{ weeklyRules: [{ weekday: 1, start: '9am', end: '10:00' }] }, /HH:mm/],
      [{ languages: ['not a language!'] }, /not a language tag/],
      [{ allowedDurations: [15], defaultDurationMinutes: 30 }, /default duration must be one of the allowed/],
    ];
    for (const [overrides, message] of attempts) {
      const error = await createGenevaSpokesperson(overrides).catch((caught: unknown) => caught);
      expect(appCodeOf(error), JSON.stringify(overrides)).toBe('VALIDATION_FAILED');
      expect((error as Error).message).toMatch(message);
    }
  });

  it('time off must end after it starts; removing it frees the time again', async () => {
    const person = await createGenevaSpokesperson();
    const backwards = await officer.spokespeople.addTimeOff({ spokespersonId: person.id, start: '2027-06-14T10:00:00Z', end: '2027-06-14T09:00:00Z' }).catch((error: unknown) => error);
    expect((backwards as Error).message).toMatch(/end must be after the start/);
    const entry = await officer.spokespeople.addTimeOff({ spokespersonId: person.id, start: '2027-06-14T00:00:00Z', end: '2027-06-15T00:00:00Z', reason: 'Travel' });
    expect((await slots(person.id, '2027-06-14T00:00:00Z', '2027-06-15T00:00:00Z', 'UTC')).slots).toEqual([]);
    await officer.spokespeople.removeTimeOff({ spokespersonId: person.id, timeOffId: entry.id });
    expect((await slots(person.id, '2027-06-14T00:00:00Z', '2027-06-15T00:00:00Z', 'UTC')).slots).toHaveLength(3);
  });

  it('the public list never shows inactive spokespeople', async () => {
    const person = await createGenevaSpokesperson({ name: 'Soon Inactive' });
    await officer.spokespeople.update({ id: person.id, active: false });
    const list = await (await makeCaller(database)).spokespeople.list();
    expect(list.some((entry) => entry.id === person.id)).toBe(false);
    const missing = await slots(person.id, '2027-06-14T00:00:00Z', '2027-06-15T00:00:00Z', 'UTC').catch((error: unknown) => error);
    expect(appCodeOf(missing)).toBe('NOT_FOUND');
  });
});
