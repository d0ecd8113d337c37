// The booking page in real Chromium: a keyboard-only reporter in New York
// books Zurich time in the weeks when only the US has moved its clocks
// (2027-03-14 to 2027-03-28: 5 hours apart, not 6) through the month calendar;
// a French-speaking reporter in Tokyo sees only French and the right days
// across midnight; both themes pass axe.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { browserSuite, demoPassword, SCREENSHOT_DIR, seriousAccessibilityViolations } from './support';

const suite = browserSuite();

/** A press-office mutation over HTTP with a fresh session. */
async function asStaff(path: string, input: unknown) {
  const login = await fetch(`${suite.server.base}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'jared.bloch@example.org', password: demoPassword() }) });
  const cookie = /desk_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')![0];
  const response = await fetch(`${suite.server.base}/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(input) });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error.message);
  return body.result.data;
}

/** Counts every mouse or pointer event the page sees, so a test can show it used none. */
async function countMouseEvents(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { mouseEvents: number }).mouseEvents = 0;
    for (const type of ['mousedown', 'mouseup', 'click', 'pointerdown', 'pointerup']) {
      window.addEventListener(type, (event) => {
        // Keyboard activation of a button also fires "click", with detail 0 and no pointer.
        if (type === 'click' && (event as MouseEvent).detail === 0) return;
        (window as unknown as { mouseEvents: number }).mouseEvents++;
      }, true);
    }
  });
}

const focusedDate = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-date') ?? null);

/** Tab until focus is in the calendar grid (one Tab stop for all its days). */
async function tabIntoCalendar(page: Page) {
  for (let presses = 0; presses < 40; presses++) {
    await page.keyboard.press('Tab');
    if (await focusedDate(page)) return;
  }
  throw new Error('the calendar never took focus');
}

beforeAll(async () => {
  // Hector takes requests a year ahead, so March 2027 is bookable today.
  const hector = await suite.trpc('spokespeople.get', { id: 'hector-guerra' });
  await asStaff('spokespeople.update', { id: hector.id, horizonDays: 365 });
});

describe('booking page', () => {
  it('a keyboard-only reporter in New York books Zurich time between the two spring clock changes through the calendar', async () => {
    const context = await suite.browser.newContext({ timezoneId: 'America/New_York', locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await countMouseEvents(page);
    await page.goto(`${suite.server.base}/book/hector-guerra`);
    await page.locator('.slot').first().waitFor();
    expect(await page.title()).toBe('Request an interview with Hector Guerra · Interview Desk');

    // One Tab stop for the whole month; Page Down moves a month at a time.
    await tabIntoCalendar(page);
    const start = (await focusedDate(page))!;
    while (((await focusedDate(page)) ?? '') < '2027-03-01') await page.keyboard.press('PageDown');
    expect((await focusedDate(page))!.slice(0, 7)).toBe('2027-03');
    await page.getByRole('heading', { name: 'March 2027' }).waitFor();
    // Arrow keys day by day (Down: a week) to the first free day from Monday 15 March.
    while (((await focusedDate(page)) ?? '') < '2027-03-15') await page.keyboard.press(((await focusedDate(page)) ?? '') < '2027-03-08' ? 'ArrowDown' : 'ArrowRight');
    await page.locator('button.day.free').first().waitFor();
    while (!(await page.evaluate(() => document.activeElement?.classList.contains('free')))) await page.keyboard.press('ArrowRight');
    const day = (await focusedDate(page))!;
    expect(day >= '2027-03-15' && day < '2027-03-28').toBe(true);
    expect(start < day).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('listbox', { name: /^Free times on / }).waitFor();
    expect(await page.locator(`td[aria-selected="true"] [data-date="${day}"]`).count()).toBe(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'booking-calendar-1280.png') });

    // The times: one Tab stop, arrows between them, Enter chooses.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('option');
    await page.keyboard.press('ArrowDown');
    const option = page.locator('[role="option"]:focus');
    const [newYork, zurich] = (await option.innerText()).split('\n');
    await page.keyboard.press('Enter');

    // Between the two changes New York is 5 hours behind Zurich, not 6.
    const hours = (text: string) => (Number(/(\d{1,2}):\d{2}\s*(AM|PM)/.exec(text)![1]) % 12) + (/PM/.test(text) ? 12 : 0);
    expect(zurich).toMatch(/ in Zurich$/);
    expect((hours(zurich!) - hours(newYork!) + 24) % 24).toBe(5);
    const heading = page.getByRole('heading', { name: /^Your request: / });
    await heading.waitFor();
    expect(await heading.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await heading.innerText()).toContain(`${newYork} your time`);
    // The form replaced the calendar: nothing to scroll past.
    expect(await page.getByRole('grid').count()).toBe(0);

    // The form by keyboard: Tab from field to field, typing.
    const typeInto = async (label: string, text: string) => {
      for (let presses = 0; presses < 30 && !(await page.getByLabel(label, { exact: true }).evaluate((element) => element === document.activeElement)); presses++) await page.keyboard.press('Tab');
      await page.keyboard.type(text);
    };
    await typeInto('Your name', 'Keyboard Reporter');
    await typeInto('Email', 'keys@example.org');
    await typeInto('Outlet', 'Example Wire');
    await typeInto('Topic', 'Cluster munitions');
    await page.keyboard.press('Tab'); // questions
    await page.keyboard.press('Tab'); // deadline
    await page.keyboard.press('Tab'); // submit
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Interview request IR-/ }).waitFor();
    const stored = await suite.server.database.prisma.interviewRequest.findFirstOrThrow({ where: { reporterEmail: 'keys@example.org' }, select: { requestedStart: true, reporterTimeZone: true, reporterLocale: true } });
    expect(stored.reporterTimeZone).toBe('America/New_York');
    expect(stored.reporterLocale).toBe('en');
    expect(new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' }).format(stored.requestedStart!)).toBe(day);
    expect(new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: 'numeric', minute: '2-digit' }).format(stored.requestedStart!)).toBe(newYork);
    expect(await page.evaluate(() => (window as unknown as { mouseEvents: number }).mouseEvents)).toBe(0);
    await context.close();
  });

  it('a reporter with a French-Swiss browser in Tokyo sees only French, and both days when Zurich is still on the day before', async () => {
    const context = await suite.browser.newContext({ timezoneId: 'Asia/Tokyo', locale: 'fr-CH', viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${suite.server.base}/book/hector-guerra`);
    await page.locator('.slot').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await page.title()).toBe('Demander une interview avec Hector Guerra · Interview Desk');
    // Hector's afternoon (14:00–17:30 in Zurich) is the Tokyo night: from 16:00 in Zurich it is the next day in Tokyo.
    const next = page.locator('.slot').filter({ hasText: /^0\d:\d\d/ }).first();
    const afterMidnight = (await page.locator('.slot').allInnerTexts()).find((text) => /^0\d:\d\d/.test(text));
    if (!afterMidnight) {
      // The first free Tokyo day may start in the evening: take the next free day, whose morning holds Zurich's late afternoon.
      await page.locator('button.day.free').nth(1).press('Enter');
    }
    await next.waitFor();
    const [tokyo, zurich] = (await next.innerText()).split('\n');
    expect(tokyo).toMatch(/^0[01]:[03]0$/);
    // "16:00 à Zurich (lundi 15 mars)": the Zurich day is named, in French.
    expect(zurich).toMatch(/^1[67]:[03]0 à Zurich \((lundi|mardi|mercredi|jeudi|vendredi),? \d{1,2} \p{L}+\)$/u);
    await next.press('Enter');
    const heading = page.getByRole('heading', { name: /^Votre demande : / });
    await heading.waitFor();
    const text = await heading.innerText();
    // Both days: the reporter's (Tokyo) and, being the day before, Zurich's.
    expect(text).toMatch(/^Votre demande : (mardi|mercredi|jeudi|vendredi|samedi),? \d{1,2} \p{L}+ \d{4}, 0[01]:[03]0 chez vous \(1[67]:[03]0 à Zurich, (lundi|mardi|mercredi|jeudi|vendredi),? \d{1,2} \p{L}+\)$/u);
    // No English on the page.
    const body = await page.locator('main').innerText();
    for (const word of ['Request', 'Your', 'time', 'Monday', 'Tuesday', 'Free', 'minutes', 'Email', 'Topic', 'Outlet']) expect(body, word).not.toContain(word);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'booking-form-fr-375.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The request keeps the reporter's language, for the emails they get.
    await page.getByLabel('Votre nom').fill('Aiko Journaliste');
    await page.getByLabel('E-mail').fill('aiko@example.org');
    await page.getByLabel('Média').fill('Exemple Presse');
    await page.getByLabel('Sujet', { exact: true }).fill('Armes à sous-munitions');
    await page.getByRole('button', { name: 'Demander l’interview' }).click();
    await page.getByRole('heading', { name: /^Demande d’interview IR-/ }).waitFor();
    expect(await page.getByText('Statut : En attente du service de presse').isVisible()).toBe(true);
    const stored = await suite.server.database.prisma.interviewRequest.findFirstOrThrow({ where: { reporterEmail: 'aiko@example.org' }, select: { reporterLocale: true, reporterTimeZone: true } });
    expect(stored).toEqual({ reporterLocale: 'fr', reporterTimeZone: 'Asia/Tokyo' });

    // The link opened on another device with an English browser: the page speaks the request's language.
    const elsewhere = await suite.browser.newContext({ timezoneId: 'Asia/Tokyo', locale: 'en-US' });
    const other = await elsewhere.newPage();
    await other.goto(page.url().replace('&new=1', ''));
    await other.getByText('Statut : En attente du service de presse').waitFor();
    await elsewhere.close();

    // Switchable in the header, and remembered on this device.
    await page.getByLabel('Langue de ces pages').selectOption('en');
    await page.getByRole('heading', { name: /^Interview request IR-/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByText('Status: Waiting for the press office').waitFor();
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`the booking page, and its form pass axe in the ${colorScheme} theme at 375 and 1280 px`, async () => {
      const context = await suite.browser.newContext({ timezoneId: 'Europe/Madrid', locale: 'es-ES', colorScheme, viewport: { width: 375, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${suite.server.base}/book/hector-guerra`);
      await page.locator('.slot').first().waitFor();
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe(colorScheme === 'dark' ? 'dark' : 'normal');
      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `no sideways scroll at ${width}`).toBe(true);
        await page.screenshot({ path: join(SCREENSHOT_DIR, `booking-es-${colorScheme}-${width}.png`), fullPage: true });
        expect(await seriousAccessibilityViolations(page), `${colorScheme} ${width}`).toEqual([]);
      }
      await page.locator('.slot').first().click();
      await page.getByRole('heading', { name: /^Su solicitud: / }).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOT_DIR, `booking-form-es-${colorScheme}-1280.png`), fullPage: true });
      // The other languages (asked by the link), the home page and a manage page in this theme too.
      for (const language of ['en', 'fr']) {
        await page.goto(`${suite.server.base}/book/hector-guerra?lang=${language}`);
        await page.locator('.slot').first().waitFor();
        for (const width of [375, 1280]) {
          await page.setViewportSize({ width, height: 800 });
          await page.screenshot({ path: join(SCREENSHOT_DIR, `booking-${language}-${colorScheme}-${width}.png`), fullPage: true });
        }
        expect(await seriousAccessibilityViolations(page), `${language} ${colorScheme}`).toEqual([]);
      }
      await page.setViewportSize({ width: 375, height: 800 });
      await page.goto(`${suite.server.base}/`);
      await page.getByText('Hector Guerra').first().waitFor();
      expect(await seriousAccessibilityViolations(page), `home ${colorScheme}`).toEqual([]);
      const created = await suite.trpc('requests.create', {
        idempotencyKey: `theme-${colorScheme}-${Date.now()}`,
        spokespersonId: (await suite.trpc('spokespeople.get', { id: 'hector-guerra' })).id,
        start: (await suite.trpc('availability.slots', { spokespersonId: 'hector-guerra', from: new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString(), to: new Date(Date.now() + 14 * 86_400_000).toISOString(), timeZone: 'Europe/Madrid' })).days[1].slots[0].start,
        durationMinutes: 30, format: 'video', language: 'es', attribution: 'on_record', topic: 'Municiones en racimo',
        reporter: { name: 'Lucía Periodista', email: `lucia-${colorScheme}@example.org`, outlet: 'Ejemplo', timeZone: 'Europe/Madrid', locale: 'es' },
        deadline: new Date(Date.now() + 5 * 86_400_000).toISOString(),
      }, 'POST');
      await page.goto(created.manageUrl);
      await page.getByText('Estado: Pendiente de la oficina de prensa').waitFor();
      await page.getByRole('button', { name: 'Pedir otro horario' }).click();
      await page.locator('.slot').first().waitFor();
      await page.getByRole('button', { name: 'Cancelar la solicitud' }).click();
      await page.screenshot({ path: join(SCREENSHOT_DIR, `manage-es-${colorScheme}-375.png`), fullPage: true });
      expect(await seriousAccessibilityViolations(page), `manage ${colorScheme}`).toEqual([]);
      await context.close();
    });
  }
});
