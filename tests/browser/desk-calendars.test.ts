// A press officer connects Hector's calendar feed (served by a local HTTP
// server) on the Calendars screen; the busy event then removes exactly the
// slots it overlaps. The screen passes axe and fits 375 px.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, SCREENSHOT_DIR, seriousAccessibilityViolations, signIn } from './support';
import { startFeedServer, type FeedServer } from '../support/calendars/feed-server';

const suite = browserSuite();
const trpc = suite.trpc;
let feeds: FeedServer;

beforeAll(async () => {
  feeds = await startFeedServer();
});
afterAll(() => feeds?.close());

const compact = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

describe('calendars screen', () => {
  it('connecting a feed URL makes its busy event remove the slots it overlaps', async () => {
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
    await context.close();
  });
});
