// Bookings from the console, end to end in real Chromium: a reporter books
// Hector Guerra; the press officer approves it with a video link after the
// confirm step; reschedules it from live availability (the reporter's manage
// page and its .ics show the new time with SEQUENCE:1); opens the updated
// invite in the outbox. (Recording the outcome once an interview has ended is
// a step of empty-office-journey.test.ts.) Deep links /desk/requests/<id> and /desk/interviews/<id>,
// axe-core and a 375 px width on every page touched.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, pageScrollWidth, SCREENSHOT_DIR, seriousAccessibilityViolations, signIn } from './support';

const suite = browserSuite({ env: { VIDEO_ROOM_BASE_URL: 'https://meet.example.org' } });

const compact = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

const state = { reference: '', manageUrl: '', interviewPath: '', requestPath: '', newStart: '', newEnd: '', videoLink: '' };

async function expectAccessibleAndNarrow(page: Page, name: string) {
  expect(await seriousAccessibilityViolations(page), name).toEqual([]);
  const width = await page.viewportSize();
  if (width?.width !== 375) return;
  // On failure, the message names the elements that stick out.
  const wide = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((element) => element.getBoundingClientRect().right > 376).slice(0, 5).map((element) => `${element.tagName.toLowerCase()}.${element.className}`));
  expect(await pageScrollWidth(page), `${name}: ${wide.join(', ')}`).toBeLessThanOrEqual(375);
}

async function icsOf(manage: Page) {
  const href = await manage.getByRole('link', { name: 'Download .ics' }).getAttribute('href');
  // Unfolded: long lines are folded at 75 octets (CRLF and a space).
  return (await (await fetch(href!)).text()).replace(/\r\n /g, '');
}

describe('bookings in the console', () => {
  it('a reporter books; the press officer approves with a video link after seeing what will be booked', async () => {
    const reporter = await suite.browser.newContext({ timezoneId: 'America/New_York', locale: 'en-US', viewport: { width: 375, height: 800 } });
    const book = await reporter.newPage();
    await book.goto(`${suite.server.base}/book/hector-guerra`);
    await book.getByRole('heading', { name: 'Free times, New York time', exact: true }).waitFor();
    await book.locator('.slot').first().click();
    await book.getByLabel('Your name').fill('Dana Reporter');
    await book.getByLabel('Email').fill('dana@example.org');
    await book.getByLabel('Outlet').fill('Example Wire');
    await book.getByLabel('Topic').fill('Cluster munitions report');
    await book.getByLabel('Format', { exact: true }).selectOption('video');
    await book.getByRole('button', { name: 'Request an interview' }).click();
    const heading = await book.getByRole('heading', { name: /^Interview request IR-/ }).innerText();
    state.reference = /IR-[0-9A-Z]{4}/.exec(heading)![0];
    state.manageUrl = book.url().replace('&new=1', '');
    await reporter.close();

    const context = await suite.browser.newContext({ timezoneId: 'Europe/Zurich', locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${suite.server.base}/desk`);
    await signIn(page);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: new RegExp(`^${state.reference}:`) }) });
    await card.getByRole('button', { name: `Approve ${state.reference}` }).click();
    // The confirm step: the time in three zones and the meeting details; nothing booked yet.
    const confirm = card.getByRole('form', { name: `Book ${state.reference}? Check before confirming` });
    await confirm.waitFor();
    const zones = confirm.getByRole('definition');
    expect(await confirm.getByRole('term').allInnerTexts()).toEqual(['Your time (Zurich)', 'Hector Guerra’s time (Zurich)', 'Dana Reporter’s time, the reporter (New York)']);
    expect(await zones.nth(2).innerText()).toMatch(/(E[SD]T|GMT-[45])$/);
    expect(await confirm.innerText()).toContain('Video call: link to follow from the press office (no link yet)');
    expect(await confirm.getByRole('button', { name: /^Confirm and book, link to follow/ }).count()).toBe(1);
    expect(await page.getByRole('status').filter({ hasText: 'is free then' }).count()).toBe(1);
    // A room on the office's video server, with an unguessable name.
    await confirm.getByRole('button', { name: 'Make a room link on our video server' }).click();
    await expect.poll(() => confirm.getByLabel('Video link').inputValue()).toMatch(/^https:\/\/meet\.example\.org\/interview-[A-Za-z0-9_-]{22}$/);
    state.videoLink = await confirm.getByLabel('Video link').inputValue();
    expect(await confirm.innerText()).toContain(`Video call: ${state.videoLink}`);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'approve-confirm-1280.png'), fullPage: true });
    await expectAccessibleAndNarrow(page, 'approve confirm step');
    // Still pending until confirmed.
    expect(await card.innerText()).toContain('Pending: waiting for the press office');
    await confirm.getByRole('button', { name: /^Confirm and book/ }).click();
    await page.getByText(`Approve ${state.reference}: done.`).waitFor();

    // The Interviews section lists it; its page has the link.
    await page.getByRole('navigation', { name: 'Press office console' }).getByRole('link', { name: 'Interviews' }).click();
    await page.getByRole('heading', { name: 'Interviews', level: 1 }).waitFor();
    expect(await page.title()).toBe('Interviews · Interview Desk');
    await expectAccessibleAndNarrow(page, 'interviews list');
    await page.getByRole('link', { name: new RegExp(`^${state.reference}: Dana Reporter`) }).click();
    await page.getByRole('heading', { name: `Interview ${state.reference}: Dana Reporter, Example Wire` }).waitFor();
    state.interviewPath = new URL(page.url()).pathname;
    expect(state.interviewPath).toMatch(/^\/desk\/interviews\/[^/]+$/);
    await expect.poll(() => page.title()).toBe(`Interview ${state.reference} · Interview Desk`);
    expect(await page.getByRole('article').innerText()).toContain(`Video call: ${state.videoLink}`);
    await page.getByRole('link', { name: `${state.reference} (the request)` }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${state.reference}:`) }).waitFor();
    state.requestPath = new URL(page.url()).pathname;
    expect(state.requestPath).toMatch(/^\/desk\/requests\/[^/]+$/);
    expect(await page.getByRole('main').innerText()).toContain('Approved: the interview is booked');
    await context.close();
  });

  it('reschedules from live availability; the reporter’s manage page and .ics show the new time, SEQUENCE:1', async () => {
    const reporter = await suite.browser.newContext({ timezoneId: 'America/New_York', locale: 'en-US', viewport: { width: 375, height: 800 } });
    const manage = await reporter.newPage();
    await manage.goto(state.manageUrl);
    await manage.getByText('Confirmed').waitFor();
    // The reporter's manage page says how to join, with the link.
    expect(await manage.getByRole('link', { name: state.videoLink }).getAttribute('href')).toBe(state.videoLink);
    expect(await manage.getByText('How to join:').isVisible()).toBe(true);
    const before = await icsOf(manage);
    expect(before).toContain('SEQUENCE:0');
    expect(before).toContain(`LOCATION:Video call: ${state.videoLink}`);
    expect(before).toContain(`CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL="Video call":${state.videoLink}`);

    const context = await suite.browser.newContext({ timezoneId: 'Europe/Zurich', locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${suite.server.base}${state.interviewPath}`);
    await signIn(page);
    await page.getByRole('button', { name: 'Choose a new time' }).click();
    const panel = page.getByRole('region', { name: 'Reschedule' });
    const slot = panel.locator('.slot').first();
    await slot.waitFor();
    // Each free time in Zurich (viewer and spokesperson) and in New York (the reporter).
    expect(await slot.innerText()).toMatch(/in Zurich\n.+ in New York \(reporter\)$/);
    // The same question the picker asked: its first free time.
    const hector = await suite.trpc('spokespeople.get', { id: 'hector-guerra' });
    const from = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
    const slots = await suite.trpc('availability.slots', { spokespersonId: hector.id, from, to: new Date(Date.parse(from) + 14 * 86_400_000).toISOString(), timeZone: 'Europe/Zurich', duration: 30 });
    state.newStart = new Date(slots.days[0].slots[0].start).toISOString();
    state.newEnd = new Date(slots.days[0].slots[0].end).toISOString();
    await slot.click();
    const confirm = panel.getByRole('form', { name: `Move ${state.reference} to this time?` });
    await confirm.waitFor();
    expect(await confirm.getByRole('term').count()).toBe(3);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'reschedule-confirm-1280.png'), fullPage: true });
    await expectAccessibleAndNarrow(page, 'reschedule confirm step');
    await confirm.getByRole('button', { name: 'Confirm the new time' }).click();
    await page.getByRole('status').filter({ hasText: 'an updated invite (version 1)' }).waitFor();

    await manage.reload();
    await manage.getByText('Confirmed').waitFor();
    const newYorkTime = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit' }).format(new Date(state.newStart));
    expect(await manage.getByRole('main').innerText()).toContain(newYorkTime);
    const after = await icsOf(manage);
    expect(after).toContain('SEQUENCE:1');
    expect(after).toContain(`DTSTART:${compact(state.newStart)}`);
    expect(after).toContain(`DTEND:${compact(state.newEnd)}`);
    expect(after.match(/^UID:.*$/m)![0]).toBe(before.match(/^UID:.*$/m)![0]);
    await reporter.close();
    await context.close();
  });

  it('opens the updated invite in the outbox: headers, sandboxed HTML, the .ics as text and a download; rows say "written to file"', async () => {
    const context = await suite.browser.newContext({ timezoneId: 'Europe/Zurich', locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${suite.server.base}/desk/outbox?recipient=dana%40example.org`);
    await signIn(page);
    const table = page.getByRole('table', { name: 'Outbox messages, newest first' });
    const updated = table.getByRole('row').filter({ hasText: 'Updated:' });
    // The worker writes .eml files every 2 s (no SMTP_URL here); the list asks again on its own while a message is queued.
    await expect.poll(async () => (await updated.count()) > 0 && (await updated.first().innerText()).startsWith('Written to file'), { timeout: 20_000 }).toBe(true);
    expect(await page.getByRole('main').innerText()).toContain('messages are written as .eml files');
    await updated.first().getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /^Updated: / }).waitFor();
    const view = page.getByRole('article');
    expect(await view.innerText()).toMatch(/^Written to file \w{3} \d+ \w{3}, \d{2}:\d{2}/m);
    expect(await view.innerText()).toMatch(/To\s+dana@example.org\s+Reply-To\s+Jared Bloch <media@example.org>/);
    const frame = page.locator('iframe.outbox-html');
    expect(await frame.getAttribute('sandbox')).toBe('');
    expect(await frame.getAttribute('srcdoc')).toContain(state.videoLink);
    expect(await page.frameLocator('iframe.outbox-html').getByText('Interview updated').first().innerText()).toBe('Interview updated');
    const ics = (await page.locator('pre.outbox-ics').innerText()).replace(/\r?\n /g, '');
    expect(ics).toContain('SEQUENCE:1');
    expect(ics).toContain(`DTSTART:${compact(state.newStart)}`);
    const download = page.getByRole('link', { name: 'Download invite.ics' });
    expect(await download.getAttribute('download')).toBe('invite.ics');
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toBe('invite.ics');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'outbox-message-1280.png'), fullPage: true });
    await expectAccessibleAndNarrow(page, 'outbox message');
    await context.close();
  });

  it('two press officers: what one declines leaves the other’s queue within the refresh interval, without a reload', async () => {
    const hector = await suite.trpc('spokespeople.get', { id: 'hector-guerra' });
    const from = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
    const slots = await suite.trpc('availability.slots', { spokespersonId: hector.id, from, to: new Date(Date.parse(from) + 14 * 86_400_000).toISOString(), timeZone: 'UTC' });
    const created = await suite.trpc(
      'requests.create',
      { idempotencyKey: randomUUID(), spokespersonId: hector.id, start: slots.days[1].slots[0].start, durationMinutes: 30, format: 'phone', language: 'en', attribution: 'on_record', topic: 'Stockpiles', reporter: { name: 'Lee Two', email: 'lee@example.org', outlet: 'Wire Two', phone: '+12025550104', timeZone: 'Asia/Tokyo' }, deadline: new Date(Date.now() + 2 * 86_400_000).toISOString() },
      'POST',
    );
    const open = async () => {
      const context = await suite.browser.newContext({ timezoneId: 'Europe/Zurich', locale: 'en-GB', viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${suite.server.base}/desk`);
      await signIn(page);
      await page.getByRole('heading', { level: 2, name: new RegExp(`^${created.reference}:`) }).waitFor();
      return { context, page };
    };
    const first = await open();
    const second = await open();
    const card = first.page.getByRole('listitem').filter({ has: first.page.getByRole('heading', { level: 2, name: new RegExp(`^${created.reference}:`) }) });
    await card.getByRole('button', { name: `Decline ${created.reference}` }).click();
    await card.getByRole('textbox', { name: 'Reason for the reporter' }).fill('Hector is travelling.');
    await card.getByRole('button', { name: 'Send the decline' }).click();
    await first.page.getByText(`Decline ${created.reference}: done.`).waitFor();
    // The other officer's queue drops it by itself (15 s refresh), no reload, no focus change.
    const started = Date.now();
    await second.page.getByRole('heading', { level: 2, name: new RegExp(`^${created.reference}:`) }).waitFor({ state: 'detached', timeout: 20_000 });
    expect(Date.now() - started).toBeLessThan(20_000);
    await first.context.close();
    await second.context.close();
  });

  it('deep links open the request and the interview at 375 px, accessible, without sideways scrolling', async () => {
    const context = await suite.browser.newContext({ timezoneId: 'Europe/Zurich', locale: 'en-GB', viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${suite.server.base}${state.requestPath}`);
    await signIn(page);
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${state.reference}:`) }).waitFor();
    await page.getByRole('region', { name: `Details of ${state.reference}` }).waitFor();
    await expect.poll(() => page.title()).toBe(`Request ${state.reference} · Interview Desk`);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'request-page-375.png'), fullPage: true });
    await expectAccessibleAndNarrow(page, 'request page');

    await page.goto(`${suite.server.base}${state.interviewPath}`);
    await page.getByRole('heading', { name: `Interview ${state.reference}: Dana Reporter, Example Wire` }).waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'interview-page-375.png'), fullPage: true });
    await expectAccessibleAndNarrow(page, 'interview page');

    for (const [path, heading] of [
      ['/desk', 'Request queue'],
      ['/desk/interviews', 'Interviews'],
      ['/desk/outbox', 'Outbox'],
    ] as const) {
      await page.goto(`${suite.server.base}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await expectAccessibleAndNarrow(page, path);
    }
    // The queue with a request's details open (it was 631 px wide).
    await page.goto(`${suite.server.base}/desk?status=approved`);
    await page.getByRole('button', { name: `Details of ${state.reference}` }).click();
    await page.getByRole('region', { name: `Details of ${state.reference}` }).waitFor();
    expect(await pageScrollWidth(page)).toBeLessThanOrEqual(375);
    const message = await page.goto(`${suite.server.base}/desk/outbox`);
    expect(message?.ok()).toBe(true);
    await page.getByRole('table', { name: 'Outbox messages, newest first' }).getByRole('link').first().click();
    await page.getByRole('article').waitFor();
    await expectAccessibleAndNarrow(page, 'outbox message at 375');
    await context.close();
  });
});
