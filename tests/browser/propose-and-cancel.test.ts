// Propose → pick → cancel in real Chromium: the desk offers another time from
// live availability, the reporter picks it on the manage page (booked at
// once), then cancels it.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { browserSuite, seriousAccessibilityViolations, signIn } from './support';

const suite = browserSuite();

const trpc = suite.trpc;

describe('propose, pick and cancel', () => {
  it('the reporter picks the desk’s proposed time, then cancels the booked interview', async () => {
    const kasia = await trpc('spokespeople.get', { id: 'kasia-derlicka-rosenbauer' });
    const from = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
    const slots = await trpc('availability.slots', { spokespersonId: kasia.id, from, to: new Date(Date.parse(from) + 14 * 86_400_000).toISOString(), timeZone: 'Asia/Baku' });
    const created = await trpc(
      'requests.create',
      {
        idempotencyKey: randomUUID(),
        spokespersonId: kasia.id,
        start: slots.days[0].slots[0].start,
        durationMinutes: 30,
        format: 'video',
        language: 'en',
        attribution: 'background',
        topic: 'Treaty accession',
        reporter: { name: 'Leyla Reporter', email: 'leyla@example.org', outlet: 'Radio Example', timeZone: 'Asia/Baku' },
        // Answered before the interview (requests.create refuses a later deadline).
        deadline: slots.days[0].slots[0].start,
      },
      'POST',
    );

    const desk = await (await suite.browser.newContext({ timezoneId: 'Europe/Zurich', viewport: { width: 1280, height: 900 } })).newPage();
    await desk.goto(`${suite.server.base}/desk`);
    await signIn(desk);
    await desk.getByRole('button', { name: `Propose other times for ${created.reference}` }).click();
    const form = desk.getByRole('form', { name: `Propose other times for ${created.reference}` });
    const offered = form.locator('.slot').nth(3);
    await offered.click();
    await form.getByRole('button', { name: 'Send 1 proposed time' }).click();
    await desk.getByText(`Propose times for ${created.reference}: done.`).waitFor();

    const reporter = await (await suite.browser.newContext({ timezoneId: 'Asia/Baku', viewport: { width: 375, height: 800 } })).newPage();
    await reporter.goto(created.manageUrl);
    await reporter.getByRole('heading', { name: 'Proposed times' }).waitFor();
    expect(await seriousAccessibilityViolations(reporter)).toEqual([]);
    await reporter.getByRole('button', { name: 'Pick this time' }).click();
    await reporter.getByText('Status: Confirmed').waitFor();
    expect(await reporter.getByRole('link', { name: 'Download .ics' }).isVisible()).toBe(true);

    await reporter.getByRole('button', { name: 'Cancel the request' }).click();
    await reporter.getByRole('button', { name: 'Yes, cancel it' }).click();
    await reporter.getByText('Status: Cancelled').waitFor();
    const view = await trpc('requests.get', { reference: created.reference, token: created.manageToken });
    expect(view).toMatchObject({ status: 'cancelled', cancelledBy: 'reporter', interview: { status: 'cancelled', inviteSequence: 1 } });
  });
});
