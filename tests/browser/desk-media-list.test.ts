// A press officer keeps the media list from the browser alone: adds and edits
// a contact (the server's refusal shows beside the field), links the outlet a
// reporter typed to an outlet record, imports vCards (dry run, then import),
// exports a person's data and erases them. The CSV import with bad rows and
// the merge of a duplicate are steps of empty-office-journey.test.ts.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, SCREENSHOT_DIR, seriousAccessibilityViolations, signIn } from './support';

const suite = browserSuite();
const trpc = suite.trpc;

async function openConsole(width = 1280): Promise<{ context: BrowserContext; page: Page }> {
  const context = await suite.browser.newContext({ timezoneId: 'Europe/Paris', locale: 'en-GB', viewport: { width, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${suite.server.base}/desk`);
  await signIn(page);
  await page.getByRole('heading', { name: 'Request queue' }).waitFor();
  return { context, page };
}

/** No sideways scrolling at this width, and nothing axe calls serious. */
async function expectUsable(page: Page, screenshot: string) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${screenshot}.png`), fullPage: true });
}

/** A reporter's request to Héctor at his first free slot on day `dayIndex`: the desk's contact is made from it. */
async function requestFrom(reporter: { name: string; email: string; outlet: string }, dayIndex: number) {
  const hector = await trpc('spokespeople.get', { id: 'hector-guerra' });
  const from = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
  const slots = await trpc('availability.slots', { spokespersonId: hector.id, from, to: new Date(Date.parse(from) + 14 * 86_400_000).toISOString(), timeZone: 'Europe/Paris' });
  const slot = slots.days[dayIndex].slots[0];
  return trpc(
    'requests.create',
    {
      idempotencyKey: randomUUID(), spokespersonId: hector.id, start: slot.start, durationMinutes: 30, format: 'phone', language: 'en', attribution: 'on_record',
      topic: 'Stockpile destruction', reporter: { ...reporter, phone: '+33 6 00 00 00 51', timeZone: 'Europe/Paris' }, deadline: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    },
    'POST',
  );
}

describe('the media list from the console', () => {
  it('adds and edits a contact, showing the server’s field errors beside their fields, and links an outlet a reporter typed', async () => {
    const db = suite.server.database.prisma;
    const { context, page } = await openConsole();
    await page.getByRole('link', { name: 'Media contacts' }).click();
    await page.getByRole('link', { name: 'Add a contact' }).click();
    await page.getByRole('heading', { name: 'New contact', level: 1 }).waitFor();
    expect(await page.title()).toBe('New contact · Interview Desk');

    await page.getByLabel('Name', { exact: true }).fill('Léa Fontaine');
    await page.getByLabel('Email', { exact: true }).fill('lea.fontaine@example.org');
    await page.getByLabel('Phone', { exact: true }).fill('12');
    await page.getByLabel('Languages').fill('fr, en');
    await page.getByLabel('Time zone').fill('Europe/Zurich');
    await page.getByLabel('Country', { exact: true }).fill('ch');
    await page.getByLabel('Preferred channel').selectOption({ label: 'WhatsApp' });
    await page.getByLabel('WhatsApp').fill('+41 78 000 00 41');
    await page.getByLabel('Source').fill('Met at the report launch');
    await page.getByLabel('Lawful basis').selectOption({ label: 'Consent' });
    await page.getByRole('button', { name: 'Add contact' }).click();

    // The server refused the number: its message sits beside the phone field, which has the focus.
    const phone = page.getByLabel('Phone', { exact: true });
    await expect.poll(() => phone.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await phone.getAttribute('aria-describedby'))!.split(' ')[0]!;
    const phoneError = await page.evaluate((id) => document.getElementById(id)?.className + ': ' + document.getElementById(id)?.textContent, errorId);
    expect(phoneError).toMatch(/^field-error: \S/);
    expect(await phone.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await page.getByRole('alert').innerText()).toContain('Some fields need a change');
    expect(await db.mediaContact.count({ where: { name: 'Léa Fontaine' } })).toBe(0);
    await expectUsable(page, 'contact-form-error-1280');

    await phone.fill('+41 78 000 00 41');
    await page.getByRole('button', { name: 'Add contact' }).click();
    await page.getByRole('heading', { name: 'Léa Fontaine', level: 1 }).waitFor();
    expect(await page.title()).toBe('Léa Fontaine · Interview Desk');
    const facts = page.locator('.contact-facts');
    await expect.poll(async () => (await facts.allInnerTexts()).join('\n')).toContain('+41 78 000 00 41');
    const stored = await db.mediaContact.findFirstOrThrow({ where: { name: 'Léa Fontaine' } });
    expect(stored).toMatchObject({ email: 'lea.fontaine@example.org', phone: '+41780000041', whatsapp: '+41780000041', country: 'CH', timeZone: 'Europe/Zurich', preferredChannel: 'whatsapp', lawfulBasis: 'consent', source: 'Met at the report launch' });
    expect(stored.languages).toEqual(['fr', 'en']);

    // Edit: an address the server refuses, then a good one, a role and an outlet on record.
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('heading', { name: 'Edit Léa Fontaine', level: 1 }).waitFor();
    await page.getByLabel('Email', { exact: true }).fill('lea.fontaine@');
    await page.getByLabel('Role or beat').fill('Geneva correspondent');
    await page.getByRole('radio', { name: 'An outlet on record' }).check();
    await page.getByLabel('Outlet on record', { exact: true }).selectOption({ label: 'Example Wire Service (Wire, US)' });
    await page.getByRole('button', { name: 'Save changes' }).click();
    const email = page.getByLabel('Email', { exact: true });
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field-error').first().innerText()).toMatch(/email/i);
    await email.fill('lea@example.org');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: 'Léa Fontaine', level: 1 }).waitFor();
    await expect.poll(async () => (await facts.first().innerText())).toContain('Example Wire Service');
    expect(await facts.first().innerText()).toContain('Geneva correspondent');

    // Archive and restore: reversible, so no confirmation.
    await page.getByRole('button', { name: 'Archive' }).click();
    await page.getByText(/^Archived on /).waitFor();
    expect((await db.mediaContact.findUniqueOrThrow({ where: { id: stored.id } })).archivedAt).not.toBeNull();
    await page.getByRole('button', { name: 'Restore from the archive' }).click();
    await expect.poll(() => page.getByText(/^Archived on /).count()).toBe(0);

    // Her card as vCard, from the list filtered to her.
    await page.getByRole('link', { name: '← All media contacts' }).click();
    await page.getByRole('searchbox', { name: 'Search' }).fill('lea fontaine');
    await expect.poll(() => page.locator('.contact-count[role="status"]').innerText()).toBe('1 contact found.');
    const [vcard] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export vCard' }).click()]);
    expect(vcard.suggestedFilename()).toBe('Léa-Fontaine.vcf');
    const card = readFileSync((await vcard.path())!, 'utf8');
    expect(card).toContain('FN:Léa Fontaine');
    expect(card).toContain('+41780000041');

    // A reporter typed "Alpenblatt Zeitung" in a request: no outlet of that name is on record yet.
    await requestFrom({ name: 'Jonas Keller', email: 'jonas.keller@example.org', outlet: 'Alpenblatt Zeitung' }, 0);
    await page.getByRole('searchbox', { name: 'Search' }).fill('jonas keller');
    await page.getByRole('list', { name: 'Contacts' }).getByRole('link', { name: 'Jonas Keller' }).click();
    await page.getByRole('heading', { name: 'Jonas Keller', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Link “Alpenblatt Zeitung” to an outlet record' }).click();
    const linkForm = page.getByRole('form', { name: 'Link “Alpenblatt Zeitung” to an outlet record' });
    expect(await linkForm.getByLabel('Outlet name').inputValue()).toBe('Alpenblatt Zeitung');
    await linkForm.getByLabel('Kind').selectOption({ label: 'Online' });
    await linkForm.getByLabel('Outlet country').fill('C');
    await linkForm.getByRole('button', { name: 'Make it their outlet' }).click();
    // Refused beside the outlet's own field; nothing was linked.
    await expect.poll(() => linkForm.getByLabel('Outlet country').getAttribute('aria-invalid')).toBe('true');
    await expectUsable(page, 'contact-link-outlet-1280');
    await linkForm.getByLabel('Outlet country').fill('CH');
    await linkForm.getByRole('button', { name: 'Make it their outlet' }).click();
    await expect.poll(async () => (await page.locator('.contact-facts').first().innerText())).toMatch(/Outlet\s+Alpenblatt Zeitung/);
    const jonas = await db.mediaContact.findFirstOrThrow({ where: { email: 'jonas.keller@example.org' }, include: { outlet: true } });
    expect(jonas.outlet).toMatchObject({ name: 'Alpenblatt Zeitung', kind: 'online', country: 'CH' });
    expect(await page.getByRole('button', { name: /Link “Alpenblatt Zeitung”/ }).count()).toBe(0);
    await context.close();

    // The same pages on a phone.
    const narrow = await openConsole(375);
    await narrow.page.goto(`${suite.server.base}/desk/contacts/new`);
    await narrow.page.getByRole('heading', { name: 'New contact' }).waitFor();
    await expectUsable(narrow.page, 'contact-form-375');
    await narrow.page.goto(`${suite.server.base}/desk/contacts/${stored.id}`);
    await narrow.page.getByRole('heading', { name: 'Léa Fontaine' }).waitFor();
    await expectUsable(narrow.page, 'contact-card-375');
    await narrow.context.close();
  });

  // The 50-row CSV with bad rows, the merge of the duplicate it brings in and an erasure are steps of
  // the empty-office journey (empty-office-journey.test.ts), at 1280 and 375 px; here, the vCard path.
  it('imports pasted vCards: dry run, then the import, with numbers stored as E.164', async () => {
    const db = suite.server.database.prisma;
    const { context, page } = await openConsole();
    await page.goto(`${suite.server.base}/desk/contacts`);
    await page.getByRole('link', { name: 'Import CSV or vCard' }).click();
    await page.getByRole('heading', { name: 'Import contacts', level: 1 }).waitFor();
    expect(await page.title()).toBe('Import contacts · Interview Desk');
    const counts = async (label: string) => Object.fromEntries((await page.getByLabel(label).locator('.import-count').allInnerTexts()).map((text) => text.split('\n').map((part) => part.trim())).map(([name, value]) => [name, Number(value)]));
    const vcf = [
      'BEGIN:VCARD', 'VERSION:4.0', 'FN:Søren Vcard', 'EMAIL:soren.vcard@example.org', 'TEL;TYPE=cell:+41 79 000 00 22', 'ORG:Nordic Wire', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:Mei Vcard', 'EMAIL:mei.vcard@example.org', 'END:VCARD',
    ].join('\r\n');
    await page.getByLabel('Or paste the contacts').fill(vcf);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Dry run: what the import would do' }).waitFor();
    expect((await counts('Dry run counts'))['Would be created']).toBe(2);
    expect(await db.mediaContact.count({ where: { email: 'soren.vcard@example.org' } })).toBe(0);
    await page.getByRole('button', { name: 'Import 2 cards' }).click();
    await page.getByRole('heading', { name: 'Import report' }).waitFor();
    expect((await counts('Import counts')).Created).toBe(2);
    expect(await db.mediaContact.findFirst({ where: { email: 'soren.vcard@example.org' }, select: { phone: true, outlet: { select: { name: true } } } })).toEqual({ phone: '+41790000022', outlet: { name: 'Nordic Wire' } });
    await context.close();
  });

  it('exports a person’s data and erases them, each after a confirmation that names them; the card then shows the erasure', async () => {
    const db = suite.server.database.prisma;
    const request = await requestFrom({ name: 'Erik Sølvberg', email: 'erik.solvberg@example.org', outlet: 'Fjord Post' }, 1);
    const contactId = (await db.interviewRequest.findUniqueOrThrow({ where: { id: request.requestId } })).mediaContactId!;
    const { context, page } = await openConsole();
    await page.goto(`${suite.server.base}/desk/contacts/${contactId}`);
    await page.getByRole('heading', { name: 'Erik Sølvberg', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Export personal data' }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export everything held about Erik Sølvberg?' });
    await exportDialog.waitFor();
    // The safe choice has the focus.
    expect(await exportDialog.getByRole('button', { name: 'Cancel' }).evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Export personal data' }).click()]);
    expect(download.suggestedFilename()).toBe('personal-data-erik-sølvberg.json');
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(JSON.stringify(exported)).toContain('erik.solvberg@example.org');
    expect(exported.requests).toHaveLength(1);
    await page.getByText('Exported everything held about Erik Sølvberg').waitFor();
    expect(await exportDialog.isVisible()).toBe(false);

    // Erase: Escape backs out, focus returns to the button; then it is done.
    const eraseButton = page.getByRole('button', { name: 'Erase…' });
    await eraseButton.click();
    const eraseDialog = page.getByRole('dialog', { name: 'Erase Erik Sølvberg?' });
    await eraseDialog.waitFor();
    expect(await eraseDialog.innerText()).toContain('1 request and their interviews, anonymised');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'contact-erase-dialog-1280.png') });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => eraseDialog.isVisible()).toBe(false);
    expect(await eraseButton.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await db.mediaContact.count({ where: { id: contactId } })).toBe(1);

    await eraseButton.click();
    await eraseDialog.getByRole('button', { name: 'Erase Erik Sølvberg' }).click();
    await page.getByRole('heading', { name: 'Erased contact', level: 1 }).waitFor();
    // The outcome has the focus (the dialog that had it is gone).
    expect(await page.getByRole('heading', { name: 'Erased contact', level: 1 }).evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await page.locator('.contact-erased').innerText()).toContain('Erik Sølvberg was erased from the media list');
    expect(await page.locator('.contact-erased').innerText()).toContain('1 request kept for the office’s records, anonymised');
    expect(await db.mediaContact.count({ where: { id: contactId } })).toBe(0);
    expect(await db.interviewRequest.findUniqueOrThrow({ where: { id: request.requestId }, select: { reporterName: true } })).toEqual({ reporterName: 'Erased contact' });

    // After a reload the card still says what happened (without the name, which is gone).
    await page.reload();
    await page.getByRole('heading', { name: 'Erased contact', level: 1 }).waitFor();
    expect(await page.locator('.contact-erased').innerText()).toContain('This contact was erased from the media list');
    expect(await page.locator('.contact-erased').innerText()).not.toContain('Sølvberg');
    expect(await page.title()).toBe('Erased contact · Interview Desk');
    await expectUsable(page, 'contact-erased-1280');
    await context.close();
  });
});
