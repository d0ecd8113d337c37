// A press officer keeps the media list from the browser alone: adds and edits
// a contact (the server's refusal shows beside the field), links the outlet a
// reporter typed to an outlet record, imports a CSV with bad rows (dry run,
// then import, then the per-row report) and a vCard, merges a duplicate
// choosing field by field, exports a person's data and erases them.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { contactColumns, type ContactData } from '../../server/contacts/contact-record';
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

function contactData(overrides: Partial<ContactData> & { name: string }): ContactData {
  return { emails: [], phones: [], whatsapp: null, outletId: null, outletName: null, role: null, languages: [], timeZone: null, country: null, notes: null, tags: [], ...overrides };
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

  it('imports a 50-row CSV with 2 bad rows: columns, dry run, import, and the per-row report; then a small vCard', async () => {
    const db = suite.server.database.prisma;
    const rows = Array.from({ length: 50 }, (_, index) => {
      const number = String(index).padStart(2, '0');
      const email = index === 10 ? 'not-an-address' : `csv.reporter.${number}@example.org`;
      const mobile = index === 30 ? '12345' : `+41 78 100 00 ${number}`;
      return [`Csv Reporter ${number}`, email, mobile, 'Lakeside Tribune', 'Arms control', 'csv import test'].join(',');
    });
    const csv = ['Full name,E-mail,Mobile,Publication,Specialism,Tags', ...rows].join('\r\n');

    const { context, page } = await openConsole();
    await page.goto(`${suite.server.base}/desk/contacts`);
    await page.getByRole('link', { name: 'Import CSV or vCard' }).click();
    await page.getByRole('heading', { name: 'Import contacts', level: 1 }).waitFor();
    expect(await page.title()).toBe('Import contacts · Interview Desk');
    await page.getByLabel('File').setInputFiles({ name: 'press-list.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('50 rows, 6 columns separated by commas.').waitFor();
    // Suggested: known headers mapped; "Specialism" is not a name the server knows.
    expect(await page.getByLabel('Full name').inputValue()).toBe('name');
    expect(await page.getByLabel('Publication').inputValue()).toBe('outlet');
    expect(await page.getByLabel('Specialism').inputValue()).toBe('');
    await page.getByLabel('Specialism').selectOption({ label: 'Role or beat' });
    await expectUsable(page, 'contacts-import-columns-1280');

    await page.getByRole('button', { name: 'Dry run' }).click();
    await page.getByRole('heading', { name: 'Dry run: what the import would do' }).waitFor();
    const counts = async (label: string) => Object.fromEntries((await page.getByLabel(label).locator('.import-count').allInnerTexts()).map((text) => text.split('\n').map((part) => part.trim())).map(([name, value]) => [name, Number(value)]));
    expect(await counts('Dry run counts')).toEqual({ 'Would be created': 48, 'Would be updated': 0, Unchanged: 0, 'Would be skipped': 2, 'Would fail': 0 });
    expect(await db.mediaContact.count({ where: { name: { startsWith: 'Csv Reporter' } } })).toBe(0);

    await page.getByRole('button', { name: 'Import 48 rows' }).click();
    await page.getByRole('heading', { name: 'Import report' }).waitFor();
    expect(await counts('Import counts')).toEqual({ Created: 48, Updated: 0, Unchanged: 0, Skipped: 2, Failed: 0 });
    const problems = page.getByRole('table', { name: '2 rows not imported' });
    const problemRows = await problems.locator('tbody tr').allInnerTexts();
    expect(problemRows).toHaveLength(2);
    expect(problemRows[0]).toMatch(/^12\s+Skipped\s+Email: "not-an-address" is not a valid email address/);
    expect(problemRows[1]).toMatch(/^32\s+Skipped\s+Phone: .+\("12345"\)/);
    await expectUsable(page, 'contacts-import-report-1280');
    expect(await db.mediaContact.count({ where: { name: { startsWith: 'Csv Reporter' } } })).toBe(48);
    const imported = await db.mediaContact.findFirstOrThrow({ where: { email: 'csv.reporter.00@example.org' }, include: { outlet: true } });
    expect(imported).toMatchObject({ role: 'Arms control', phone: '+41781000000', outlet: { name: 'Lakeside Tribune' } });

    // A small vCard, pasted.
    await page.getByRole('button', { name: 'Import another file' }).click();
    const vcf = [
      'BEGIN:VCARD', 'VERSION:4.0', 'FN:Søren Vcard', 'EMAIL:soren.vcard@example.org', 'TEL;TYPE=cell:+41 79 000 00 22', 'ORG:Nordic Wire', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:Mei Vcard', 'EMAIL:mei.vcard@example.org', 'END:VCARD',
    ].join('\r\n');
    await page.getByLabel('Or paste the contacts').fill(vcf);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Dry run: what the import would do' }).waitFor();
    expect((await counts('Dry run counts'))['Would be created']).toBe(2);
    await page.getByRole('button', { name: 'Import 2 cards' }).click();
    await page.getByRole('heading', { name: 'Import report' }).waitFor();
    expect((await counts('Import counts')).Created).toBe(2);
    expect(await db.mediaContact.findFirst({ where: { email: 'soren.vcard@example.org' }, select: { phone: true } })).toEqual({ phone: '+41790000022' });
    await context.close();

    const narrow = await openConsole(375);
    await narrow.page.goto(`${suite.server.base}/desk/contacts/import`);
    await narrow.page.getByLabel('File').setInputFiles({ name: 'press-list.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await narrow.page.getByRole('button', { name: 'Continue' }).click();
    await narrow.page.getByRole('button', { name: 'Dry run' }).click();
    await narrow.page.getByRole('heading', { name: 'Dry run: what the import would do' }).waitFor();
    await expectUsable(narrow.page, 'contacts-import-375');
    await narrow.context.close();
  });

  it('merges a likely duplicate side by side, choosing field by field', async () => {
    const db = suite.server.database.prisma;
    const a = await db.mediaContact.create({ data: { ...contactColumns(contactData({ name: 'Ana Lima', emails: ['ana.lima@example.org'], phones: [{ e164: '+5511912345678', kind: 'cell' }], role: 'Defence' })), lawfulBasis: 'legitimate_interest' } });
    const b = await db.mediaContact.create({
      data: { ...contactColumns(contactData({ name: 'Ana Paula Lima', emails: ['apl@example.org'], phones: [{ e164: '+5511912345678', kind: 'cell' }], role: 'Geneva correspondent', timeZone: 'Europe/Zurich' })) },
    });
    const { context, page } = await openConsole();
    await page.goto(`${suite.server.base}/desk/contacts/duplicates`);
    await page.getByRole('heading', { name: 'Likely duplicates', level: 1 }).waitFor();
    await expectUsable(page, 'contacts-duplicates-1280');
    await page.getByRole('link', { name: 'Compare Ana Lima and Ana Paula Lima' }).click();
    await page.getByRole('heading', { name: 'Merge Ana Lima and Ana Paula Lima', level: 1 }).waitFor();
    // Defaults: A's value, B's where A has none.
    const name = page.getByRole('group', { name: 'Name' });
    expect(await name.getByRole('radio', { name: /Ana Lima/ }).isChecked()).toBe(true);
    expect(await page.getByRole('group', { name: 'Time zone' }).getByRole('radio', { name: /Europe\/Zurich/ }).isChecked()).toBe(true);
    await name.getByRole('radio', { name: /Ana Paula Lima/ }).check();
    expect(await page.getByRole('group', { name: 'Role or beat' }).getByRole('radio', { name: /Defence/ }).isChecked()).toBe(true);
    await expectUsable(page, 'contacts-merge-1280');

    await page.getByRole('button', { name: 'Merge…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge Ana Paula Lima into Ana Lima?' });
    await dialog.waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Merge' }).click();
    await page.getByRole('heading', { name: 'Ana Paula Lima', level: 1 }).waitFor();
    expect(page.url()).toContain(`/desk/contacts/${a.id}`);
    expect(await page.getByRole('region', { name: 'Likely duplicates' }).innerText()).toContain('Merged into this contact');
    const merged = await db.mediaContact.findUniqueOrThrow({ where: { id: a.id } });
    expect(merged).toMatchObject({ name: 'Ana Paula Lima', role: 'Defence', timeZone: 'Europe/Zurich', email: 'ana.lima@example.org' });
    expect((await db.mediaContact.findUniqueOrThrow({ where: { id: b.id } })).mergedIntoId).toBe(a.id);
    await context.close();

    const narrow = await openConsole(375);
    const c = await db.mediaContact.create({ data: contactColumns(contactData({ name: 'Narrow Duplicate', phones: [{ e164: '+5511912345678', kind: 'cell' }], notes: 'A long note about how this reporter prefers to be reached in the mornings' })) });
    await narrow.page.goto(`${suite.server.base}/desk/contacts/${a.id}/merge/${c.id}`);
    await narrow.page.getByRole('heading', { name: /^Merge / }).waitFor();
    await expectUsable(narrow.page, 'contacts-merge-375');
    await narrow.context.close();
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
