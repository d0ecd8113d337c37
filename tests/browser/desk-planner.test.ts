// A press officer in New York opens the planner: Hector's (Zurich) working
// hours, a confirmed interview and a pending hold show at the right New York
// times, and at the right Tokyo times once the zone is switched; the night is
// marked; the page works at 375 px and passes axe.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, SCREENSHOT_DIR, seriousAccessibilityViolations, signIn } from './support';

const suite = browserSuite();

const trpc = suite.trpc;

type Slot = { start: string; end: string; spokesperson: { start: string; end: string } };

/** "03:00–06:00": a Zurich wall-clock range on `date`, read in `zone` (luxon as the oracle). */
function zurichRangeIn(date: string, from: string, to: string, zone: string) {
  const at = (time: string) => DateTime.fromISO(`${date}T${time}`, { zone: 'Europe/Zurich' }).setZone(zone).toFormat('HH:mm');
  return `${at(from)}–${at(to)}`;
}

/** "04:00–04:30": an instant range read in `zone`. */
function rangeIn(start: string, end: string, zone: string) {
  return `${DateTime.fromISO(start).setZone(zone).toFormat('HH:mm')}–${DateTime.fromISO(end).setZone(zone).toFormat('HH:mm')}`;
}

function createRequest(spokespersonId: string, slot: Slot, reporter: string) {
  return trpc(
    'requests.create',
    {
      idempotencyKey: randomUUID(),
      spokespersonId,
      start: slot.start,
      durationMinutes: 30,
      format: 'video',
      language: 'en',
      attribution: 'on_record',
      topic: 'Cluster munitions report',
      reporter: { name: reporter, email: `${reporter.toLowerCase().replace(/\W+/g, '.')}@example.org`, outlet: 'Example Wire', timeZone: 'America/New_York' },
      // Answered before the interview (requests.create refuses a later deadline).
      deadline: slot.start,
    },
    'POST',
  ) as Promise<{ requestId: string; reference: string }>;
}

/** Hector's list of blocks on the planner grid. */
function hectorBlocks(page: Page) {
  return page.getByRole('region', { name: 'Hector Guerra', exact: true }).getByRole('listitem');
}

describe('desk planner', () => {
  it('shows Zurich working hours, an interview and a hold at the right New York and Tokyo times', async () => {
    const hector = await trpc('spokespeople.get', { id: 'hector-guerra' });
    const from = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
    const answer = await trpc('availability.slots', { spokespersonId: hector.id, from, to: new Date(Date.parse(from) + 14 * 86_400_000).toISOString(), timeZone: 'America/New_York' });
    // A Zurich date with a morning slot (the interview) and an afternoon one (the hold): morning
    // in Zurich is the same calendar date in New York and in Tokyo.
    const slots: Slot[] = answer.days.flatMap((day: { slots: Slot[] }) => day.slots);
    const zurichHour = (slot: Slot) => Number(slot.spokesperson.start.slice(11, 13));
    const morning = slots.find((slot) => zurichHour(slot) < 11 && slots.some((other) => other.spokesperson.start.slice(0, 10) === slot.spokesperson.start.slice(0, 10) && zurichHour(other) >= 14));
    expect(morning, 'a day with morning and afternoon slots in the next two weeks').toBeDefined();
    const date = morning!.spokesperson.start.slice(0, 10);
    const afternoon = slots.find((slot) => slot.spokesperson.start.slice(0, 10) === date && zurichHour(slot) >= 14)!;
    const interview = await createRequest(hector.id, morning!, 'Dana Reporter');
    const hold = await createRequest(hector.id, afternoon, 'Sam Reporter');

    const context = await suite.browser.newContext({ timezoneId: 'America/New_York', locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${suite.server.base}/desk`);
    await signIn(page);
    await page.getByRole('heading', { name: 'Request queue' }).waitFor();
    // Approve the first request as the signed-in press officer (same session cookie).
    const approved = await page.request.post(`${suite.server.base}/trpc/desk.requests.approve`, { data: { requestId: interview.requestId }, headers: { origin: suite.server.base } });
    expect(approved.ok(), await approved.text()).toBe(true);

    await page.getByRole('navigation', { name: 'Press office console' }).getByRole('link', { name: 'Planner' }).click();
    await page.getByRole('heading', { name: 'Planner', level: 1 }).waitFor();
    // The browser's zone is the default.
    expect(await page.getByLabel('Show times in').inputValue()).toBe('America/New_York');
    await page.getByLabel('Date').fill(date);
    await page.getByRole('heading', { level: 2, name: /times in New York \(America\/New_York\)/ }).waitFor();
    await hectorBlocks(page).first().waitFor();

    // Working hours 09:00–12:00 and 14:00–17:30 in Zurich, labelled in New York time.
    const working = await hectorBlocks(page).filter({ hasText: 'Working hours' }).allInnerTexts();
    expect(working).toHaveLength(2);
    expect(working[0]).toContain(zurichRangeIn(date, '09:00', '12:00', 'America/New_York'));
    expect(working[0]).toContain('09:00–12:00 in Zurich');
    expect(working[1]).toContain(zurichRangeIn(date, '14:00', '17:30', 'America/New_York'));
    const confirmed = hectorBlocks(page).filter({ hasText: `Confirmed: ${interview.reference}, Example Wire` });
    expect(await confirmed.innerText()).toContain(rangeIn(morning!.start, morning!.end, 'America/New_York'));
    const held = hectorBlocks(page).filter({ hasText: `Hold: ${hold.reference}` });
    expect(await held.innerText()).toContain(rangeIn(afternoon.start, afternoon.end, 'America/New_York'));
    // Each spokesperson's clock, in their own zone.
    expect(await page.getByRole('region', { name: 'Hector Guerra', exact: true }).innerText()).toMatch(/Zurich:\s+local time now\s+\d{2}:\d{2} CES?T/);
    // The viewer's night: 00:00–07:00 and 22:00–24:00 of the New York day.
    const nights = await page.locator('.planner-gutter-night').evaluateAll((bands) => bands.map((band) => [(band as HTMLElement).style.top, (band as HTMLElement).style.height]));
    expect(nights.map(([top, height]) => [parseFloat(top!).toFixed(2), parseFloat(height!).toFixed(2)])).toEqual([
      ['0.00', ((7 / 24) * 100).toFixed(2)],
      [((22 / 24) * 100).toFixed(2), ((2 / 24) * 100).toFixed(2)],
    ]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'planner-1280.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The same day seen from Tokyo: the spokesperson's hours move on the axis, their Zurich times do not.
    await page.getByLabel('Find your city').fill('Tokyo');
    await page.getByLabel('Show times in').selectOption('Asia/Tokyo');
    await page.getByRole('heading', { level: 2, name: /times in Tokyo \(Asia\/Tokyo\)/ }).waitFor();
    await hectorBlocks(page).filter({ hasText: `Confirmed: ${interview.reference}` }).waitFor();
    const tokyoWorking = await hectorBlocks(page).filter({ hasText: 'Working hours' }).allInnerTexts();
    // The Tokyo day also holds the end of the previous Zurich afternoon (after midnight in Tokyo).
    const morningRange = tokyoWorking.find((text) => text.includes('09:00–12:00 in Zurich'));
    expect(morningRange).toContain(zurichRangeIn(date, '09:00', '12:00', 'Asia/Tokyo'));
    expect(morningRange).not.toContain(zurichRangeIn(date, '09:00', '12:00', 'America/New_York'));
    expect(await hectorBlocks(page).filter({ hasText: `Confirmed: ${interview.reference}` }).innerText()).toContain(rangeIn(morning!.start, morning!.end, 'Asia/Tokyo'));

    // Week view: the interview is still there, in the row of its week.
    await page.getByRole('button', { name: 'Week', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: /^Week of/ }).waitFor();
    expect(await hectorBlocks(page).filter({ hasText: `Confirmed: ${interview.reference}` }).innerText()).toContain(rangeIn(morning!.start, morning!.end, 'Asia/Tokyo'));
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'planner-week-1280.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The table fallback lists the same facts.
    await page.getByText('Show the planner as a table').click();
    const row = page.getByRole('row').filter({ hasText: `Hold: ${hold.reference}` });
    expect(await row.getByRole('rowheader').innerText()).toBe('Hector Guerra');

    // 375 px: the grid scrolls inside itself, the page does not.
    await page.getByRole('button', { name: 'Day', exact: true }).click();
    await page.setViewportSize({ width: 375, height: 800 });
    await hectorBlocks(page).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'planner-375.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
