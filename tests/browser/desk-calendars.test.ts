// A press officer connects Hector's calendar feed (served by a local HTTP
// server) on the Calendars screen; the busy event then removes exactly the
// slots it overlaps, and a booked interview it comes to overlap is flagged
// "Calendar conflict"; a CalDAV connection (Radicale) offers the calendar
// that shows confirmed interviews. The screens pass axe and fit 375 px.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, SCREENSHOT_DIR, seriousAccessibilityViolations, signIn } from './support';
import { startFeedServer, type FeedServer } from '../support/calendars/feed-server';
import { RADICALE_PASSWORD, RADICALE_USER, startRadicale, type RunningRadicale } from '../support/calendars/radicale';

const suite = browserSuite();
const trpc = suite.trpc;
let feeds: FeedServer;
let radicale: RunningRadicale;

beforeAll(async () => {
  [feeds, radicale] = await Promise.all([startFeedServer(), startRadicale()]);
});
afterAll(async () => {
  await Promise.all([feeds?.close(), radicale?.stop()]);
});

const compact = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

describe('calendars screen', () => {
  it('connecting a feed URL makes its busy event remove the slots it overlaps, and flags an interview a new event overlaps', async () => {
    const hector = await trpc('spokespeople.get', { id: 'hector-guerra' });
    const from = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
    const window = { spokespersonId: hector.id, from, to: new Date(Date.parse(from) + 14 * 86_400_000).toISOString(), timeZone: 'Europe/Zurich' };
    const slotsOf = async () => ((await trpc('availability.slots', window)).days as { slots: { start: string; end: string }[] }[]).flatMap((day) => day.slots).map((slot) => [Date.parse(slot.start), Date.parse(slot.end)] as const);
    const before = await slotsOf();
    const busyStart = before[3]![0];
    const busyEnd = busyStart + 60 * 60_000;
    feeds.feeds.set('/hector.ics', ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//t//EN', 'BEGIN:VEVENT', 'UID:dentist@example.org', 'DTSTAMP:20260101T000000Z', `DTSTART:${compact(new Date(busyStart).toISOString())}`, `DTEND:${compact(new Date(busyEnd).toISOString())}`, 'SUMMARY:Dentist', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n'));

    const context = await suite.browser.newContext({ timezoneId: 'Europe/Zurich', locale: 'en-GB', viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${suite.server.base}/desk/calendars`);
    await signIn(page);
    await page.getByRole('heading', { name: 'Calendars', exact: true }).waitFor();
    expect(await page.title()).toContain('Calendars');
    await page.getByLabel('Spokesperson').selectOption({ label: 'Hector Guerra (Zurich)' });
    await page.getByRole('textbox', { name: 'Name', exact: true }).first().fill('Private');
    await page.getByRole('textbox', { name: 'Calendar address', exact: true }).fill(`${feeds.url}/hector.ics`);
    await page.getByRole('button', { name: 'Add calendar address' }).click();
    await page.getByText('Private added. Synced.').waitFor();
    await page.getByRole('heading', { name: 'Private' }).waitFor();
    await page.getByText(/Last synced just now/).waitFor();

    const after = await slotsOf();
    // Preparation buffers keep a slot away from busy times as from interviews.
    const buffers = await suite.server.database.prisma.spokesperson.findUniqueOrThrow({ where: { id: hector.id }, select: { bufferBeforeMinutes: true, bufferAfterMinutes: true } });
    const overlapped = ([start, end]: readonly [number, number]) => start - buffers.bufferBeforeMinutes * 60_000 < busyEnd && end + buffers.bufferAfterMinutes * 60_000 > busyStart;
    expect(after.filter(overlapped)).toEqual([]);
    expect(after).toEqual(before.filter((slot) => !overlapped(slot)));
    expect(before.filter(overlapped).length).toBeGreaterThan(0);

    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'calendars-375.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // A booked interview that a newly synced event overlaps is flagged in the interview list and on its page.
    const [interviewStart, interviewEnd] = after.at(-5)!;
    const start = new Date(interviewStart).toISOString();
    const created = await trpc('requests.create', { idempotencyKey: `clash-${interviewStart}`, spokespersonId: hector.id, start, durationMinutes: (interviewEnd - interviewStart) / 60_000, format: 'video', language: 'en', attribution: 'on_record', topic: 'Budget', questions: 'Why?', reporter: { name: 'Ola Reporter', email: 'ola@example.org', outlet: 'Example Wire', timeZone: 'Europe/Zurich' }, deadline: start }, 'POST');
    const approved = await page.evaluate(async (requestId) => (await fetch('/trpc/desk.requests.approve', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ requestId }) })).status, created.requestId as string);
    expect(approved).toBe(200);
    const interview = await suite.server.database.prisma.interview.findUniqueOrThrow({ where: { requestId: created.requestId }, select: { id: true } });
    feeds.feeds.set('/hector.ics', (feeds.feeds.get('/hector.ics') as string).replace('END:VCALENDAR', ['BEGIN:VEVENT', 'UID:train@example.org', 'DTSTAMP:20260101T000000Z', `DTSTART:${compact(start)}`, `DTEND:${compact(new Date(interviewEnd + 30 * 60_000).toISOString())}`, 'SUMMARY:Train', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n')));
    await page.getByRole('button', { name: 'Sync Private now' }).click();
    await page.getByText('2 busy times stored.').waitFor();
    await page.goto(`${suite.server.base}/desk/interviews`);
    const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: new RegExp(`^${created.reference}:`) }) });
    await row.getByText('Calendar conflict:').waitFor();
    expect(await row.locator('.calendar-clash').innerText()).toMatch(/^Calendar conflict: Private, synced just now, shows the spokesperson busy /);
    await page.goto(`${suite.server.base}/desk/interviews/${interview.id}`);
    await page.getByText(/^Calendar conflict: Private, synced just now/).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('a CalDAV connection offers the calendar that shows confirmed interviews, and saves the choice', async () => {
    const hector = await trpc('spokespeople.get', { id: 'hector-guerra' });
    const calendarUrl = await radicale.makeCalendar('desk', []);
    const context = await suite.browser.newContext({ timezoneId: 'Europe/Zurich', locale: 'en-GB', viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${suite.server.base}/desk/calendars`);
    await signIn(page);
    await page.getByRole('heading', { name: 'Calendars', exact: true }).waitFor();
    const added = await page.evaluate(
      async (input) => (await fetch('/trpc/calendars.addCalDav', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) })).status,
      { spokespersonId: hector.id as string, label: 'Fastmail', serverUrl: `${radicale.url}/`, username: RADICALE_USER, password: RADICALE_PASSWORD, calendars: [{ url: calendarUrl, name: 'Desk' }] },
    );
    expect(added).toBe(200);
    // The list was read before the connection was added (through the API, as a script would).
    await page.reload();
    await page.getByLabel('Spokesperson').selectOption({ label: 'Hector Guerra (Zurich)' });
    const choice = page.getByLabel('Show confirmed interviews in (Fastmail)');
    await choice.selectOption({ label: 'Desk' });
    await page.getByText('Fastmail: confirmed interviews will show in Desk.').waitFor();
    const stored = await suite.server.database.prisma.calendarConnection.findFirstOrThrow({ where: { spokespersonId: hector.id, label: 'Fastmail' }, select: { writeCalendarUrl: true } });
    expect(stored.writeCalendarUrl).toBe(calendarUrl);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
