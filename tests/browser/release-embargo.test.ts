// The embargoed launch end to end: a press officer in Zurich writes a release
// with an embargo at 00:01 Geneva time, attaches the report PDF and previews
// it; a reporter in Los Angeles opens the secret preview link, sees the embargo
// in their own zone (and Zurich's), and requests an interview accepting the
// terms; the desk queue marks the request; when the server's (injected) clock
// reaches the instant, the release is public and listed, and not a minute before.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { BrowserContext, Page } from 'playwright-core';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { browserSuite, SCREENSHOT_DIR, seriousAccessibilityViolations, signIn } from './support';

let offsetMs = 0;
const suite = browserSuite({ now: () => new Date(Date.now() + offsetMs) });

// Ten days ahead, at 00:01 in Zurich: a weekday-independent instant the slot picker's window does not need.
const embargo = DateTime.now().setZone('Europe/Zurich').plus({ days: 10 }).set({ hour: 0, minute: 1, second: 0, millisecond: 0 });

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
  return { context, page: await context.newPage() };
}

/** The personal preview link in the newest .eml to `email` (the outbox worker writes them every 2 s). */
async function previewLinkMailedTo(email: string): Promise<string> {
  const folder = join(suite.server.dataDir, 'outbox');
  for (let attempt = 0; attempt < 60; attempt++) {
    for (const name of (await readdir(folder).catch(() => [] as string[])).filter((file) => file.endsWith('.eml'))) {
      const mail = await simpleParser(await readFile(join(folder, name)));
      const to = Array.isArray(mail.to) ? mail.to : [mail.to];
      if (!to.some((address) => address?.text.includes(email))) continue;
      const link = /(http:\/\/127\.0\.0\.1:\d+\/preview\/[A-Za-z0-9_-]{43})/.exec(mail.text ?? '');
      if (link) return link[1]!;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no release email to ${email}`);
}

const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n'), Buffer.alloc(4000, 0x20), Buffer.from('\n%%EOF\n')]);

describe('an embargoed launch', () => {
  it('is written in Zurich, previewed, booked from Los Angeles under embargo, and public at the instant', async () => {
    const officer = await newPage('Europe/Zurich');
    const desk = officer.page;
    await desk.goto(`${suite.server.base}/desk/releases`);
    await signIn(desk);
    await desk.getByRole('heading', { name: 'Releases', level: 1 }).waitFor();
    await checkPage(desk, 'releases-list');
    await desk.getByRole('link', { name: 'Write a release' }).click();
    await desk.getByLabel('Title').fill('Monitor 2027 launch');
    await desk.getByLabel('Text (Markdown)').fill('The **Monitor** launches today.\n\n<script>window.hacked = true</script>');
    await desk.getByLabel(/^Publish at/).fill(DateTime.now().setZone('Europe/Zurich').minus({ days: 1 }).toFormat("yyyy-LL-dd'T'HH:mm"));
    await desk.getByLabel(/^Embargo until/).fill(embargo.toFormat("yyyy-LL-dd'T'HH:mm"));
    // The instant is shown beside the field in UTC and in the office's zone.
    await desk.getByText(`in Zurich (office)`).first().waitFor();
    await desk.getByLabel('Embargo terms').fill('Not for publication before the launch.');
    await desk.getByRole('button', { name: 'Add a link' }).click();
    await desk.getByLabel('Link 1 label').fill('The Monitor');
    await desk.getByLabel('Link 1 address').fill('https://cmc.example.org/monitor');
    await desk.getByLabel('Hector Guerra').check();
    await desk.getByLabel('Press contact').selectOption({ label: 'Jared Bloch' });
    await desk.getByRole('button', { name: 'Create the release' }).click();
    await desk.getByRole('heading', { name: /Monitor 2027 launch/, level: 1 }).waitFor();
    await desk.getByText('Under embargo').first().waitFor();

    await desk.getByLabel('Attach a PDF or an image (up to 20 MB)').setInputFiles({ name: 'monitor-2027.pdf', mimeType: 'application/pdf', buffer: pdf });
    await desk.getByRole('link', { name: 'monitor-2027.pdf' }).first().waitFor();
    const preview = desk.locator('.release-preview');
    await preview.getByText('Embargoed until').waitFor();
    expect(await preview.innerHTML()).not.toContain('hacked');
    expect(await preview.getByRole('link', { name: 'The Monitor' }).getAttribute('href')).toBe('https://cmc.example.org/monitor');
    await desk.getByRole('button', { name: 'Make a preview link' }).click();
    const link = await desk.getByLabel('Preview link (shown once; copy it now)').inputValue();
    expect(link).toMatch(/\/preview\/[A-Za-z0-9_-]{43}$/);
    expect(await desk.getByLabel('Contact block as text').inputValue()).toMatch(/Working hours: 09:00–18:00 Zurich time \(CES?T\)\nPhone: \+41 78 000 00 00/);
    await checkPage(desk, 'release-editor');

    // Not public yet: the public list and page know nothing of it.
    expect(await (await fetch(`${suite.server.base}/trpc/releases.get?input=${encodeURIComponent(JSON.stringify({ slug: 'monitor-2027-launch' }))}`)).status).toBe(404);

    // Send the embargoed release to three contacts tagged for the launch; the one marked do-not-contact is left out.
    const cookie = (await officer.context.cookies()).map((entry) => `${entry.name}=${entry.value}`).join('; ');
    for (const [name, doNotContact] of [['Lee Reporter', false], ['Mo Desk', false], ['No Mail', true]] as const) {
      const response = await fetch(`${suite.server.base}/trpc/contacts.create`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, origin: suite.server.base },
        body: JSON.stringify({ name, emails: [`${name.split(' ')[0]!.toLowerCase()}@launch.example.org`], tags: ['monitor-launch'], doNotContact }),
      });
      expect(response.status).toBe(200);
    }
    await desk.getByLabel('Tag').fill('monitor-launch');
    await desk.getByText('2 contacts match; 1 marked do not contact left out.').waitFor();
    await desk.getByRole('button', { name: 'Send to 2 contacts' }).click();
    await desk.getByText('Queued 2 emails.').waitFor();
    await desk.getByRole('list', { name: 'Sent to' }).getByText('Lee Reporter').waitFor();
    const personalLink = await previewLinkMailedTo('lee@launch.example.org');
    expect(personalLink).not.toBe(link);

    const reporter = await newPage('America/Los_Angeles');
    const page = reporter.page;
    await page.goto(personalLink);
    await page.getByRole('heading', { name: 'Under embargo' }).waitFor();
    const losAngeles = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/Los_Angeles', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(embargo.toJSDate());
    const zurich = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Zurich', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(embargo.toJSDate());
    const banner = await page.locator('.embargo-banner').innerText();
    expect(banner).toContain(`Embargoed until ${losAngeles} in your time zone (Los Angeles, P`);
    expect(banner).toContain(`${zurich} in Zurich`);
    expect(banner).toContain('Not for publication before the launch.');
    expect(await page.getByRole('link', { name: 'monitor-2027.pdf' }).getAttribute('href')).toContain('?preview=');
    await checkPage(page, 'release-preview');

    await page.getByRole('link', { name: 'Request an interview with Hector Guerra' }).click();
    const first = page.locator('.slot').first();
    await first.waitFor();
    await first.click();
    await page.getByLabel('Your name').fill('Lee Reporter');
    await page.getByLabel('Email').fill('lee@launch.example.org');
    await page.getByLabel('Outlet').fill('Pacific Wire');
    await page.getByLabel('Topic').fill('The Monitor launch');
    await page.getByLabel('Format').selectOption('video');
    await page.getByRole('button', { name: 'Request an interview' }).click();
    // Without accepting the terms the server refuses, and says why.
    await page.getByRole('alert').filter({ hasText: 'accept the embargo terms to request an interview' }).waitFor();
    await page.getByLabel('I accept the embargo terms').check();
    await page.getByRole('button', { name: 'Request an interview' }).click();
    await page.getByRole('heading', { name: /^Interview request IR-/ }).waitFor();

    // The release records that the request came from Lee's email.
    await desk.reload();
    await desk.getByRole('list', { name: 'Sent to' }).getByText('requested an interview').waitFor();
    // The desk queue marks it.
    await desk.goto(`${suite.server.base}/desk`);
    await desk.locator('.embargo-mark').filter({ hasText: 'Monitor 2027 launch' }).first().waitFor();

    // One minute before the instant: still hidden; at the instant: public and listed.
    offsetMs = embargo.toMillis() - Date.now() - 60_000;
    expect(await (await fetch(`${suite.server.base}/trpc/releases.get?input=${encodeURIComponent(JSON.stringify({ slug: 'monitor-2027-launch' }))}`)).status).toBe(404);
    offsetMs = embargo.toMillis() - Date.now();
    await page.goto(`${suite.server.base}/`);
    await page.getByRole('link', { name: 'Monitor 2027 launch' }).click();
    await page.getByRole('heading', { name: 'Monitor 2027 launch', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Press contact' }).waitFor();
    expect(await page.getByRole('link', { name: '+41 78 000 00 00' }).first().getAttribute('href')).toBe('tel:+41780000000');
    await checkPage(page, 'release-public');
    await officer.context.close();
    await reporter.context.close();
  }, 180_000);
});
