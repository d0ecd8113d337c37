// A press officer finds a reporter (accented name) in the media list by
// typing without accents, opens her card and reads her history in the
// browser's own zone; then sees the mail queued for her in the outbox and
// sends a dead letter again.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { contactColumns } from '../../server/contacts/contact-record';
import { browserSuite, SCREENSHOT_DIR, seriousAccessibilityViolations, signIn } from './support';

/** Neither the machine's zone (TZ=Asia/Kathmandu) nor UTC nor the server's spokespeople's. */
const VIEWER_ZONE = 'America/Los_Angeles';
const LOCALE = 'en-GB';
const ZOE_EMAIL = 'zoe.muller@example.org';

const suite = browserSuite();

const trpc = suite.trpc;

/** How the pages show an instant to this viewer (history entries with the year), computed here independently of the page. */
function viewerDateTime(instant: Date, options: { year?: boolean } = {}): string {
  return new Intl.DateTimeFormat(LOCALE, { timeZone: VIEWER_ZONE, weekday: 'short', day: 'numeric', month: 'short', ...(options.year ? { year: 'numeric' } : {}), hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(instant);
}

async function openConsole(width: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await suite.browser.newContext({ timezoneId: VIEWER_ZONE, locale: LOCALE, viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${suite.server.base}/desk`);
  await signIn(page);
  await page.getByRole('heading', { name: 'Request queue' }).waitFor();
  return { context, page };
}

/** A request from Zoë at a free slot of Héctor's on the given day of his availability. */
async function requestFromZoe(dayIndex: number, topic: string) {
  const hector = await trpc('spokespeople.get', { id: 'hector-guerra' });
  const from = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
  const slots = await trpc('availability.slots', { spokespersonId: hector.id, from, to: new Date(Date.parse(from) + 14 * 86_400_000).toISOString(), timeZone: 'Europe/Berlin' });
  const slot = slots.days[dayIndex].slots[0];
  const created = await trpc(
    'requests.create',
    {
      idempotencyKey: randomUUID(),
      spokespersonId: hector.id,
      start: slot.start,
      durationMinutes: 30,
      format: 'video',
      language: 'en',
      attribution: 'on_record',
      topic,
      reporter: { name: 'Zoë Müller', email: ZOE_EMAIL, outlet: 'Alpenblatt', phone: '+41 78 000 00 07', whatsapp: '+41780000007', timeZone: 'Europe/Berlin' },
      // Answered before the interview (requests.create refuses a later deadline).
      deadline: slot.start,
    },
    'POST',
  );
  return { ...created, slot: slot as { start: string; end: string } };
}

describe('media contacts and outbox', () => {
  it('finds “Zoë Müller” by typing “zoe mu” and shows her history, newest first, in the browser’s zone', async () => {
    const db = suite.server.database.prisma;
    // First request, cancelled by Zoë herself; then a second one, approved by the desk.
    const first = await requestFromZoe(0, 'Landmine clearance funding');
    await trpc('requests.cancel', { reference: first.reference, token: first.manageToken, reason: 'Story was dropped' }, 'POST');
    const second = await requestFromZoe(1, 'Cluster munitions report');
    // Someone typed her in again by hand with the same mobile number: a likely duplicate.
    await db.mediaContact.create({
      data: { ...contactColumns({ name: 'Z. Mueller', emails: ['zm@example.org'], phones: [{ e164: '+41780000007', kind: 'cell' }], whatsapp: null, outletId: null, outletName: null, role: null, languages: ['de'], timeZone: null, country: null, notes: null, tags: [] }) },
    });
    // Enough tagged contacts for a second page.
    for (let index = 0; index < 55; index++) {
      const name = `Paging Reporter ${String(index).padStart(2, '0')}`;
      await db.mediaContact.create({ data: contactColumns({ name, emails: [`paging${index}@example.org`], phones: [], whatsapp: null, outletId: null, outletName: null, role: null, languages: ['en'], timeZone: null, country: null, notes: null, tags: ['paging test'] }) });
    }

    const { context, page } = await openConsole(1280);
    const approve = await page.request.post(`${suite.server.base}/trpc/desk.requests.approve`, { data: { requestId: second.requestId }, headers: { origin: suite.server.base } });
    expect(approve.status()).toBe(200);

    await page.getByRole('link', { name: 'Media contacts' }).click();
    await page.getByRole('heading', { name: 'Media contacts', level: 1 }).waitFor();
    const status = page.locator('.contact-count[role="status"]');
    await expect.poll(() => status.innerText()).toBe('50 contacts shown; more available.');

    // Search: word prefixes, without the accents.
    await page.getByRole('searchbox', { name: 'Search' }).fill('zoe mu');
    await expect.poll(() => status.innerText()).toBe('1 contact found.');
    const list = page.getByRole('list', { name: 'Contacts' });
    expect(await list.getByRole('listitem').allInnerTexts()).toEqual([expect.stringContaining('Zoë Müller')]);
    expect(page.url()).toContain('q=zoe+mu');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'contacts-1280.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Export what the search found.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const rows = csv.trim().split(/\r?\n/);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('Zoë Müller');
    expect(rows[1]).toContain(ZOE_EMAIL);
    await page.getByText('Exported 1 contact to').waitFor();

    // A search with no match shows the empty state.
    await page.getByRole('searchbox', { name: 'Search' }).fill('zoe zzz');
    await expect.poll(() => status.innerText()).toBe('No contacts found.');
    await page.getByText('No contacts match this search.').waitFor();

    // Paging: 55 tagged contacts, 50 a page; "Show more" neither repeats nor skips.
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await page.getByLabel('Tag').fill('paging test');
    await expect.poll(() => status.innerText()).toBe('50 contacts shown; more available.');
    await page.getByRole('button', { name: 'Show more' }).click();
    await expect.poll(() => status.innerText()).toBe('55 contacts found.');
    const names = await list.getByRole('link').allInnerTexts();
    expect(names).toEqual(Array.from({ length: 55 }, (_, index) => `Paging Reporter ${String(index).padStart(2, '0')}`));
    expect(await page.getByRole('button', { name: 'Show more' }).count()).toBe(0);

    // The outlet filter.
    await page.getByLabel('Tag').fill('');
    await page.getByLabel('Outlet').selectOption({ label: 'Example Wire Service (1)' });
    await expect.poll(() => status.innerText()).toBe('1 contact found.');
    expect(await list.getByRole('link').allInnerTexts()).toEqual(['Daniel Okafor']);
    await page.getByLabel('Outlet').selectOption('');

    // Her card.
    await page.getByRole('searchbox', { name: 'Search' }).fill('zoe mu');
    await expect.poll(() => status.innerText()).toBe('1 contact found.');
    await list.getByRole('link', { name: 'Zoë Müller' }).click();
    await page.getByRole('heading', { name: 'Zoë Müller', level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/desk\/contacts\/[^/?]+$/);
    const facts = page.locator('.contact-facts');
    // E.164 +41780000007, formatted for reading (the formatter loads with the card).
    await expect.poll(async () => (await facts.allInnerTexts()).join('\n')).toContain('+41 78 000 00 07');
    const factText = (await facts.allInnerTexts()).join('\n');
    expect(factText).toContain('Europe/Berlin');
    expect(factText).toMatch(/now \d{2}:\d{2} .+ in Berlin/);
    expect(factText).toContain('Legitimate interest');
    expect(factText).toContain('Alpenblatt');
    expect(await page.getByRole('link', { name: /\+41 78 000 00 07.*WhatsApp/ }).getAttribute('href')).toBe('https://wa.me/41780000007');
    const duplicates = page.getByRole('region', { name: 'Likely duplicates' });
    expect(await duplicates.innerText()).toContain('Z. Mueller');
    expect(await duplicates.innerText()).toContain('same phone number');

    const history = page.getByRole('region', { name: 'History' });
    expect(await history.innerText()).toContain('Times in Los Angeles time (America/Los_Angeles)');
    const requests = await db.interviewRequest.findMany({ where: { reference: { in: [first.reference, second.reference] } }, select: { reference: true, createdAt: true, updatedAt: true } });
    const firstRow = requests.find((request) => request.reference === first.reference)!;
    const secondRow = requests.find((request) => request.reference === second.reference)!;
    const entries = history.getByRole('list', { name: 'History, newest first' }).getByRole('listitem');
    const expected = [
      { at: new Date(second.slot.start), text: `Interview with Hector Guerra (${second.reference})`, more: 'Outcome: Confirmed' },
      { at: secondRow.createdAt, text: `Requested an interview (${second.reference}): “Cluster munitions report”, video call, for Alpenblatt.`, more: 'Now approved' },
      { at: firstRow.updatedAt, text: `Request cancelled (${first.reference}) by the reporter.`, more: 'Reason: Story was dropped' },
      { at: firstRow.createdAt, text: `Requested an interview (${first.reference}): “Landmine clearance funding”`, more: 'Now cancelled' },
    ];
    expect(await entries.count()).toBe(expected.length);
    for (const [index, entry] of expected.entries()) {
      const item = entries.nth(index);
      const time = item.locator('time');
      expect(await time.getAttribute('datetime')).toBe(entry.at.toISOString());
      // The instant in the viewer's zone (a zone the server and the machine are not in), zone name included.
      expect(await time.innerText()).toBe(viewerDateTime(entry.at, { year: true }));
      expect(await item.innerText()).toContain(entry.text);
      expect(await item.innerText()).toContain(entry.more);
    }
    // Last contact: the latest request (the interview is still ahead).
    expect(await history.locator('p', { hasText: 'Last contact:' }).locator('time').getAttribute('datetime')).toBe(secondRow.createdAt.toISOString());
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'contact-detail-1280.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Back to the list keeps the search.
    await page.getByRole('link', { name: '← All media contacts' }).click();
    await page.getByRole('heading', { name: 'Media contacts', level: 1 }).waitFor();
    expect(await page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('zoe mu');

    // A contact that does not exist: the error state, with a way back.
    await page.goto(`${suite.server.base}/desk/contacts/no-such-contact`);
    await page.getByRole('alert').filter({ hasText: 'Could not load this contact: No such contact.' }).waitFor();
    expect(await page.getByRole('link', { name: '← All media contacts' }).count()).toBe(1);
    await context.close();

    const narrow = await openConsole(375);
    await narrow.page.goto(`${suite.server.base}/desk/contacts?q=zoe+mu`);
    await expect.poll(() => narrow.page.locator('.contact-count[role="status"]').innerText()).toBe('1 contact found.');
    await narrow.page.screenshot({ path: join(SCREENSHOT_DIR, 'contacts-375.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(narrow.page)).toEqual([]);
    await narrow.context.close();
  });

  it('lists the messages queued for her and sends a dead letter again', async () => {
    const db = suite.server.database.prisma;
    const request = await db.interviewRequest.findFirstOrThrow({ where: { reporterEmail: ZOE_EMAIL, status: 'approved' }, select: { id: true, reference: true } });
    // The demo server writes mail to files, which never fails: park a message as
    // a dead letter the way the worker does after its last failed attempt.
    const deadAt = new Date(Date.now() - 3_600_000);
    const dead = await db.outboxMessage.create({
      data: {
        kind: 'request_received',
        recipient: ZOE_EMAIL,
        subject: `We received your interview request ${request.reference} (dead letter)`,
        payload: { requestId: request.id, reference: request.reference },
        requestId: request.id,
        status: 'dead',
        attempts: 16,
        lastError: 'connect ECONNREFUSED 192.0.2.25:587',
        messageId: `<${randomUUID()}@example.org>`,
        createdAt: deadAt,
        nextAttemptAt: deadAt,
      },
    });

    const { context, page } = await openConsole(1280);
    await page.getByRole('link', { name: 'Outbox' }).click();
    await page.getByRole('heading', { name: 'Outbox', level: 1 }).waitFor();
    await page.getByRole('searchbox', { name: 'Recipient' }).fill(ZOE_EMAIL);
    const table = page.getByRole('table', { name: 'Outbox messages, newest first' });
    await table.waitFor();
    const stored = await db.outboxMessage.findMany({ where: { recipient: ZOE_EMAIL }, orderBy: { createdAt: 'desc' }, select: { id: true, subject: true, kind: true, createdAt: true } });
    // Two "request received", the invite from the approval, and the dead letter.
    expect(stored.map((message) => message.kind).sort()).toEqual(['invite', 'request_received', 'request_received', 'request_received']);
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(stored.length);
    const subjects = await table.locator('tbody .outbox-subject').allInnerTexts();
    expect(subjects).toEqual(stored.map((message) => message.subject));
    // Only the parked one is dead: the real messages (invite included) were delivered.
    expect(await table.locator('tr.outbox-dead').count()).toBe(1);
    const deadRow = rows.filter({ hasText: '(dead letter)' });
    expect(await deadRow.getAttribute('class')).toContain('outbox-dead');
    expect(await deadRow.innerText()).toContain('Dead letter');
    expect(await deadRow.innerText()).toContain('connect ECONNREFUSED 192.0.2.25:587');
    expect(await deadRow.locator('time').first().innerText()).toBe(viewerDateTime(deadAt));
    expect(await page.getByText('Times in Los Angeles time (America/Los_Angeles)').count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'outbox-1280.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The same view on a phone (the link carries the filter).
    const narrow = await openConsole(375);
    await narrow.page.goto(`${suite.server.base}/desk/outbox?recipient=${encodeURIComponent(ZOE_EMAIL)}`);
    await narrow.page.getByRole('table', { name: 'Outbox messages, newest first' }).locator('tr.outbox-dead').waitFor();
    expect(await narrow.page.getByRole('searchbox', { name: 'Recipient' }).inputValue()).toBe(ZOE_EMAIL);
    await narrow.page.screenshot({ path: join(SCREENSHOT_DIR, 'outbox-375.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(narrow.page)).toEqual([]);
    await narrow.context.close();

    // Only the dead letters.
    await page.getByLabel('Status').selectOption({ label: 'Dead letters' });
    await expect.poll(() => rows.count()).toBe(1);

    await page.getByRole('button', { name: `Retry “We received your interview request ${request.reference} (dead letter)” to ${ZOE_EMAIL}` }).click();
    await page.getByRole('status').filter({ hasText: 'is queued and will be sent again now' }).waitFor();
    await page.getByText(`No dead letters for “${ZOE_EMAIL}”.`).waitFor();
    // The outbox worker (every 2 s) sends it through the file transport.
    await expect.poll(async () => (await db.outboxMessage.findUniqueOrThrow({ where: { id: dead.id } })).status, { timeout: 15_000 }).toBe('sent');
    await page.getByLabel('Status').selectOption({ label: 'Sent or written' });
    // Once sent, the row shows the Subject the email actually carried (the one made up above was only queued).
    const sentSubject = (await db.outboxMessage.findUniqueOrThrow({ where: { id: dead.id } })).subject;
    expect(sentSubject).not.toContain('(dead letter)');
    expect(sentSubject).toContain(request.reference);
    const sentRow = rows.filter({ hasText: sentSubject }).first();
    await sentRow.waitFor();
    // No SMTP_URL on the test server: the message was written to a file, and the row says so.
    expect(await sentRow.innerText()).toMatch(/^Written to file/);
    expect(await sentRow.innerText()).not.toContain('ECONNREFUSED');
    await context.close();
  });
});
