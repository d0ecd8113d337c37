// The booking page's first view (client/src/reporter/first-view/, drawn by a
// small inline script from free times the server writes into the HTML):
// - the HTML: the same free times the public API answers, in the browser's
//   language (or ?lang=), the inline script and style allowed by their CSP
//   hashes and nothing else, never cached; a page without a spokesperson gets
//   the plain page;
// - in Chromium, with the app's bundle held back: the first view shows the
//   month and the first day's times, word for word what the app then shows,
//   in the same place (375 and 1280 px; English in New York, French in Tokyo),
//   with no CSP violation; a time tapped before the app has loaded opens the
//   request form for that time once it has.
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './support';

const suite = browserSuite();
const HOUR = 3_600_000;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const directive = (policy: string, name: string) => policy.split(';').map((part) => part.trim().split(/\s+/)).find(([first]) => first === name)?.slice(1) ?? [];

interface FirstViewJson {
  language: string;
  durationMinutes: number;
  starts: number[];
  texts: Record<string, string>;
}

async function bookingHtml(path: string, language = 'en-US,en;q=0.9') {
  const response = await fetch(`${suite.server.base}${path}`, { headers: { 'accept-language': language } });
  const html = await response.text();
  const json = /<script type="application\/json" id="first-view-data">([^<]*)<\/script>/.exec(html)?.[1];
  return { response, html, data: json ? (JSON.parse(json) as FirstViewJson) : undefined };
}

describe('the booking page HTML', () => {
  it('carries the free times the API answers, in the browser’s language, and allows only its own inline script and style', async () => {
    const { response, html, data } = await bookingHtml('/book/hector-guerra', 'fr-CH,fr;q=0.9,en;q=0.5');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(data?.language).toBe('fr');
    expect(data?.texts.heading).toBe('Demander une interview avec Hector Guerra');
    // The same times as the public question over the same window (from the current hour, 33 days, in UTC).
    const from = Math.floor(Date.now() / HOUR) * HOUR;
    const answer = await suite.trpc('availability.slots', { spokespersonId: 'hector-guerra', from: new Date(from).toISOString(), to: new Date(from + 33 * 24 * HOUR).toISOString(), timeZone: 'UTC' });
    const starts = (answer.days as { slots: { start: string }[] }[]).flatMap((day) => day.slots.map((slot) => Date.parse(slot.start) / 60_000));
    expect(starts.length).toBeGreaterThan(20);
    expect(data?.starts).toEqual(starts);
    expect(data?.durationMinutes).toBe(answer.durationMinutes);

    // Exactly one inline script and one inline style, each allowed by its hash; nothing else is.
    const policy = response.headers.get('content-security-policy')!;
    const scripts = [...html.matchAll(/<script>([^]*?)<\/script>/g)].map((match) => match[1]!);
    const styles = [...html.matchAll(/<style>([^]*?)<\/style>/g)].map((match) => match[1]!);
    expect(scripts).toHaveLength(1);
    expect(styles).toHaveLength(1);
    expect(directive(policy, 'script-src')).toEqual(["'self'", sha256(scripts[0]!)]);
    expect(directive(policy, 'style-src')).toContain(sha256(styles[0]!));
    expect(policy).not.toMatch(/unsafe-inline/);
    // The data cannot end its element early: a "<" in a text would be escaped.
    expect(html.match(/<\/script>/g)?.length).toBe(html.match(/<script/g)?.length);
  });

  it('follows ?lang=, and gives any other page the plain page', async () => {
    expect((await bookingHtml('/book/hector-guerra?lang=es', 'fr-FR')).data?.texts.heading).toBe('Solicitar una entrevista con Hector Guerra');
    expect((await bookingHtml('/embed/book/hector-guerra', 'de-DE')).data?.language).toBe('en');
    // A path that is not even a URL is refused before the page is looked at.
    expect((await bookingHtml('/book/%E0%A4%A')).response.status).toBe(400);
    for (const path of ['/book/no-such-person', '/', '/desk']) {
      const { response, html, data } = await bookingHtml(path);
      expect(response.status, path).toBe(200);
      expect(data, path).toBeUndefined();
      expect(html, path).toContain('<div id="root"></div>');
      expect(response.headers.get('content-security-policy'), path).not.toMatch(/sha256/);
    }
  });
});

/** A booking page whose app bundle is held until `release()`: the first view is all there is until then. */
async function heldPage(options: { locale: string; timezoneId: string; width: number }) {
  const context = await suite.browser.newContext({ locale: options.locale, timezoneId: options.timezoneId, viewport: { width: options.width, height: 800 } });
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|error/i.test(message.text()) && message.type() === 'error') violations.push(message.text());
  });
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${suite.server.base}/book/hector-guerra`, { waitUntil: 'commit' });
  await page.locator('#first-view .slot').first().waitFor();
  return { page, violations, release, close: () => context.close() };
}

/** What a reporter reads and where the first time sits: the page's heading, day heading, options line and times. */
async function shown(page: Page) {
  return page.evaluate(() => {
    const visible = [...document.querySelectorAll('main')].find((main) => main.getBoundingClientRect().height > 0)!;
    const box = visible.querySelector('.slot')!.getBoundingClientRect();
    const text = (selector: string) => (visible.querySelector(selector) as HTMLElement | null)?.innerText.trim();
    return {
      language: document.documentElement.lang,
      title: document.title,
      heading: text('h1'),
      month: text('.month-header h3'),
      freeDays: [...visible.querySelectorAll('button.day.free')].map((day) => day.getAttribute('aria-label')),
      dayHeading: text('.day-heading'),
      options: text('summary'),
      slots: [...visible.querySelectorAll('.slot')].map((slot) => (slot as HTMLElement).innerText.replace(/\s+/g, ' ').trim()),
      firstSlot: { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width) },
    };
  });
}

describe('the first view in Chromium', () => {
  for (const reporter of [
    { locale: 'en-US', timezoneId: 'America/New_York', width: 375, heading: 'Request an interview with Hector Guerra' },
    { locale: 'fr-CH', timezoneId: 'Asia/Tokyo', width: 1280, heading: 'Demander une interview avec Hector Guerra' },
  ]) {
    it(`shows what the app shows, where it shows it (${reporter.locale}, ${reporter.timezoneId}, ${reporter.width} px)`, async () => {
      const { page, violations, release, close } = await heldPage(reporter);
      const before = await shown(page);
      expect(before.heading).toBe(reporter.heading);
      expect(before.slots.length).toBeGreaterThan(0);
      // The app has not run: its root is empty.
      expect(await page.locator('#root').innerHTML()).toBe('');
      release();
      await page.locator('#first-view').waitFor({ state: 'detached' });
      await page.locator('#root .slot').first().waitFor();
      const after = await shown(page);
      // Sub-pixel layout differences round either way: within one pixel.
      expect(Math.abs(after.firstSlot.y - before.firstSlot.y)).toBeLessThanOrEqual(1);
      expect({ ...after, firstSlot: { ...after.firstSlot, y: 0 } }).toEqual({ ...before, firstSlot: { ...before.firstSlot, y: 0 } });
      // Exactly one main on the page after the swap.
      expect(await page.locator('main').count()).toBe(1);
      expect(violations).toEqual([]);
      await close();
    });
  }

  it('keeps a time tapped before the app loaded and opens its form', async () => {
    const { page, violations, release, close } = await heldPage({ locale: 'en-US', timezoneId: 'America/New_York', width: 375 });
    const slots = page.locator('#first-view .slot');
    const index = (await slots.count()) > 1 ? 1 : 0;
    const [time] = (await slots.nth(index).innerText()).split('\n');
    await slots.nth(index).click();
    expect(await slots.nth(index).getAttribute('aria-selected')).toBe('true');
    release();
    const heading = page.getByRole('heading', { name: /^Your request: / });
    await heading.waitFor();
    expect(await heading.innerText()).toContain(time!.trim());
    expect(await page.locator('#first-view').count()).toBe(0);
    expect(violations).toEqual([]);
    await close();
  });

  it('steps aside for a language chosen on this device', async () => {
    const context = await suite.browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Zurich', viewport: { width: 375, height: 800 } });
    await context.addInitScript(() => localStorage.setItem('interview-desk:language', 'es'));
    const page = await context.newPage();
    await page.route(/\/assets\/index-[^/]+\.js$/, (route) => route.abort());
    await page.goto(`${suite.server.base}/book/hector-guerra`, { waitUntil: 'load' });
    // English HTML, Spanish chosen: no first view (the app alone would show the page, in Spanish).
    expect(await page.locator('#first-view').count()).toBe(0);
    await context.close();
  });
});
