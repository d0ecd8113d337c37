// The reporter's pages in real Chromium, without an account: home, release,
// slot picker, request form, confirmation and manage pages at 375 and 1280 px
// with axe on each; language and format choices carried from the topic search
// to the request; a double click or a retry making one request; the empty
// state's jump to the nearest free day; and the console's code kept off these pages.
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callProcedure, demoPassword, launchChromium, SCREENSHOT_DIR, seriousAccessibilityViolations, startDemoServer } from './support';

let server: Awaited<ReturnType<typeof startDemoServer>>;
let browser: Browser;
let staffCookie = '';
beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
  // The press officer's session, for the desk's side of the story (over HTTP, as the console would).
  const login = await fetch(`${server.base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'jared.bloch@example.org', password: demoPassword() }),
  });
  expect(login.ok).toBe(true);
  staffCookie = /desk_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')![0];
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A press-office mutation over HTTP with the session cookie. */
async function asStaff(path: string, input: unknown) {
  const response = await fetch(`${server.base}/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: staffCookie }, body: JSON.stringify(input) });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error.message);
  return body.result.data;
}

async function newPage(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ timezoneId: 'America/New_York', locale: 'en-GB', viewport: { width: 375, height: 800 }, ...options });
  return context.newPage();
}

/** Screenshots at 375 and 1280 px (`<name>-375.png`, `<name>-1280.png`), with no serious axe violation at either width. */
async function capture(page: Page, name: string) {
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${width}.png`), fullPage: true });
    expect(await seriousAccessibilityViolations(page), `${name} at ${width} px`).toEqual([]);
  }
  await page.setViewportSize({ width: 375, height: 800 });
}

/** On a phone the booking options are folded into one line; this unfolds them (a tap on it), if folded. */
async function unfoldOptions(page: Page) {
  const options = page.locator('details.booking-options');
  if (!(await options.evaluate((details: HTMLDetailsElement) => details.open))) await options.locator('summary').click();
}

/** "19:45" in a zone, the way an en-GB browser shows a slot. */
function hhmm(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

async function fillReporter(page: Page, name: string, email: string) {
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Outlet').fill('Example Wire');
  await page.getByLabel('Topic', { exact: true }).fill('Cluster munitions');
}

describe('reporter pages', () => {
  it('home and release pages, and the topic search narrowed by language and format', async () => {
    const page = await newPage();
    await page.goto(`${server.base}/`);
    const release = (await callProcedure(server.base, 'releases.list', undefined))[0] as { id: string; slug: string; title: string };
    await page.getByText('Hector Guerra').first().waitFor();
    await page.getByRole('link', { name: release.title }).waitFor();
    await capture(page, 'home');

    // The language and format lists are what the spokespeople offer.
    expect(await page.getByLabel('Language', { exact: true }).locator('option').allInnerTexts()).toEqual(['Any language', 'English', 'French', 'Polish', 'Spanish']);
    expect(await page.getByLabel('Format', { exact: true }).locator('option').allInnerTexts()).toEqual(['Any format', 'Phone', 'WhatsApp', 'Video call', 'Studio', 'In person', 'Written Q&A']);
    const results = page.getByRole('list', { name: 'Spokespeople, soonest free first' }).getByRole('listitem');
    const search = async (language: string, format: string, expected: string[]) => {
      await page.getByLabel('Topic', { exact: true }).fill('Convention on Cluster Munitions');
      await page.getByLabel('Language', { exact: true }).selectOption(language);
      await page.getByLabel('Format', { exact: true }).selectOption(format);
      // The loading line appears only after React's effect runs, so waiting for it to go could
      // pass before it came and read the previous search's results: wait for this search's answer.
      const answered = page.waitForResponse((response) => response.url().includes('availability.search'));
      await page.getByRole('button', { name: 'Find who is free' }).click();
      await answered;
      await expect.poll(async () => (await results.allInnerTexts()).map((text) => text.split(':')[0]).sort(), { timeout: 10_000 }).toEqual(expected);
    };
    // Both cover the Convention; only Hector gives studio interviews, only Kasia speaks Polish.
    await search('', '', ['Hector Guerra', 'Kasia Derlicka-Rosenbauer']);
    await search('', 'studio', ['Hector Guerra']);
    await search('pl', '', ['Kasia Derlicka-Rosenbauer']);
    await search('pl', 'studio', []);
    await page.getByRole('status').filter({ hasText: 'Nobody covers that topic in that language and format' }).waitFor();
    await search('es', 'written', ['Hector Guerra']);
    // Each result is free from a time given in the reporter's zone.
    expect(await results.first().innerText()).toMatch(/^Hector Guerra: free from .+ \(New York\)$/);

    // The release page lists its spokespeople, each with a way to book them for this release.
    await page.getByRole('link', { name: release.title }).click();
    await page.getByRole('heading', { name: release.title, level: 1 }).waitFor();
    await capture(page, 'release');
    const book = page.getByRole('link', { name: 'Request an interview with Hector Guerra' });
    expect(await book.getAttribute('href')).toBe(`/book/hector-guerra?release=${release.id}`);
    await page.context().close();
  });

  it('French and Spanish release and home pages: the press contact block, headings and dates in that language, no English', async () => {
    const release = (await callProcedure(server.base, 'releases.list', undefined))[0] as { slug: string };
    // UI words of the English pages (content written by the office, such as the release text, is not checked).
    const english = /\b(Press contact|To schedule|Working hours|Phone|Email|Request an interview|Links|Attachments|Published|From|Languages|Zurich time)\b/;
    for (const [locale, heading, intro] of [
      ['fr-CH', 'Contact presse', 'Pour organiser une interview, contactez :'],
      ['es-ES', 'Contacto de prensa', 'Para concertar una entrevista, contacte con:'],
    ] as const) {
      const page = await newPage({ locale, viewport: { width: 1280, height: 900 } });
      for (const path of [`/releases/${release.slug}`, '/']) {
        await page.goto(`${server.base}${path}`);
        const block = page.locator('.press-contact-block');
        await block.getByRole('heading', { name: heading }).waitFor();
        const text = await block.innerText();
        expect(text, `${locale} ${path}`).toContain(intro);
        expect(text, `${locale} ${path}`).not.toMatch(english);
        expect(text).toMatch(locale === 'fr-CH' ? /heure de Zurich \(CES?T\)/ : /hora de Zurich \(CES?T\)/);
        const headings = await page.locator('main h2').allInnerTexts();
        expect(headings.join(' | '), `${locale} ${path}`).not.toMatch(english);
        const meta = await page.locator('main .meta').allInnerTexts();
        expect(meta.join(' | '), `${locale} ${path}`).not.toMatch(english);
      }
      await page.context().close();
    }
  });

  it('the slot picker preselects the language and format chosen in the topic search, and the request form carries them', async () => {
    const page = await newPage();
    await page.goto(`${server.base}/`);
    await page.getByLabel('Topic', { exact: true }).fill('treaty accession');
    await page.getByLabel('Language', { exact: true }).selectOption('pl');
    await page.getByLabel('Format', { exact: true }).selectOption('whatsapp');
    await page.getByRole('button', { name: 'Find who is free' }).click();
    await page.getByRole('link', { name: 'Kasia Derlicka-Rosenbauer', exact: true }).click();
    await page.getByRole('heading', { name: 'Free times, New York time', exact: true }).waitFor();
    expect(page.url()).toMatch(/\/book\/kasia-derlicka-rosenbauer\?language=pl&format=whatsapp$/);
    await unfoldOptions(page);
    expect(await page.getByLabel('Language', { exact: true }).inputValue()).toBe('pl');
    expect(await page.getByLabel('Interview type').inputValue()).toBe('whatsapp');
    // Only Kasia's own languages and formats are offered.
    expect(await page.getByLabel('Language', { exact: true }).locator('option').allInnerTexts()).toEqual(['English', 'Polish', 'French']);
    expect(await page.getByLabel('Interview type').locator('option').allInnerTexts()).toEqual(['Phone', 'WhatsApp', 'Video call', 'Written Q&A']);

    // Changing the choice above the slots changes the form's preselection.
    await page.getByLabel('Language', { exact: true }).selectOption('fr');
    await page.locator('.slot').first().click();
    expect(await page.getByLabel('Interview language').inputValue()).toBe('fr');
    expect(await page.getByLabel('Format', { exact: true }).inputValue()).toBe('whatsapp');

    // What the server then holds: a French WhatsApp interview.
    await fillReporter(page, 'Zofia Reporter', 'zofia@example.org');
    await page.getByLabel('WhatsApp (optional)').fill('+48 600 000 000');
    await page.getByRole('button', { name: 'Request an interview' }).click();
    await page.getByRole('heading', { name: /^Interview request IR-/ }).waitFor();
    const stored = await server.database.prisma.interviewRequest.findFirstOrThrow({ where: { reporterEmail: 'zofia@example.org' }, select: { language: true, format: true, reporterWhatsapp: true } });
    expect(stored).toEqual({ language: 'fr', format: 'whatsapp', reporterWhatsapp: '+48600000000' });

    // A link asking for something Kasia does not offer says so, and falls back to what she does.
    await page.goto(`${server.base}/book/kasia-derlicka-rosenbauer?language=es&format=studio`);
    await page.getByText('Kasia does not give interviews in Spanish. Kasia does not give interviews of this type: Studio.').waitFor();
    expect(await page.getByLabel('Language', { exact: true }).inputValue()).toBe('en');
    expect(await page.getByLabel('Interview type').inputValue()).toBe('video');
    await page.context().close();
  });

  it('the slot picker in the reporter’s zone, switched through the zone search, with the spokesperson’s time beside each slot', async () => {
    const page = await newPage({ timezoneId: 'Asia/Kathmandu' });
    await page.goto(`${server.base}/book/hector-guerra`);
    // The browser reports Kathmandu by its retired name (Asia/Katmandu); the picker shows the current one.
    await page.getByRole('heading', { name: 'Free times, Kathmandu time', exact: true }).waitFor();
    expect(await page.getByLabel('Your time zone').inputValue()).toBe('Asia/Kathmandu');
    await page.locator('.slot').first().waitFor();
    // At 375 px the options are one folded line naming the zone, clock and length, and the first
    // free time is on the first screen (800 px), not under the options and the calendar.
    const folded = page.locator('details.booking-options');
    expect(await folded.evaluate((details: HTMLDetailsElement) => details.open)).toBe(false);
    expect(await folded.locator('summary').innerText()).toBe('Time zone and options\nKathmandu time · 24-hour · 30 minutes');
    const firstSlot = (await page.locator('.slot').first().boundingBox())!;
    expect(firstSlot.y + firstSlot.height).toBeLessThanOrEqual(800);
    await capture(page, 'slot-picker');
    // Wide, they are shown unfolded with no summary line; back on the phone, a tap unfolds them.
    // (The page follows the width on its next render: hence waitFor rather than isVisible.)
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByLabel('Find your city').waitFor();
    expect(await folded.locator('summary').isVisible()).toBe(false);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByLabel('Find your city').waitFor({ state: 'hidden' });
    await unfoldOptions(page);
    await page.getByLabel('Find your city').waitFor();

    const from = new Date(Math.floor(Date.now() / HOUR) * HOUR).toISOString();
    const to = new Date(Date.parse(from) + 14 * DAY).toISOString();
    const expectFirstSlot = async (timeZone: string) => {
      const answer = await callProcedure(server.base, 'availability.slots', { spokespersonId: 'hector-guerra', from, to, timeZone });
      const slot = answer.days[0].slots[0];
      const [viewer, zurich] = (await page.locator('.slot').first().innerText()).split('\n');
      expect(viewer).toBe(hhmm(slot.start, timeZone));
      // The spokesperson's side (with the day when it is another date there).
      expect(zurich).toMatch(new RegExp(`^${hhmm(slot.start, 'Europe/Zurich')} in Zurich( \\(\\w+ \\d+ \\w+\\))?$`));
    };
    await expectFirstSlot('Asia/Kathmandu');

    // Search by city, Enter picks the first match: the times move to Baku.
    const search = page.getByLabel('Find your city');
    await search.fill('baku');
    await page.getByText('1 zone matches; press Enter to pick Baku — Asia/Baku (UTC+04:00)').waitFor();
    await search.press('Enter');
    await page.getByRole('heading', { name: 'Free times, Baku time', exact: true }).waitFor();
    await page.locator('.slot').first().waitFor();
    await expectFirstSlot('Asia/Baku');
    // Retired names and offsets find zones too; the options show city, IANA name and current offset.
    await search.fill('calcutta');
    expect(await page.getByLabel('Your time zone').locator('option').allInnerTexts()).toEqual(['Baku — Asia/Baku (UTC+04:00)', 'Kolkata — Asia/Kolkata (UTC+05:30)']);
    // Chatham is UTC+12:45, or +13:45 in its summer.
    const chatham = /GMT([+-]\d\d:\d\d)/.exec(new Intl.DateTimeFormat('en', { timeZone: 'Pacific/Chatham', timeZoneName: 'longOffset' }).format(new Date()))![1]!;
    await search.fill(chatham.replace(/^\+0?/, '+'));
    expect(await page.getByLabel('Your time zone').locator('option').allInnerTexts()).toEqual(['Baku — Asia/Baku (UTC+04:00)', `Chatham — Pacific/Chatham (UTC${chatham})`]);
    // Cities from the dataset, with or without accents; the city found is named beside its zone.
    const options = () => page.getByLabel('Your time zone').locator('option').allInnerTexts();
    await search.fill('geneva');
    await page.getByText(/^1 zone matches; press Enter to pick Zurich — Europe\/Zurich \(UTC\+0[12]:00\) · Geneva$/).waitFor();
    await search.fill('Sao Paulo');
    expect((await options())[1]).toMatch(/^Sao Paulo — America\/Sao_Paulo \(UTC-03:00\)$/);
    await search.fill('são paulo');
    expect((await options())[1]).toMatch(/^Sao Paulo — America\/Sao_Paulo/);
    await search.fill('Mumbai');
    expect((await options())[1]).toMatch(/^Kolkata — Asia\/Kolkata \(UTC\+05:30\) · Mumbai$/);
    await search.fill('Washington');
    expect((await options())[1]).toMatch(/^New York — America\/New_York \(UTC-0[45]:00\) · Washington$/);
    // Abbreviations list every zone using them, and Enter does not pick one for the reporter.
    await search.fill('IST');
    await page.getByText('IST is used by 4 zones: choose yours in the list below').waitFor();
    expect((await options()).slice(1).map((text) => text.split(' — ')[1]!.split(' ')[0]).sort()).toEqual(['Asia/Colombo', 'Asia/Jerusalem', 'Asia/Kolkata', 'Europe/Dublin']);
    await search.press('Enter');
    expect(await page.getByLabel('Your time zone').inputValue()).toBe('Asia/Baku');
    await search.fill('pst');
    expect((await options()).slice(1).map((text) => text.split(' — ')[1]!.split(' ')[0])).toContain('America/Los_Angeles');
    await search.fill('CET');
    expect((await options()).length).toBeGreaterThan(20);
    expect((await options()).slice(1).map((text) => text.split(' — ')[1]!.split(' ')[0])).toContain('Europe/Zurich');
    await search.fill('');
    await page.getByLabel('Your time zone').selectOption('America/New_York');
    await page.getByRole('heading', { name: 'Free times, New York time', exact: true }).waitFor();
    // The choice is remembered on this device: a reload opens in New York, not Kathmandu.
    await page.reload();
    await page.locator('.slot').first().waitFor();
    expect(await page.getByLabel('Your time zone').inputValue()).toBe('America/New_York');
    // And so is the clock: 12-hour times after choosing it, still after a reload.
    await unfoldOptions(page);
    await page.getByLabel('12-hour').check();
    expect((await page.locator('.slot .viewer-time').first().innerText())).toMatch(/^\d{1,2}:\d\d\s?[AP]M$/i);
    await page.reload();
    expect((await page.locator('.slot .viewer-time').first().innerText())).toMatch(/^\d{1,2}:\d\d\s?[AP]M$/i);
    await page.context().close();
  });

  it('field errors from the server appear next to their fields; a double click makes one request', async () => {
    const page = await newPage();
    const creates: string[] = [];
    page.on('request', (request) => request.url().includes('requests.create') && creates.push(request.method()));
    await page.goto(`${server.base}/book/hector-guerra`);
    await page.locator('.slot').first().click();
    await page.getByRole('button', { name: 'Request an interview' }).click();
    await page.locator('.field-error').first().waitFor();
    const errorFor = async (label: string, exact = false) => {
      const field = page.getByLabel(label, { exact });
      expect(await field.getAttribute('aria-invalid'), label).toBe('true');
      return page.locator(`[id="${await field.getAttribute('aria-describedby')}"]`).innerText();
    };
    expect(await errorFor('Your name')).toBe('Enter your name');
    expect(await errorFor('Outlet')).toBe('Enter your outlet');
    expect(await errorFor('Topic', true)).toBe('Say what the interview is about');
    expect(await errorFor('Email')).not.toBe('');
    expect(await page.getByRole('alert').innerText()).toMatch(/Please correct the fields marked below/);
    // Focus lands on the first field to fix.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('name');
    await capture(page, 'request-form-errors');

    await fillReporter(page, 'Double Clicker', 'double@example.org');
    await page.getByRole('button', { name: 'Request an interview' }).dblclick();
    await page.getByRole('heading', { name: /^Interview request IR-/ }).waitFor();
    // The failed first attempt and one more: the second click of the double click sent nothing.
    expect(creates).toHaveLength(2);
    expect(await server.database.prisma.interviewRequest.count({ where: { reporterEmail: 'double@example.org' } })).toBe(1);
    await page.context().close();
  });

  it('a retry after the answer was lost returns the same request instead of making a second one', async () => {
    const page = await newPage();
    let attempts = 0;
    // The first submission reaches the server, but its answer never reaches the browser.
    await page.route((url) => url.pathname.endsWith('/trpc/requests.create'), async (route) => {
      attempts++;
      if (attempts === 1) {
        await route.fetch();
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    await page.goto(`${server.base}/book/hector-guerra`);
    await page.locator('.slot').nth(1).click();
    await fillReporter(page, 'Retry Reporter', 'retry@example.org');
    await page.getByRole('button', { name: 'Request an interview' }).click();
    await page.getByRole('alert').waitFor();
    expect(await server.database.prisma.interviewRequest.count({ where: { reporterEmail: 'retry@example.org' } })).toBe(1);
    await page.getByRole('button', { name: 'Request an interview' }).click();
    await page.getByRole('heading', { name: /^Interview request IR-/ }).waitFor();
    expect(attempts).toBe(2);
    const stored = await server.database.prisma.interviewRequest.findMany({ where: { reporterEmail: 'retry@example.org' }, select: { reference: true } });
    expect(stored).toHaveLength(1);
    expect(page.url()).toContain(`/manage/${stored[0]!.reference}?`);
    await page.context().close();
  });

  it('confirmation and manage pages: reference, what happens next, the private link, both zones, calendar links once approved', async () => {
    const page = await newPage({ timezoneId: 'Asia/Kathmandu' });
    await page.goto(`${server.base}/book/hector-guerra`);
    await page.getByRole('heading', { name: 'Free times, Kathmandu time', exact: true }).waitFor();
    await page.locator('.slot').first().click();
    await fillReporter(page, 'Kiran Reporter', 'kiran@example.org');
    await page.getByRole('button', { name: 'Request an interview' }).click();
    const heading = page.getByRole('heading', { name: /^Interview request IR-/ });
    await heading.waitFor();
    const reference = (await heading.innerText()).replace('Interview request ', '');
    expect(await page.getByRole('heading', { name: 'What happens next' }).isVisible()).toBe(true);
    expect(await page.getByText('Keep this link').isVisible()).toBe(true);
    const link = await page.getByLabel('Your private link').inputValue();
    expect(link).toMatch(new RegExp(`^${server.base}/manage/${reference}\\?token=[A-Za-z0-9_-]{43}$`));
    await capture(page, 'confirmation');

    // The kept link opens the request (without the "received" notice).
    await page.goto(link);
    await page.getByText('Status: Waiting for the press office').waitFor();
    expect(await page.getByRole('heading', { name: 'What happens next' }).count()).toBe(0);
    expect(await page.getByText('Add to calendar').count()).toBe(0);

    // The desk approves it: confirmed, in Kathmandu and Zurich time, with calendar links.
    const stored = await server.database.prisma.interviewRequest.findFirstOrThrow({ where: { reference }, select: { id: true, requestedStart: true } });
    await asStaff('desk.requests.approve', { requestId: stored.id });
    await page.reload();
    await page.getByText('Status: Confirmed').waitFor();
    const start = stored.requestedStart!.toISOString();
    const interview = await page.locator('p').filter({ hasText: /^Interview:/ }).innerText();
    expect(interview).toContain(`${hhmm(start, 'Asia/Kathmandu')}`);
    expect(interview).toContain('(Kathmandu)');
    expect(interview).toContain(`${hhmm(start, 'Europe/Zurich')}`);
    expect(interview).toContain('(Zurich)');
    const ics = await page.getByRole('link', { name: 'Download .ics' }).getAttribute('href');
    const invite = await fetch(ics!);
    expect(invite.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(await invite.text()).toContain(`DTSTART:${start.replace(/[-:]/g, '').replace('.000', '')}`);
    expect(await page.getByRole('link', { name: /Google Calendar/ }).getAttribute('href')).toMatch(/^https:\/\/calendar\.google\.com\//);
    expect(await page.getByRole('link', { name: /Outlook\.com/ }).getAttribute('href')).toMatch(/^https:\/\/outlook\.live\.com\//);
    await capture(page, 'manage');

    // Cancelling (asked in the page) takes the calendar links away and says so.
    await page.getByRole('button', { name: 'Cancel the request' }).click();
    await page.getByRole('button', { name: 'Yes, cancel it' }).click();
    await page.getByText('Status: Cancelled').waitFor();
    expect(await page.getByText('Your request is cancelled.').isVisible()).toBe(true);
    expect(await page.getByText('Add to calendar').count()).toBe(0);
    await page.context().close();
  });

  it('when the rest of the month is full, the empty state offers the nearest free day and the press office, and jumps to it', async () => {
    const kasia = await callProcedure(server.base, 'spokespeople.get', { id: 'kasia-derlicka-rosenbauer' });
    // Kasia is away until ten days into next month (New York calendar).
    const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number) as [number, number];
    const nextMonth = new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 7);
    const awayUntil = Date.parse(`${nextMonth}-10T12:00:00Z`);
    await asStaff('spokespeople.addTimeOff', { spokespersonId: kasia.id, start: new Date(Date.now() - HOUR).toISOString(), end: new Date(awayUntil).toISOString(), reason: 'Field mission' });
    const later = await callProcedure(server.base, 'availability.slots', { spokespersonId: kasia.id, from: new Date(awayUntil).toISOString(), to: new Date(awayUntil + 14 * DAY).toISOString(), timeZone: 'America/New_York' });
    const nearest = later.days[0];

    const page = await newPage();
    await page.goto(`${server.base}/book/kasia-derlicka-rosenbauer`);
    // The date as the browser writes it (its ICU, its locale).
    const nearestDate = await page.evaluate((date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${date}T12:00:00Z`)), nearest.date as string);
    await page.getByText('No free times this month.').waitFor();
    const jump = page.getByRole('button', { name: `Show the nearest free day: ${nearestDate}` });
    await jump.waitFor();
    // The press office's public contact (only its public channel: the email).
    // The demo publishes the press officer's mobile, as the seed release does.
    expect(await page.locator('.office-contact').innerText()).toBe('Press office: Jared Bloch, media@example.org · +41780000000');
    await capture(page, 'slot-picker-empty');
    await jump.click();
    const dayHeading = page.locator('.day-heading');
    await dayHeading.waitFor();
    const nearestDay = await page.evaluate((date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(`${date}T12:00:00Z`)), nearest.date as string);
    expect(await dayHeading.innerText()).toBe(`${nearestDay}: free times, New York time`);
    // Focus follows the jump, and the first slot is the first free time after the time off.
    expect(await dayHeading.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await page.locator(`td[aria-selected="true"] [data-date="${nearest.date}"]`).count()).toBe(1);
    expect((await page.locator('.slot').first().innerText()).split('\n')[0]).toBe(hhmm(nearest.slots[0].start, 'America/New_York'));
    // And back to this month, still empty; nothing earlier than this month.
    const earlier = page.getByRole('button', { name: 'Previous month' });
    await earlier.click();
    await page.getByText('No free times this month.').waitFor();
    expect(await earlier.isDisabled()).toBe(true);
    // Later stops at the booking horizon (60 days): three months on at most.
    const later_ = page.getByRole('button', { name: 'Next month' });
    for (let presses = 0; presses < 3 && (await later_.isEnabled()); presses++) await later_.click();
    expect(await later_.isDisabled()).toBe(true);
    await page.context().close();
  });

  it('a reporter’s slot picker never downloads the press-office console; opening the console fetches it, saying so meanwhile', async () => {
    const page = await newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${server.base}/book/hector-guerra`);
    await page.locator('.slot').first().waitFor();
    await page.waitForLoadState('networkidle');
    const reporterScripts = [...scripts];
    expect(reporterScripts.length).toBeGreaterThan(0);

    // Scripts the reporter's page did not load are held back until the loading status has been seen.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/assets/*.js', async (route) => {
      if (!reporterScripts.includes(new URL(route.request().url()).pathname)) await held;
      await route.continue();
    });
    await page.getByRole('link', { name: 'Press office', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Loading the press office console…' }).waitFor();
    release();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const consoleScripts = scripts.slice(reporterScripts.length);
    expect(consoleScripts.length).toBeGreaterThan(0);
    for (const script of consoleScripts) expect(reporterScripts).not.toContain(script);
    await page.context().close();
  });

  it('the slot picker asks for the spokesperson and the month in one request, sent while its script is still being evaluated; a wrong name still says so', async () => {
    const page = await newPage();
    const asked: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/trpc/')) asked.push(url.pathname.slice('/trpc/'.length));
    });
    await page.goto(`${server.base}/book/hector-guerra`);
    await page.locator('.slot').first().waitFor();
    await page.waitForLoadState('networkidle');
    // One batched GET for both (client/src/reporter/early-start.ts); the page adopts its answers instead of asking again.
    expect(asked).toEqual(['spokespeople.get,availability.slots']);
    // Sent while the bundle is still being evaluated: before DOMContentLoaded, which waits for it
    // (a query made through the tRPC client would leave only after it, on the batching link's next tick).
    const { sentAt, contentLoadedAt } = await page.evaluate(() => ({
      sentAt: performance.getEntriesByType('resource').find((entry) => entry.name.includes('/trpc/'))!.startTime,
      contentLoadedAt: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart,
    }));
    expect(sentAt).toBeLessThan(contentLoadedAt);

    // An early answer that is an error is asked again through the tRPC client, whose error the page shows.
    await page.goto(`${server.base}/book/no-such-spokesperson`);
    await page.getByRole('alert').filter({ hasText: 'This spokesperson does not exist or no longer gives interviews.' }).waitFor();
    await page.context().close();
  });
});
