// What the reporter's pages ask of availability: slots by the slug in a public
// link (so the picker need not wait for the profile), and the "anyone on this
// topic" search narrowed by language and interview format.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { makeCaller } from '../support/context';
import { signedInCaller } from '../support/sign-in';

let database: TestDatabase;
let officer: Awaited<ReturnType<typeof signedInCaller>>['caller'];
const NOW = new Date('2027-03-01T08:00:00Z');
const now = () => NOW;
const week = { from: '2027-06-07T00:00:00Z', to: '2027-06-14T00:00:00Z' };

beforeAll(async () => {
  database = await createTestDatabase();
  officer = (await signedInCaller(database, 'press_officer', { now })).caller;
});
afterAll(() => database.destroy());

function appCodeOf(error: unknown): string | undefined {
  return error instanceof TRPCError ? ((error.cause as { code?: string } | undefined)?.code ?? (error.code === 'BAD_REQUEST' ? 'VALIDATION_FAILED' : error.code)) : undefined;
}

async function createSpokesperson(overrides: Record<string, unknown>) {
  return officer.spokespeople.create({
    name: 'Ana Ejemplo',
    title: 'Researcher',
    email: 'ana@example.org',
    languages: ['en'],
    topics: ['Mine clearance'],
    timeZone: 'America/Bogota',
    formats: ['phone', 'video'],
    allowedDurations: [30],
    defaultDurationMinutes: 30,
    slotStepMinutes: 60,
    minimumNoticeMinutes: 0,
    horizonDays: 120,
    weeklyRules: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '11:00' })),
    ...overrides,
  });
}

describe('availability.slots by slug', () => {
  it('answers the same for the slug as for the id, in the viewer’s zone', async () => {
    const person = await createSpokesperson({ slug: 'ana-by-slug' });
    const caller = await makeCaller(database, { now });
    const bySlug = await caller.availability.slots({ spokespersonId: 'ana-by-slug', ...week, timeZone: 'Asia/Kathmandu' });
    const byId = await caller.availability.slots({ spokespersonId: person.id, ...week, timeZone: 'Asia/Kathmandu' });
    expect(bySlug).toEqual(byId);
    expect(bySlug.spokesperson).toEqual({ id: person.id, slug: 'ana-by-slug', name: 'Ana Ejemplo', timeZone: 'America/Bogota' });
    // Monday 09:00 in Bogotá (UTC−5) is Monday 19:45 in Kathmandu (UTC+5:45).
    expect(bySlug.days[0]).toMatchObject({ date: '2027-06-07', slots: [{ start: '2027-06-07T19:45:00+05:45', spokesperson: { start: '2027-06-07T09:00:00-05:00' } }, expect.anything()] });
  });

  it('a slug that names nobody, or an inactive spokesperson, is NOT_FOUND', async () => {
    const person = await createSpokesperson({ slug: 'ana-soon-gone' });
    const caller = await makeCaller(database, { now });
    expect((await caller.availability.slots({ spokespersonId: 'ana-soon-gone', ...week, timeZone: 'UTC' })).days).toHaveLength(5);
    await officer.spokespeople.update({ id: person.id, active: false });
    for (const name of ['ana-soon-gone', 'nobody-by-this-name']) {
      const error = await caller.availability.slots({ spokespersonId: name, ...week, timeZone: 'UTC' }).catch((caught: unknown) => caught);
      expect(appCodeOf(error), name).toBe('NOT_FOUND');
    }
  });

  it('time off added after a slug lookup shows at once (the write drops what was remembered)', async () => {
    const person = await createSpokesperson({ slug: 'ana-time-off' });
    const caller = await makeCaller(database, { now });
    expect((await caller.availability.slots({ spokespersonId: 'ana-time-off', ...week, timeZone: 'UTC' })).days).toHaveLength(5);
    await officer.spokespeople.addTimeOff({ spokespersonId: person.id, start: '2027-06-07T00:00:00Z', end: '2027-06-10T00:00:00Z' });
    const after = await caller.availability.slots({ spokespersonId: 'ana-time-off', ...week, timeZone: 'UTC' });
    expect(after.days.map((day) => day.date)).toEqual(['2027-06-10', '2027-06-11']);
  });
});

describe('availability.search by language and format', () => {
  it('keeps only spokespeople who give interviews in that language and format, soonest first', async () => {
    const topic = 'Stockpile destruction';
    const studio = await createSpokesperson({ name: 'Studio Sofía', topics: [topic], languages: ['es', 'en'], formats: ['studio', 'video'], weeklyRules: [{ weekday: 3, start: '09:00', end: '10:00' }] });
    const phone = await createSpokesperson({ name: 'Phone Pedro', topics: [topic], languages: ['es-CO'], formats: ['phone'], weeklyRules: [{ weekday: 1, start: '09:00', end: '10:00' }] });
    const english = await createSpokesperson({ name: 'English Emma', topics: [topic], languages: ['en'], formats: ['phone', 'studio'], weeklyRules: [{ weekday: 2, start: '09:00', end: '10:00' }] });
    const caller = await makeCaller(database, { now });
    const search = (filters: { language?: string; format?: 'phone' | 'studio' | 'written' }) =>
      caller.availability.search({ topic: 'stockpile', ...filters, ...week, timeZone: 'Europe/Zurich' }).then((answer) => answer.results.map((result) => result.spokesperson.id));

    expect(await search({})).toEqual([phone.id, english.id, studio.id]);
    expect(await search({ format: 'studio' })).toEqual([english.id, studio.id]);
    // "es" matches "es-CO": reporters name a language, not a region.
    expect(await search({ language: 'es' })).toEqual([phone.id, studio.id]);
    expect(await search({ language: 'es', format: 'studio' })).toEqual([studio.id]);
    expect(await search({ language: 'en', format: 'phone' })).toEqual([english.id]);
    expect(await search({ format: 'written' })).toEqual([]);

    const answer = await caller.availability.search({ topic: 'stockpile', format: 'studio', ...week, timeZone: 'Europe/Zurich' });
    expect(answer.results[0]!.spokesperson.formats).toContain('studio');
    // English Emma: Tuesday 09:00 in Bogotá is 16:00 in Zurich (summer time).
    expect(answer.results[0]!.slots[0]!.start).toBe('2027-06-08T16:00:00+02:00');
  });

  it('refuses a format that does not exist, with the list of those that do', async () => {
    const caller = await makeCaller(database, { now });
    const error = await caller.availability.search({ format: 'carrier_pigeon' as 'phone', ...week, timeZone: 'UTC' }).catch((caught: unknown) => caught);
    expect(appCodeOf(error)).toBe('VALIDATION_FAILED');
    expect((error as Error).message).toMatch(/Use one of phone, whatsapp, video, studio, in_person, written/);
  });
});
