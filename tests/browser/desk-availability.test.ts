// The availability editor in real Chromium: a press officer in New York edits
// a Zurich spokesperson's weekly hours, sees the new first slot in the preview
// (in New York time, then Tokyo time) before saving, saves, and the public slot
// query then offers it; time off is added and removed; a backwards time-off
// range gets the server's message next to its field.
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, callProcedure, SCREENSHOT_DIR, seriousAccessibilityViolations, signIn } from './support';

const suite = browserSuite();

const ZURICH = 'Europe/Zurich';
type SlotsAnswer = { days: { date: string; slots: { start: string; end: string; spokesperson: { start: string } }[] }[] };

/** What the public slot query offers for the next 7 days, as instants with the spokesperson's local start. */
async function offered(spokespersonId: string) {
  const from = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
  const answer: SlotsAnswer = await callProcedure(suite.server.base, 'availability.slots', { spokespersonId, from, to: new Date(Date.parse(from) + 7 * 86_400_000).toISOString(), timeZone: 'America/New_York' });
  return answer.days.flatMap((day) => day.slots);
}

/** Slot starts (ISO, viewer's offset) shown in the preview, in order. */
async function previewStarts(page: Page) {
  return page.locator('.preview-slots time').evaluateAll((elements) => elements.map((element) => element.getAttribute('datetime')!));
}

/** The preview's slot starts once it has answered for the current draft (null while it updates). */
async function settledPreviewStarts(page: Page) {
  const status = await page.locator('.preview-status').innerText();
  return /free times? in the next/.test(status) ? previewStarts(page) : null;
}

/** The same wall-clock text the page shows (Intl, en-US), with any kind of space made plain. */
function clock(instant: DateTime, timeZone: string) {
  return new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit' }).format(instant.toJSDate()).replace(/\s/g, ' ');
}

describe('availability editor', () => {
  it('previews a changed weekday in another zone before saving, saves it, and handles time off and a backwards range', async () => {
    const kasia = await callProcedure(suite.server.base, 'spokespeople.get', { id: 'kasia-derlicka-rosenbauer' });
    expect(kasia.timeZone).toBe(ZURICH);
    // A Monday–Thursday date (Kasia's working days) two to five days ahead, inside the 7-day preview.
    let day = DateTime.now().setZone(ZURICH).startOf('day').plus({ days: 2 });
    while (day.weekday > 4) day = day.plus({ days: 1 });
    const date = day.toISODate()!;
    const weekday = day.setLocale('en-US').toFormat('cccc');
    // Her hours that day start at 10:00; the edit makes them start at 07:30.
    const newFirst = DateTime.fromISO(`${date}T07:30`, { zone: ZURICH });
    const onThatDay = (start: string) => DateTime.fromISO(start).setZone(ZURICH).toISODate() === date;
    expect((await offered(kasia.id)).filter((slot) => onThatDay(slot.start))[0]!.spokesperson.start).toBe(`${date}T10:00:00${newFirst.toFormat('ZZ')}`);

    const context = await suite.browser.newContext({ timezoneId: 'America/New_York', locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${suite.server.base}/desk/availability?spokesperson=${kasia.id}`);
    await signIn(page);
    await page.getByRole('heading', { name: 'Kasia Derlicka-Rosenbauer' }).waitFor();
    expect(await page.getByLabel('Spokesperson').inputValue()).toBe(kasia.id);
    await page.getByText('Zurich (Europe/Zurich)').waitFor();
    expect(await page.getByLabel('Show the preview in').inputValue()).toBe('America/New_York');
    await page.getByRole('heading', { name: 'Preview: free times, New York time' }).waitFor();
    await page.locator('.preview-slots').first().waitFor();
    expect(await page.getByText('Unsaved changes', { exact: true }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Change one weekday's hours: the first range now starts at 07:30.
    const from = page.getByLabel(`${weekday} hours 1: From`);
    expect(await from.inputValue()).toBe('10:00');
    await from.fill('07:30');
    await page.getByText('Unsaved changes', { exact: true }).first().waitFor();

    // The preview, in New York time, shows the new first slot of that day before anything is saved.
    const newYorkIso = newFirst.setZone('America/New_York').toISO({ suppressMilliseconds: true })!;
    await page.locator(`.preview-slots time[datetime="${newYorkIso}"]`).waitFor();
    expect((await previewStarts(page)).filter(onThatDay)[0]).toBe(newYorkIso);
    const newYorkItem = page.locator('.preview-slots li').filter({ has: page.locator(`time[datetime="${newYorkIso}"]`) });
    expect((await newYorkItem.innerText()).replace(/\s/g, ' ')).toBe(`${clock(newFirst, 'America/New_York')} ${clock(newFirst, ZURICH)} in Zurich`);
    expect((await offered(kasia.id)).some((slot) => Date.parse(slot.start) === newFirst.toMillis())).toBe(false);

    // The same slot seen from Tokyo.
    await page.getByLabel('Find your city').fill('Tokyo');
    await page.getByLabel('Show the preview in').selectOption('Asia/Tokyo');
    await page.getByRole('heading', { name: 'Preview: free times, Tokyo time' }).waitFor();
    const tokyoIso = newFirst.setZone('Asia/Tokyo').toISO({ suppressMilliseconds: true })!;
    await page.locator(`.preview-slots time[datetime="${tokyoIso}"]`).waitFor();
    expect((await previewStarts(page)).filter(onThatDay)[0]).toBe(tokyoIso);
    const tokyoItem = page.locator('.preview-slots li').filter({ has: page.locator(`time[datetime="${tokyoIso}"]`) });
    expect((await tokyoItem.innerText()).replace(/\s/g, ' ')).toBe(`${clock(newFirst, 'Asia/Tokyo')} ${clock(newFirst, ZURICH)} in Zurich`);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'availability-1280.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Save: the server now offers the new first slot; the flag is gone.
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: /^Saved at .+ Reporters now see these hours\.$/ }).waitFor();
    expect(await page.getByText('Unsaved changes', { exact: true }).count()).toBe(0);
    const afterSave = (await offered(kasia.id)).filter((slot) => onThatDay(slot.start));
    expect(Date.parse(afterSave[0]!.start)).toBe(newFirst.toMillis());
    expect(afterSave[0]!.start).toBe(newYorkIso);

    // A backwards time-off range: the server's message, next to the "To" field.
    await page.getByRole('button', { name: 'Add time off' }).click();
    await page.getByLabel('New time off 1: From').fill(`${date}T12:00`);
    await page.getByLabel('New time off 1: To').fill(`${date}T10:00`);
    const to = page.getByLabel('New time off 1: To');
    await page.waitForFunction(() => document.querySelector('input[type="datetime-local"][aria-invalid="true"]') !== null);
    const describedBy = await to.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).innerText()).toBe('The end must be after the start');
    expect(await page.getByLabel('New time off 1: From').getAttribute('aria-invalid')).toBeNull();
    await page.getByText('The preview waits until the marked fields are corrected.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Corrected to the whole day: the preview drops that day's slots, and saving it makes it real.
    await page.getByLabel('New time off 1: From').fill(`${date}T00:00`);
    await to.fill(`${day.plus({ days: 1 }).toISODate()}T00:00`);
    await page.getByLabel('New time off 1: Reason (optional)').fill('Conference travel');
    await expect.poll(async () => (await settledPreviewStarts(page))?.filter(onThatDay), { timeout: 15_000 }).toEqual([]);
    expect(await previewStarts(page)).not.toEqual([]);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: /^Saved at/ }).waitFor();
    const planned = page.getByRole('list', { name: 'Planned time off' }).getByRole('listitem');
    expect(await planned.count()).toBe(1);
    expect(await planned.first().innerText()).toContain('Conference travel');
    expect((await offered(kasia.id)).filter((slot) => onThatDay(slot.start))).toEqual([]);

    // Remove it again: the day's slots come back once saved.
    await planned.first().getByRole('button', { name: /^Remove time off from .+ \(Conference travel\)$/ }).click();
    await page.getByText('Unsaved changes', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: /^Saved at/ }).waitFor();
    await page.getByText('No time off planned.').waitFor();
    expect(Date.parse((await offered(kasia.id)).filter((slot) => onThatDay(slot.start))[0]!.start)).toBe(newFirst.toMillis());

    // A date override, unavailable all day: the preview drops that date; discarded unsaved.
    await page.getByRole('button', { name: 'Add a date override' }).click();
    await page.getByLabel('Override 1: Date').fill(date);
    expect(await page.getByRole('checkbox', { name: /^Not available all day on / }).isChecked()).toBe(true);
    await expect.poll(async () => (await settledPreviewStarts(page))?.filter(onThatDay), { timeout: 15_000 }).toEqual([]);
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await expect.poll(async () => (await settledPreviewStarts(page))?.filter(onThatDay)[0], { timeout: 15_000 }).toBe(tokyoIso);

    // A weekly range that starts and ends at the same time: the server's message next to it, and nothing saved.
    const secondTo = page.getByLabel(`${weekday} hours 2: To`);
    await secondTo.fill(await page.getByLabel(`${weekday} hours 2: From`).inputValue());
    await page.waitForFunction(() => document.querySelector('input[type="time"][aria-invalid="true"]') !== null);
    expect(await page.locator(`[id="${await secondTo.getAttribute('aria-describedby')}"]`).innerText()).toBe('A range needs different start and end times (an end earlier than the start means it ends the next day)');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('alert').filter({ hasText: 'Nothing was saved: correct the marked fields.' }).waitFor();
    await page.getByRole('button', { name: 'Discard changes' }).click();
    expect(await page.getByText('Unsaved changes', { exact: true }).count()).toBe(0);
    await page.locator('.preview-slots').first().waitFor();

    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'availability-375.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('a spokesperson edits only their own hours', async () => {
    const kasia = await callProcedure(suite.server.base, 'spokespeople.get', { id: 'kasia-derlicka-rosenbauer' });
    const context = await suite.browser.newContext({ timezoneId: 'Europe/Zurich', locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // Asking for a colleague's record shows one's own.
    await page.goto(`${suite.server.base}/desk/availability?spokesperson=${kasia.id}`);
    await signIn(page, 'hector.guerra@example.org');
    await page.getByRole('heading', { name: 'Your availability' }).waitFor();
    await page.getByRole('heading', { name: 'Hector Guerra' }).waitFor();
    await page.getByText('You can only edit your own availability, so your own is shown.').waitFor();
    expect(await page.getByLabel('Spokesperson').count()).toBe(0);
    await page.locator('.preview-slots').first().waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
