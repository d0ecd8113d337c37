// A reporter asks to move a confirmed interview from the manage page (live
// free times), the press officer approves it in the queue, and the manage page
// and the invite show the new time; then the reporter cancels in the page,
// with a reason, and the page keeps showing what was cancelled.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { browserSuite, demoPassword, SCREENSHOT_DIR, seriousAccessibilityViolations, signIn } from './support';

const suite = browserSuite();

async function asStaff(path: string, input: unknown) {
  const login = await fetch(`${suite.server.base}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'jared.bloch@example.org', password: demoPassword() }) });
  const cookie = /desk_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')![0];
  const response = await fetch(`${suite.server.base}/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(input) });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error.message);
  return body.result.data;
}

describe('reporter moves and cancels', () => {
  it('asks to move a confirmed interview; once the desk approves, the manage page and the invite show the new time; cancelling keeps it on the page', async () => {
    const hector = await suite.trpc('spokespeople.get', { id: 'hector-guerra' });
    const from = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
    const slots = await suite.trpc('availability.slots', { spokespersonId: hector.id, from, to: new Date(Date.parse(from) + 14 * 86_400_000).toISOString(), timeZone: 'America/New_York' });
    const first = slots.days[0].slots[0].start as string;
    const created = await suite.trpc(
      'requests.create',
      {
        idempotencyKey: randomUUID(),
        spokespersonId: hector.id,
        start: first,
        durationMinutes: 30,
        format: 'video',
        language: 'en',
        attribution: 'on_record',
        topic: 'Cluster munitions',
        reporter: { name: 'Mover Reporter', email: 'mover@example.org', outlet: 'Example Wire', timeZone: 'America/New_York' },
        deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
      'POST',
    );
    await asStaff('desk.requests.approve', { requestId: created.requestId });

    const reporter = await (await suite.browser.newContext({ timezoneId: 'America/New_York', locale: 'en-US', viewport: { width: 375, height: 800 } })).newPage();
    await reporter.goto(created.manageUrl);
    await reporter.getByText('Status: Confirmed').waitFor();
    await reporter.getByRole('button', { name: 'Ask to move the interview' }).click();
    await reporter.getByRole('heading', { name: 'Another time, New York time' }).waitFor();
    // Another day than the booked one: the second free day in the calendar.
    await reporter.locator('button.day.free').nth(1).click();
    const slot = reporter.locator('.slot').first();
    await slot.waitFor();
    const newTime = (await slot.innerText()).split('\n')[0]!;
    await slot.click();
    await reporter.getByRole('button', { name: 'Ask to move to this time' }).click();
    await reporter.getByText('The press office has been asked to move your interview. The new time is held for you until they answer.').waitFor();
    const asked = reporter.locator('p').filter({ hasText: /^You asked to move it to/ });
    await asked.waitFor();
    expect(await asked.innerText()).toContain(newTime);
    expect(await seriousAccessibilityViolations(reporter)).toEqual([]);
    const stored = await suite.server.database.prisma.interviewRequest.findUniqueOrThrow({ where: { id: created.requestId }, select: { moveStart: true } });
    const newStart = stored.moveStart!.toISOString();

    // The press officer sees the move in the queue and approves it.
    const desk = await (await suite.browser.newContext({ timezoneId: 'Europe/Zurich', viewport: { width: 1280, height: 900 } })).newPage();
    await desk.goto(`${suite.server.base}/desk`);
    await signIn(desk);
    await desk.getByRole('button', { name: `Approve the move of ${created.reference}` }).click();
    await desk.getByText(new RegExp(`Move ${created.reference}: done`)).waitFor();

    await reporter.reload();
    const interview = reporter.locator('p').filter({ hasText: /^Interview:/ });
    await interview.waitFor();
    expect(await interview.innerText()).toContain(newTime);
    expect(await reporter.locator('p').filter({ hasText: /^You asked to move it to/ }).count()).toBe(0);
    // The invite: same UID, SEQUENCE 1, the new start.
    const ics = await (await fetch((await reporter.getByRole('link', { name: 'Download .ics' }).getAttribute('href'))!)).text();
    expect(ics).toContain(`DTSTART:${newStart.replace(/[-:]/g, '').replace('.000', '')}`);
    expect(ics).toMatch(/SEQUENCE:1\r?\n/);
    await reporter.screenshot({ path: join(SCREENSHOT_DIR, 'manage-moved-375.png'), fullPage: true });

    // Cancelling asks in the page, with an optional reason, and keeps what was cancelled in view.
    let dialogs = 0;
    reporter.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await reporter.getByRole('button', { name: 'Cancel the request' }).click();
    await reporter.getByRole('heading', { name: 'Cancel this interview?' }).waitFor();
    expect(await reporter.getByLabel('Reason for the press office (optional)').evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await seriousAccessibilityViolations(reporter)).toEqual([]);
    await reporter.getByRole('button', { name: 'Keep it' }).click();
    expect(await reporter.getByRole('button', { name: 'Cancel the request' }).evaluate((element) => element === document.activeElement)).toBe(true);
    await reporter.getByRole('button', { name: 'Cancel the request' }).click();
    await reporter.getByLabel('Reason for the press office (optional)').fill('The story was dropped');
    await reporter.getByRole('button', { name: 'Yes, cancel it' }).click();
    await reporter.getByText('Status: Cancelled').waitFor();
    expect(await reporter.getByText('Reason: The story was dropped').isVisible()).toBe(true);
    const cancelled = reporter.locator('p').filter({ hasText: /^Cancelled interview:/ });
    expect(await cancelled.innerText()).toContain(newTime);
    expect(dialogs).toBe(0);
    expect(await seriousAccessibilityViolations(reporter)).toEqual([]);
    await reporter.screenshot({ path: join(SCREENSHOT_DIR, 'manage-cancelled-375.png'), fullPage: true });
  });
});
