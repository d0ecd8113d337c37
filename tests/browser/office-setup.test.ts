// An empty press office (DESK_DEMO=0, a first-run admin) sets itself up from
// the browser: the admin fills in the office profile and adds a press officer
// and a spokesperson login (each gets a one-time set-password link, read here
// from the .eml files the server writes without SMTP); the press officer sets a
// password, signs in, adds two spokespeople (Zurich and New York, with hours)
// and a press contact; the spokesperson signs in to their own interviews,
// availability and calendar feed, and sees nobody else's. Every new page is
// checked with axe-core and for sideways scrolling at 375 px.
import { readdir, readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, callProcedure, SCREENSHOT_DIR, seriousAccessibilityViolations } from './support';

const ADMIN = { email: 'admin@harbour.example.org', password: 'first run admin password' };
const suite = browserSuite({ demo: false, admin: ADMIN });

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

async function newPage(zone: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await suite.browser.newContext({ timezoneId: zone, locale: 'en-GB', viewport: { width: 1280, height: 900 } });
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

/** A spokesperson's first free slot and a request for it (the public API a reporter's page uses). */
async function requestFirstSlot(spokespersonId: string, reporter: string) {
  const from = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
  const slots = await callProcedure(suite.server.base, 'availability.slots', { spokespersonId, from, to: new Date(Date.parse(from) + 14 * 86_400_000).toISOString(), timeZone: 'America/Chicago' });
  return callProcedure(suite.server.base, 'requests.create', {
    idempotencyKey: randomUUID(), spokespersonId, start: slots.days[0].slots[0].start, durationMinutes: 30, format: 'video', language: 'en', attribution: 'on_record',
    topic: `Interview with ${reporter}`, reporter: { name: reporter, email: `${reporter.split(' ')[0]!.toLowerCase()}@example.org`, outlet: 'Example Wire', timeZone: 'America/Chicago' },
    deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  }, 'POST');
}

describe('setting up an empty press office from the browser', () => {
  it('admin, press officer and spokesperson each do their part, with no call outside the UI for the setup', async () => {
    // The admin: office profile, then two logins.
    const admin = await newPage('Europe/Zurich');
    await admin.page.goto(`${suite.server.base}/desk`);
    await signIn(admin.page, ADMIN.email, ADMIN.password);
    expect(await navLabels(admin.page)).toEqual(['Queue', 'Interviews', 'Planner', 'Availability', 'Releases', 'Calendars', 'Media contacts', 'Outbox', 'Calendar feed', 'Spokespeople', 'Press contacts', 'Users', 'Settings']);
    await admin.page.getByRole('link', { name: 'Settings' }).click();
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

    await admin.page.getByRole('link', { name: 'Users' }).click();
    for (const [name, email, role] of [['Pat Officer', 'pat@harbour.example.org', 'press_officer'], ['Sam Speaker', 'sam@harbour.example.org', 'spokesperson']] as const) {
      await admin.page.getByLabel('Name', { exact: true }).fill(name);
      await admin.page.getByLabel('Email', { exact: true }).fill(email);
      await admin.page.getByLabel('Role').selectOption(role);
      await admin.page.getByRole('button', { name: 'Add the user and email the link' }).click();
      await admin.page.getByText(`${name} was added. A link to set their password was emailed to ${email}`).waitFor();
    }
    await admin.page.getByRole('list', { name: 'Staff accounts' }).getByText(/Waiting for a password/).first().waitFor();
    await checkPage(admin.page, 'users');

    // The press officer: password from the emailed link, then spokespeople and a press contact.
    const officer = await newPage('Europe/Zurich');
    await setPasswordAndSignIn(officer.page, await passwordLinkFor('pat@harbour.example.org'), 'pat@harbour.example.org', 'pat has a long password');
    await officer.page.getByRole('heading', { name: 'Request queue' }).waitFor();
    expect(await navLabels(officer.page)).not.toContain('Users');
    await officer.page.getByRole('link', { name: 'Availability' }).click();
    await officer.page.getByRole('link', { name: 'Add one first' }).click();
    await officer.page.getByRole('heading', { name: 'New spokesperson' }).waitFor();
    expect(await officer.page.title()).toBe('New spokesperson · Interview Desk');
    await checkPage(officer.page, 'spokesperson-new');
    const people = [
      { name: 'Zoe Keller', zone: 'Zurich', timeZone: 'Europe/Zurich', from: '09:00', to: '17:00', login: 'Sam Speaker (sam@harbour.example.org)' },
      { name: 'Nora Banks', zone: 'New York', timeZone: 'America/New_York', from: '10:00', to: '16:00', login: null },
    ];
    for (const person of people) {
      if (person !== people[0]) {
        await officer.page.getByRole('link', { name: 'All spokespeople' }).click();
        await officer.page.getByRole('link', { name: 'Add a spokesperson' }).click();
      }
      await officer.page.getByLabel('Name', { exact: true }).fill(person.name);
      await officer.page.getByLabel('Title', { exact: true }).fill('Campaign lead');
      await officer.page.getByLabel('Email (invites go here)').fill(`${person.name.split(' ')[0]!.toLowerCase()}@harbour.example.org`);
      await officer.page.getByLabel('Interview languages').fill('en, de');
      await officer.page.getByLabel('Topics').fill('harbour safety, shipping');
      await officer.page.getByLabel('Find your city').fill(person.zone);
      await officer.page.getByLabel('Find your city').press('Enter');
      await officer.page.getByLabel('Minimum notice (minutes)').fill('0');
      await officer.page.getByLabel('From', { exact: true }).fill(person.from);
      await officer.page.getByLabel('To', { exact: true }).fill(person.to);
      for (const day of ['Sat', 'Sun']) await officer.page.getByLabel(day, { exact: true }).check();
      if (person.login) await officer.page.getByLabel('Staff login of this spokesperson').selectOption({ label: person.login });
      await officer.page.getByRole('button', { name: 'Add the spokesperson' }).click();
      await officer.page.getByText(`${person.name} was added.`).waitFor();
      expect(await officer.page.title()).toBe(`${person.name} · Interview Desk`);
    }
    await checkPage(officer.page, 'spokesperson-edit');
    await officer.page.getByRole('link', { name: 'All spokespeople' }).click();
    const listed = officer.page.getByRole('list', { name: 'Spokespeople' }).getByRole('listitem');
    expect(await listed.count()).toBe(2);
    await officer.page.getByText('New York (America/New_York)', { exact: false }).waitFor();
    await checkPage(officer.page, 'spokespeople');
    // The hours saved are the ones typed, in each spokesperson's own zone.
    const managed = await Promise.all(people.map((person) => callProcedure(suite.server.base, 'spokespeople.get', { id: person.name.toLowerCase().replace(' ', '-') })));
    expect(managed.map((person) => person.timeZone)).toEqual(['Europe/Zurich', 'America/New_York']);

    await officer.page.getByRole('link', { name: 'Press contacts' }).click();
    await officer.page.getByRole('button', { name: 'Add a press contact' }).click();
    await officer.page.getByLabel('Name', { exact: true }).fill('Lena Hofer');
    await officer.page.getByLabel('Title', { exact: true }).fill('Media officer');
    await officer.page.getByLabel('Email', { exact: true }).fill('media@harbour.example.org');
    await officer.page.getByLabel('Phone', { exact: true }).fill('+41 78 000 00 09');
    await officer.page.getByLabel('Phone visible to').selectOption('public');
    await officer.page.getByLabel('Find your city').fill('Zurich');
    await officer.page.getByLabel('Find your city').press('Enter');
    await officer.page.getByRole('button', { name: 'Add the press contact' }).click();
    const card = officer.page.getByRole('list', { name: 'Press contacts' }).getByRole('listitem').first();
    await card.getByText('+41780000009').waitFor();
    // Her zone's abbreviation for today, computed (CET in winter, CEST in summer), never stored.
    const abbreviation = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Zurich', timeZoneName: 'short' }).formatToParts(new Date()).find((part) => part.type === 'timeZoneName')!.value;
    expect(['CET', 'CEST']).toContain(abbreviation);
    expect(await card.innerText()).toContain(`Zurich time (Europe/Zurich; ${abbreviation} on`);
    await checkPage(officer.page, 'press-contacts');

    // The admin shows her to reporters; the home page says who the press office is.
    await admin.page.getByRole('link', { name: 'Settings' }).click();
    await admin.page.getByLabel('Press contact shown to reporters').selectOption({ label: 'Lena Hofer, Media officer' });
    await admin.page.getByRole('button', { name: 'Save the office profile' }).click();
    await admin.page.getByText('Saved. Reporters now see this profile.').waitFor();
    const reporter = await newPage('America/Chicago');
    await reporter.page.goto(suite.server.base);
    await reporter.page.getByRole('heading', { name: 'Harbour Rights Office', exact: true }).waitFor();
    const profile = await reporter.page.locator('.office-profile').innerText();
    expect(profile).toContain('Speaks for the harbour workers’ campaign.');
    expect(profile).toContain(`Lena Hofer, Media officer (works in Zurich time, ${abbreviation}`);
    expect(profile).toContain('+41780000009');
    expect(profile).not.toContain('media@harbour.example.org'.toUpperCase());
    expect(await seriousAccessibilityViolations(reporter.page)).toEqual([]);

    // One interview each (requested by reporters through the public API, approved with the press officer's session).
    const cookie = (await officer.context.cookies()).find((entry) => entry.name === 'desk_session')!;
    const [zoe, nora] = managed;
    for (const [person, reporterName] of [[zoe, 'Ada Reporter'], [nora, 'Bo Reporter']] as const) {
      const request = await requestFirstSlot(person.id, reporterName);
      const approved = await fetch(`${suite.server.base}/trpc/desk.requests.approve`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: `desk_session=${cookie.value}` }, body: JSON.stringify({ requestId: request.requestId, formatDetails: { videoUrl: 'https://meet.example.org/harbour' } }) });
      expect(approved.status).toBe(200);
    }

    // The spokesperson: their own home only.
    const speaker = await newPage('Europe/Zurich');
    await speaker.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.base });
    await setPasswordAndSignIn(speaker.page, await passwordLinkFor('sam@harbour.example.org'), 'sam@harbour.example.org', 'sam has a long password');
    await speaker.page.getByRole('heading', { name: 'My interviews' }).waitFor();
    expect(await navLabels(speaker.page)).toEqual(['My interviews', 'Availability', 'Calendars', 'Calendar feed', 'My profile']);
    const upcoming = speaker.page.getByRole('list', { name: 'Upcoming interviews' }).getByRole('listitem');
    await upcoming.first().waitFor();
    expect(await upcoming.count()).toBe(1);
    const text = await upcoming.first().innerText();
    expect(text).toContain('With: Ada Reporter, Example Wire');
    // Her zone first, the reporter's beside it.
    expect(text).toMatch(/Zurich time\n/);
    expect(text).toMatch(/Reporter’s time: .*–.* Chicago time \(America\/Chicago\)/);
    expect(text).toContain('https://meet.example.org/harbour');
    expect(await speaker.page.getByText('Bo Reporter').count()).toBe(0);
    await checkPage(speaker.page, 'my-interviews');
    await speaker.page.getByRole('button', { name: 'Past' }).click();
    await speaker.page.getByText('No past interviews.').waitFor();

    await speaker.page.getByRole('link', { name: 'Availability' }).click();
    await speaker.page.getByRole('heading', { name: 'Zoe Keller' }).waitFor();

    await speaker.page.getByRole('link', { name: 'Calendar feed' }).click();
    await speaker.page.getByRole('button', { name: 'Make a subscription address' }).click();
    const address = await speaker.page.locator('.feed-url').innerText();
    expect(address).toMatch(/^webcal:\/\/127\.0\.0\.1:\d+\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    await speaker.page.getByRole('button', { name: 'Copy the address' }).click();
    await speaker.page.getByText(/^Copied\./).waitFor();
    expect(await speaker.page.evaluate(() => navigator.clipboard.readText())).toBe(address);
    const feed = await (await fetch(address.replace('webcal://', 'http://'))).text();
    expect(feed).toContain('Ada Reporter');
    expect(feed).not.toContain('Bo Reporter');
    await checkPage(speaker.page, 'calendar-feed');
    // Rotating: a new address, and the old one stops.
    await speaker.page.getByRole('button', { name: 'Make a new address (the old one stops)' }).click();
    await speaker.page.locator('.feed-url').filter({ hasNotText: address }).waitFor();
    expect((await fetch(address.replace('webcal://', 'http://'))).status).toBe(404);

    // Their own profile: what reporters read about them (not their login or status).
    await speaker.page.getByRole('link', { name: 'My profile' }).click();
    await speaker.page.getByLabel('Short biography').fill('Leads the harbour safety campaign.');
    expect(await speaker.page.getByLabel('Staff login of this spokesperson').count()).toBe(0);
    await speaker.page.getByRole('button', { name: 'Save changes' }).click();
    await speaker.page.getByText('Saved. Reporters see these settings now.').waitFor();
    expect((await callProcedure(suite.server.base, 'spokespeople.get', { id: 'zoe-keller' })).bio).toBe('Leads the harbour safety campaign.');
    await checkPage(speaker.page, 'my-profile');

    // A spokesperson following a link to a press-office page lands at home.
    await speaker.page.goto(`${suite.server.base}/desk/users`);
    await speaker.page.getByRole('heading', { name: 'My interviews' }).waitFor();
    for (const session of [admin, officer, reporter, speaker]) await session.context.close();
    // Three people's sessions in one test: longer than the suite's 60 s on a busy machine.
  }, 180_000);
});
