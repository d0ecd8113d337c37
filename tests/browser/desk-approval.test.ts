// A press officer signs in, finds the new request at the top of the queue and
// approves it; the reporter's manage page then says confirmed and its .ics
// download has the right UTC times.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSuite, SCREENSHOT_DIR, seriousAccessibilityViolations, signIn } from './support';

const suite = browserSuite();

const trpc = suite.trpc;

describe('press-office console', () => {
  it('a press officer approves the request at the top of the queue; the reporter sees it confirmed with a correct .ics', async () => {
    const hector = await trpc('spokespeople.get', { id: 'hector-guerra' });
    const from = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
    const slots = await trpc('availability.slots', { spokespersonId: hector.id, from, to: new Date(Date.parse(from) + 14 * 86_400_000).toISOString(), timeZone: 'America/New_York' });
    const slot = slots.days[0].slots[0];
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
        topic: 'Cluster munitions report',
        reporter: { name: 'Dana Reporter', email: 'dana@example.org', outlet: 'Example Wire', timeZone: 'America/New_York' },
        // Sooner than anything else in the queue.
        deadline: new Date(Date.now() + 3_600_000).toISOString(),
      },
      'POST',
    );

    const context = await suite.browser.newContext({ timezoneId: 'Europe/Zurich', locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${suite.server.base}/desk`);
    await signIn(page);
    await page.getByRole('heading', { name: 'Request queue' }).waitFor();
    const top = page.getByRole('list', { name: /Open requests/ }).getByRole('listitem').first();
    expect(await top.getByRole('heading').innerText()).toBe(`${created.reference}: Dana Reporter, Example Wire`);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'console-queue-1280.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await top.getByRole('button', { name: `Approve ${created.reference}` }).click();
    await top.getByRole('button', { name: /^Confirm and book/ }).click();
    await page.getByText(`Approve ${created.reference}: done.`).waitFor();

    const reporter = await suite.browser.newContext({ timezoneId: 'America/New_York', locale: 'en-US', viewport: { width: 375, height: 800 } });
    const manage = await reporter.newPage();
    await manage.goto(created.manageUrl);
    await manage.getByText('Confirmed').waitFor();
    const icsHref = await manage.getByRole('link', { name: 'Download .ics' }).getAttribute('href');
    const ics = await (await fetch(icsHref!)).text();
    const compact = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    expect(ics).toContain(`DTSTART:${compact(slot.start)}`);
    expect(ics).toContain(`DTEND:${compact(slot.end)}`);
    expect(ics).toContain('METHOD:REQUEST');
    await manage.screenshot({ path: join(SCREENSHOT_DIR, 'manage-confirmed-375.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(manage)).toEqual([]);
    await context.close();
    await reporter.close();
  });
});
