// A press office from nothing to its first interviews, through the browser
// alone. The server starts empty (DESK_DEMO=0, a first-run admin). The admin
// fills in the office profile and adds a press officer and a spokesperson
// login; each sets a password from the emailed one-time link (read here from
// the .eml files the server writes without SMTP, as they would read their
// mail). The press officer adds two spokespeople (Zurich and New York, with
// hours) and a press contact. Two reporters book on the reporter pages; the
// press officer approves with a video link, reschedules one interview (the
// reporter's manage page and its new .ics show the new time, SEQUENCE:1),
// imports a 50-row CSV with 2 bad rows, merges the duplicate it brought in,
// erases a contact, and records the outcome once the interview has ended.
// The spokesperson sees only their own interviews and their feed.
//
// No step calls the API directly: every record is made by a page. The one
// thing no page can do is let time pass, so the server runs on a test clock
// (the `now` the tRPC procedures are given, as in desk-bookings) that the
// outcome step moves past the interview's end; sessions outlive the jump.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, SCREENSHOT_DIR, seriousAccessibilityViolations } from './support';

const ADMIN = { email: 'admin@harbour.example.org', password: 'first run admin password' };
// The server's clock: the real time plus this shift (moved forward to let an interview end).
let clockShiftMs = 0;
const suite = browserSuite({ demo: false, admin: ADMIN, env: { SESSION_TTL_HOURS: '720' }, now: () => new Date(Date.now() + clockShiftMs) });

type Session = { context: BrowserContext; page: Page };
const sessions: Record<'admin' | 'officer' | 'speaker', Session> = {} as never;
/** Ada books Zoe Keller (the spokesperson with a login), Bo books Nora Banks. */
const booked = { ada: { reference: '', manageUrl: '' }, bo: { reference: '', manageUrl: '' } };
const state = { videoLink: 'https://meet.example.org/harbour-ada', interviewUrl: '', newEnd: '' };

/** The set-password link in the newest .eml to `email` (the outbox worker writes them every 2 s). */
async function passwordLinkFor(email: string): Promise<string> {
  const folder = join(suite.server.dataDir, 'outbox');
  for (let attempt = 0; attempt < 60; attempt++) {
    const files = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.eml')).sort().reverse();
    for (const name of files) {
      const mail = await simpleParser(await readFile(join(folder, name)));
      const to = Array.isArray(mail.to) ? mail.to : [mail.to];
      if (!to.some((address) => address?.text.includes(email))) continue;
      const link = /(http:\/\/127\.0\.0\.1:\d+\/desk\/set-password\?token=[A-Za-z0-9_-]{43})/.exec(mail.text ?? '');
      if (link) return link[1]!;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no set-password email to ${email}`);
}

/** axe-core finds nothing serious, and at 375 px the page does not scroll sideways; screenshots at both widths. */
async function checkPage(page: Page, name: string) {
  expect(await seriousAccessibilityViolations(page), name).toEqual([]);
  expect((await page.title()).endsWith('· Interview Desk'), `${name} title`).toBe(true);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-1280.png`), fullPage: true });
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at 375 px`).toBeLessThanOrEqual(375);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-375.png`), fullPage: true });
  await page.setViewportSize(size);
}

async function newPage(zone: string, width = 1280): Promise<Session> {
  const context = await suite.browser.newContext({ timezoneId: zone, locale: 'en-GB', viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  return { context, page };
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Opens a set-password link, sets `password`, and signs in with it. */
async function setPasswordAndSignIn(page: Page, link: string, email: string, password: string) {
  await page.goto(link);
  await page.getByText(`Choose the password for ${email}`).waitFor();
  await checkPage(page, 'set-password');
  await page.getByLabel('New password').fill(password);
  await page.getByLabel('The same password again').fill(password);
  await page.getByRole('button', { name: 'Set my password' }).click();
  await page.getByRole('heading', { name: 'Password set' }).waitFor();
  await page.getByRole('link', { name: 'Sign in' }).click();
  await signIn(page, email, password);
}

async function navLabels(page: Page) {
  const nav = page.getByRole('navigation', { name: 'Press office console' });
  await nav.getByRole('button', { name: 'Sign out' }).waitFor();
  return nav.getByRole('link').allInnerTexts();
}

function nav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Press office console' }).getByRole('link', { name, exact: true }).click();
}

/** The invite a reporter downloads from their manage page, unfolded (long lines are folded at 75 octets). */
async function icsOf(manage: Page) {
  const href = await manage.getByRole('link', { name: 'Download .ics' }).getAttribute('href');
  return (await (await fetch(new URL(href!, manage.url()))).text()).replace(/\r\n /g, '');
}

/** An iCalendar UTC stamp (20261203T130000Z) as a Date. */
function fromStamp(stamp: string): Date {
  const [, y, mo, d, h, mi] = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})\d{2}Z$/.exec(stamp)!;
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi)));
}

const clock = (date: Date, timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);

describe('an empty press office, set up and run from the browser', () => {
  it('the admin fills in the office profile and adds a press officer and a spokesperson login', async () => {
    const admin = (sessions.admin = await newPage('Europe/Zurich'));
    await admin.page.goto(`${suite.server.base}/desk`);
    await signIn(admin.page, ADMIN.email, ADMIN.password);
    expect(await navLabels(admin.page)).toEqual(['Queue', 'Interviews', 'Planner', 'Availability', 'Releases', 'Calendars', 'Media contacts', 'Outbox', 'Calendar feed', 'Spokespeople', 'Press contacts', 'Users', 'Settings', 'Webhooks']);
    await nav(admin.page, 'Settings');
    await admin.page.getByLabel('Name of the press office').fill('Harbour Rights Office');
    await admin.page.getByLabel('Short description').fill('Speaks for the harbour workers’ campaign.');
    await admin.page.getByLabel('Website').fill('not a web address');
    await admin.page.getByLabel('Find your city').fill('Zurich');
    await admin.page.getByLabel('Find your city').press('Enter');
    await admin.page.getByRole('button', { name: 'Save the office profile' }).click();
    // The server's message lands next to the field, and nothing is saved.
    await admin.page.getByText('Enter a web address starting with https:// or http://').waitFor();
    await admin.page.getByLabel('Website').fill('https://harbour.example.org');
    await admin.page.getByRole('button', { name: 'Save the office profile' }).click();
    await admin.page.getByText('Saved. Reporters now see this profile.').waitFor();
    await checkPage(admin.page, 'settings');

    await nav(admin.page, 'Users');
    for (const [name, email, role] of [['Pat Officer', 'pat@harbour.example.org', 'press_officer'], ['Sam Speaker', 'sam@harbour.example.org', 'spokesperson']] as const) {
      await admin.page.getByLabel('Name', { exact: true }).fill(name);
      await admin.page.getByLabel('Email', { exact: true }).fill(email);
      await admin.page.getByLabel('Role').selectOption(role);
      await admin.page.getByRole('button', { name: 'Add the user and email the link' }).click();
      await admin.page.getByText(`${name} was added. A link to set their password was emailed to ${email}`).waitFor();
    }
    await admin.page.getByRole('list', { name: 'Staff accounts' }).getByText(/Waiting for a password/).first().waitFor();
    await checkPage(admin.page, 'users');
  });

  it('the press officer sets a password from the emailed link and adds two spokespeople with hours and a press contact', async () => {
    const officer = (sessions.officer = await newPage('Europe/Zurich'));
    const page = officer.page;
    await setPasswordAndSignIn(page, await passwordLinkFor('pat@harbour.example.org'), 'pat@harbour.example.org', 'pat has a long password');
    await page.getByRole('heading', { name: 'Request queue' }).waitFor();
    expect(await navLabels(page)).not.toContain('Users');
    await nav(page, 'Availability');
    await page.getByRole('link', { name: 'Add one first' }).click();
    await page.getByRole('heading', { name: 'New spokesperson' }).waitFor();
    expect(await page.title()).toBe('New spokesperson · Interview Desk');
    await checkPage(page, 'spokesperson-new');
    const people = [
      { name: 'Zoe Keller', zone: 'Zurich', from: '09:00', to: '17:00', login: 'Sam Speaker (sam@harbour.example.org)' },
      { name: 'Nora Banks', zone: 'New York', from: '10:00', to: '16:00', login: null },
    ];
    for (const person of people) {
      if (person !== people[0]) {
        await page.getByRole('link', { name: 'All spokespeople' }).click();
        await page.getByRole('link', { name: 'Add a spokesperson' }).click();
      }
      await page.getByLabel('Name', { exact: true }).fill(person.name);
      await page.getByLabel('Title', { exact: true }).fill('Campaign lead');
      await page.getByLabel('Email (invites go here)').fill(`${person.name.split(' ')[0]!.toLowerCase()}@harbour.example.org`);
      await page.getByLabel('Interview languages').fill('en, de');
      await page.getByLabel('Topics').fill('harbour safety, shipping');
      await page.getByLabel('Find your city').fill(person.zone);
      await page.getByLabel('Find your city').press('Enter');
      await page.getByLabel('Minimum notice (minutes)').fill('0');
      await page.getByLabel('From', { exact: true }).fill(person.from);
      await page.getByLabel('To', { exact: true }).fill(person.to);
      for (const day of ['Sat', 'Sun']) await page.getByLabel(day, { exact: true }).check();
      if (person.login) await page.getByLabel('Staff login of this spokesperson').selectOption({ label: person.login });
      await page.getByRole('button', { name: 'Add the spokesperson' }).click();
      await page.getByText(`${person.name} was added.`).waitFor();
      expect(await page.title()).toBe(`${person.name} · Interview Desk`);
    }
    await checkPage(page, 'spokesperson-edit');
    await page.getByRole('link', { name: 'All spokespeople' }).click();
    const listed = page.getByRole('list', { name: 'Spokespeople' }).getByRole('listitem');
    expect(await listed.count()).toBe(2);
    // Each in their own zone, as chosen.
    await page.getByText('Zurich (Europe/Zurich)', { exact: false }).first().waitFor();
    await page.getByText('New York (America/New_York)', { exact: false }).first().waitFor();
    await checkPage(page, 'spokespeople');

    await nav(page, 'Press contacts');
    await page.getByRole('button', { name: 'Add a press contact' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Lena Hofer');
    await page.getByLabel('Title', { exact: true }).fill('Media officer');
    await page.getByLabel('Email', { exact: true }).fill('media@harbour.example.org');
    await page.getByLabel('Phone', { exact: true }).fill('+41 78 000 00 09');
    await page.getByLabel('Phone visible to').selectOption('public');
    await page.getByLabel('Find your city').fill('Zurich');
    await page.getByLabel('Find your city').press('Enter');
    await page.getByRole('button', { name: 'Add the press contact' }).click();
    const card = page.getByRole('list', { name: 'Press contacts' }).getByRole('listitem').first();
    await card.getByText('+41780000009').waitFor();
    // Her zone's abbreviation for today, computed (CET in winter, CEST in summer), never stored.
    const abbreviation = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Zurich', timeZoneName: 'short' }).formatToParts(new Date()).find((part) => part.type === 'timeZoneName')!.value;
    expect(['CET', 'CEST']).toContain(abbreviation);
    expect(await card.innerText()).toContain(`Zurich time (Europe/Zurich; ${abbreviation} on`);
    await checkPage(page, 'press-contacts');

    // The admin shows her to reporters; the home page says who the press office is.
    const admin = sessions.admin.page;
    await nav(admin, 'Settings');
    await admin.getByLabel('Press contact shown to reporters').selectOption({ label: 'Lena Hofer, Media officer' });
    await admin.getByRole('button', { name: 'Save the office profile' }).click();
    await admin.getByText('Saved. Reporters now see this profile.').waitFor();
    await sessions.admin.context.close();
  }, 120_000);

  it('two reporters book on the reporter pages, each from the office’s home page', async () => {
    for (const [key, person, reporter] of [
      ['ada', 'Zoe Keller', { name: 'Ada Reporter', email: 'ada@example.org', phone: '+1 312 555 0101' }],
      ['bo', 'Nora Banks', { name: 'Bo Reporter', email: 'bo@example.org', phone: '+1 312 555 0102' }],
    ] as const) {
      const { context, page } = await newPage('America/Chicago', 375);
      await page.goto(suite.server.base);
      await page.getByRole('heading', { name: 'Harbour Rights Office', exact: true }).waitFor();
      if (key === 'ada') {
        const profile = await page.locator('.office-profile').innerText();
        expect(profile).toContain('Speaks for the harbour workers’ campaign.');
        expect(profile).toMatch(/Lena Hofer, Media officer \(works in Zurich time, CES?T/);
        expect(profile).toContain('+41780000009');
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
      }
      await page.getByRole('link', { name: `Request an interview with ${person}` }).click();
      await page.getByRole('heading', { name: `Request an interview with ${person}` }).waitFor();
      await page.locator('.slot').first().click();
      await page.getByLabel('Your name').fill(reporter.name);
      await page.getByLabel('Email').fill(reporter.email);
      await page.getByLabel('Outlet').fill('Example Wire');
      await page.getByLabel('Phone, with country code').fill(reporter.phone);
      await page.getByLabel('Topic').fill(`Harbour safety, asked by ${reporter.name}`);
      await page.getByLabel('Format', { exact: true }).selectOption('video');
      await page.getByRole('button', { name: 'Request an interview' }).click();
      const heading = await page.getByRole('heading', { name: /^Interview request IR-/ }).innerText();
      booked[key].reference = /IR-[0-9A-Z]{4}/.exec(heading)![0];
      booked[key].manageUrl = page.url().replace('&new=1', '');
      await context.close();
    }
  });

  it('the press officer approves both with a video link, after seeing what will be booked', async () => {
    const page = sessions.officer.page;
    await nav(page, 'Queue');
    for (const [key, link] of [['ada', state.videoLink], ['bo', 'https://meet.example.org/harbour-bo']] as const) {
      const reference = booked[key].reference;
      const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: new RegExp(`^${reference}:`) }) });
      await card.getByRole('button', { name: `Approve ${reference}` }).click();
      const confirm = card.getByRole('form', { name: `Book ${reference}? Check before confirming` });
      await confirm.waitFor();
      // Nothing is booked until confirmed: the time in three zones, and the link asked for.
      expect(await confirm.getByRole('term').count()).toBe(3);
      expect(await confirm.innerText()).toContain('Video call: link to follow from the press office (no link yet)');
      await confirm.getByLabel('Video link').fill(link);
      await expect.poll(() => confirm.innerText()).toContain(`Video call: ${link}`);
      await confirm.getByRole('button', { name: /^Confirm and book/ }).click();
      await page.getByText(`Approve ${reference}: done.`).waitFor();
    }
  });

  it('reschedules Ada’s interview: her manage page and the new .ics show the new time, SEQUENCE:1', async () => {
    const reporter = await newPage('America/Chicago', 375);
    const manage = reporter.page;
    await manage.goto(booked.ada.manageUrl);
    await manage.getByText('Confirmed').first().waitFor();
    expect(await manage.getByRole('link', { name: state.videoLink }).getAttribute('href')).toBe(state.videoLink);
    const before = await icsOf(manage);
    expect(before).toContain('SEQUENCE:0');

    const page = sessions.officer.page;
    await nav(page, 'Interviews');
    await page.getByRole('link', { name: new RegExp(`^${booked.ada.reference}: Ada Reporter`) }).click();
    await page.getByRole('heading', { name: `Interview ${booked.ada.reference}: Ada Reporter, Example Wire` }).waitFor();
    state.interviewUrl = page.url();
    await page.getByRole('button', { name: 'Choose a new time' }).click();
    const panel = page.getByRole('region', { name: 'Reschedule' });
    const slot = panel.locator('.slot').first();
    await slot.waitFor();
    const slotText = await slot.innerText();
    // Zoe's hours as typed, in her zone; the reporter's time beside it.
    const [, zoeTime] = /(\d{2}:\d{2}) in Zurich/.exec(slotText)!;
    expect(zoeTime! >= '09:00' && zoeTime! < '17:00', slotText).toBe(true);
    const [, chicagoTime] = /(\d{2}:\d{2}) in Chicago \(reporter\)/.exec(slotText)!;
    await slot.click();
    const confirm = panel.getByRole('form', { name: `Move ${booked.ada.reference} to this time?` });
    await confirm.getByRole('button', { name: 'Confirm the new time' }).click();
    await page.getByRole('status').filter({ hasText: 'an updated invite (version 1)' }).waitFor();

    await manage.reload();
    await manage.getByText('Confirmed').first().waitFor();
    const after = await icsOf(manage);
    expect(after).toContain('SEQUENCE:1');
    expect(after.match(/^UID:.*$/m)![0]).toBe(before.match(/^UID:.*$/m)![0]);
    const start = fromStamp(/^DTSTART:(\S+)$/m.exec(after)![1]!);
    state.newEnd = fromStamp(/^DTEND:(\S+)$/m.exec(after)![1]!).toISOString();
    expect(after).not.toContain(/^DTSTART:\S+$/m.exec(before)![0]);
    // The invite's new start is the time the press officer chose, and the reporter's page shows it in her zone.
    expect(clock(start, 'Europe/Zurich')).toBe(zoeTime);
    expect(clock(start, 'America/Chicago')).toBe(chicagoTime);
    expect(await manage.getByRole('main').innerText()).toMatch(new RegExp(`Interview: .*${chicagoTime} .*\\(Chicago\\)`));
    await reporter.context.close();
  });

  it('the spokesperson signs in and sees only their own interviews and their calendar feed', async () => {
    const speaker = (sessions.speaker = await newPage('Europe/Zurich'));
    const page = speaker.page;
    await speaker.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.base });
    await setPasswordAndSignIn(page, await passwordLinkFor('sam@harbour.example.org'), 'sam@harbour.example.org', 'sam has a long password');
    await page.getByRole('heading', { name: 'My interviews' }).waitFor();
    expect(await navLabels(page)).toEqual(['My interviews', 'Availability', 'Calendars', 'Calendar feed', 'My profile']);
    const upcoming = page.getByRole('list', { name: 'Upcoming interviews' }).getByRole('listitem');
    await upcoming.first().waitFor();
    expect(await upcoming.count()).toBe(1);
    const text = await upcoming.first().innerText();
    expect(text).toContain('With: Ada Reporter, Example Wire');
    // Her zone first, the reporter's beside it.
    expect(text).toMatch(/^\w{3} \d+ \w{3}, \d{2}:\d{2}–\d{2}:\d{2} Zurich time/);
    expect(text).toContain('Confirmed (moved)');
    expect(text).toMatch(/Reporter’s time: .*–.* Chicago time \(America\/Chicago\)/);
    expect(text).toContain(state.videoLink);
    expect(await page.getByText('Bo Reporter').count()).toBe(0);
    await checkPage(page, 'my-interviews');

    await nav(page, 'Availability');
    await page.getByRole('heading', { name: 'Zoe Keller' }).waitFor();

    await nav(page, 'Calendar feed');
    await page.getByRole('button', { name: 'Make a subscription address' }).click();
    const address = await page.locator('.feed-url').innerText();
    expect(address).toMatch(/^webcal:\/\/127\.0\.0\.1:\d+\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    await page.getByRole('button', { name: 'Copy the address' }).click();
    await page.getByText(/^Copied\./).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
    // What a calendar app subscribed to it reads: her interview, not Nora's.
    const feed = await (await fetch(address.replace('webcal://', 'http://'))).text();
    expect(feed).toContain('Ada Reporter');
    expect(feed).not.toContain('Bo Reporter');
    await checkPage(page, 'calendar-feed');
    // Rotating: a new address, and the old one stops.
    await page.getByRole('button', { name: 'Make a new address (the old one stops)' }).click();
    await page.locator('.feed-url').filter({ hasNotText: address }).waitFor();
    expect((await fetch(address.replace('webcal://', 'http://'))).status).toBe(404);

    // Their own profile: what reporters read about them (not their login or status).
    await nav(page, 'My profile');
    await page.getByLabel('Short biography').fill('Leads the harbour safety campaign.');
    expect(await page.getByLabel('Staff login of this spokesperson').count()).toBe(0);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved. Reporters see these settings now.').waitFor();
    await checkPage(page, 'my-profile');

    // A spokesperson following a link to a press-office page lands at home.
    await page.goto(`${suite.server.base}/desk/users`);
    await page.getByRole('heading', { name: 'My interviews' }).waitFor();
  }, 90_000);

  it('the press officer imports a 50-row CSV with 2 bad rows and reads the per-row report', async () => {
    // Row 20 is Ada again, under another address but with her number: a likely duplicate.
    const rows = Array.from({ length: 50 }, (_, index) => {
      const number = String(index).padStart(2, '0');
      if (index === 20) return ['Ada R. Reporter', 'ada.r@example.org', '+1 312 555 0101', 'Example Wire', 'Shipping'].join(',');
      const email = index === 10 ? 'not-an-address' : `csv.reporter.${number}@example.org`;
      const mobile = index === 30 ? '12345' : `+41 78 100 00 ${number}`;
      return [`Csv Reporter ${number}`, email, mobile, 'Lakeside Tribune', 'Harbour beat'].join(',');
    });
    const csv = ['Full name,E-mail,Mobile,Publication,Beat', ...rows].join('\r\n');
    const page = sessions.officer.page;
    await nav(page, 'Media contacts');
    await page.getByRole('link', { name: 'Import CSV or vCard' }).click();
    await page.getByRole('heading', { name: 'Import contacts', level: 1 }).waitFor();
    await page.getByLabel('File').setInputFiles({ name: 'press-list.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('50 rows, 5 columns separated by commas.').waitFor();
    expect(await page.getByLabel('Full name').inputValue()).toBe('name');
    await page.getByLabel('Beat').selectOption({ label: 'Role or beat' });
    await checkPage(page, 'contacts-import-columns');
    await page.getByRole('button', { name: 'Dry run' }).click();
    await page.getByRole('heading', { name: 'Dry run: what the import would do' }).waitFor();
    const counts = async (label: string) => Object.fromEntries((await page.getByLabel(label).locator('.import-count').allInnerTexts()).map((text) => text.split('\n').map((part) => part.trim())).map(([name, value]) => [name, Number(value)]));
    expect(await counts('Dry run counts')).toEqual({ 'Would be created': 48, 'Would be updated': 0, Unchanged: 0, 'Would be skipped': 2, 'Would fail': 0 });
    await page.getByRole('button', { name: 'Import 48 rows' }).click();
    await page.getByRole('heading', { name: 'Import report' }).waitFor();
    expect(await counts('Import counts')).toEqual({ Created: 48, Updated: 0, Unchanged: 0, Skipped: 2, Failed: 0 });
    const problemRows = await page.getByRole('table', { name: '2 rows not imported' }).locator('tbody tr').allInnerTexts();
    expect(problemRows).toHaveLength(2);
    expect(problemRows[0]).toMatch(/^12\s+Skipped\s+Email: "not-an-address" is not a valid email address/);
    expect(problemRows[1]).toMatch(/^32\s+Skipped\s+Phone: .+\("12345"\)/);
    await checkPage(page, 'contacts-import-report');
    // The list has them: 48 imported beside the two reporters who booked.
    await nav(page, 'Media contacts');
    await page.getByRole('searchbox', { name: 'Search' }).fill('csv reporter 49');
    await page.getByRole('list', { name: 'Contacts' }).getByRole('link', { name: 'Csv Reporter 49' }).waitFor();
  });

  it('merges the duplicate the import brought in, choosing field by field', async () => {
    const page = sessions.officer.page;
    await page.getByRole('link', { name: 'Likely duplicates' }).first().click();
    await page.getByRole('heading', { name: 'Likely duplicates', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Compare Ada R. Reporter and Ada Reporter' }).click();
    await page.getByRole('heading', { name: 'Merge Ada R. Reporter and Ada Reporter', level: 1 }).waitFor();
    // Keep the name she booked under, and the beat the list brought.
    await page.getByRole('group', { name: 'Name' }).getByRole('radio', { name: /^Ada Reporter/ }).check();
    await page.getByRole('group', { name: 'Role or beat' }).getByRole('radio', { name: /Shipping/ }).check();
    await checkPage(page, 'contacts-merge');
    await page.getByRole('button', { name: 'Merge…' }).click();
    const dialog = page.getByRole('dialog', { name: /^Merge Ada (R\. )?Reporter into Ada (R\. )?Reporter\?$/ });
    await dialog.waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Merge' }).click();
    await page.getByRole('heading', { name: 'Ada Reporter', level: 1 }).waitFor();
    // The merged contact's page replaces the comparison page once its fresh data arrives; wait for it rather than read whichever facts list is on screen first.
    await expect.poll(() => page.locator('.contact-facts').first().innerText(), { timeout: 15_000 }).toContain('Shipping');
    expect(await page.getByRole('region', { name: 'Likely duplicates' }).innerText()).toContain('Merged into this contact');
  });

  it('erases a contact after a confirmation that names the person', async () => {
    const page = sessions.officer.page;
    await nav(page, 'Media contacts');
    await page.getByRole('searchbox', { name: 'Search' }).fill('csv reporter 07');
    await page.getByRole('list', { name: 'Contacts' }).getByRole('link', { name: 'Csv Reporter 07' }).click();
    await page.getByRole('heading', { name: 'Csv Reporter 07', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Erase…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase Csv Reporter 07?' });
    await dialog.getByRole('button', { name: 'Erase Csv Reporter 07' }).click();
    await page.getByRole('heading', { name: 'Erased contact', level: 1 }).waitFor();
    expect(await page.locator('.contact-erased').innerText()).toContain('Csv Reporter 07 was erased from the media list');
    await nav(page, 'Media contacts');
    await page.getByRole('searchbox', { name: 'Search' }).fill('csv reporter 07');
    await page.getByText(/No contacts match/).waitFor();
  });

  it('records the outcome once the interview has ended; the spokesperson finds it under Past', async () => {
    const page = sessions.officer.page;
    await page.goto(state.interviewUrl);
    await page.getByRole('heading', { name: `Interview ${booked.ada.reference}: Ada Reporter, Example Wire` }).waitFor();
    expect(await page.getByRole('region', { name: 'Outcome' }).count()).toBe(0);
    clockShiftMs = Date.parse(state.newEnd) - Date.now() + 60_000;
    await page.reload();
    const outcome = page.getByRole('region', { name: 'Outcome' });
    await outcome.getByRole('radio', { name: /^Completed/ }).check();
    await outcome.getByRole('button', { name: 'Record the outcome' }).click();
    await page.getByRole('status').filter({ hasText: `Recorded: ${booked.ada.reference} took place.` }).waitFor();
    await expect.poll(() => page.getByRole('article').innerText()).toContain('Status: Completed');

    const speaker = sessions.speaker.page;
    await nav(speaker, 'My interviews');
    await speaker.getByRole('button', { name: 'Past' }).click();
    const past = speaker.getByRole('list', { name: 'Past interviews' }).getByRole('listitem');
    await past.first().waitFor();
    expect(await past.count()).toBe(1);
    expect(await past.first().innerText()).toContain('Ada Reporter');
    for (const session of Object.values(sessions)) await session.context.close();
  });
});
