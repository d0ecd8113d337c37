// The press officer triages the queue in Zurich: requests by deadline with the
// time left, conflicts named, status filters, a request's details in both
// zones, decline with a reason, proposing another spokesperson's free times,
// and reassigning. What the server then holds is read back through the
// reporter's own requests.get.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callProcedure, demoPassword, launchChromium, SCREENSHOT_DIR, seriousAccessibilityViolations, startDemoServer } from './support';

const VIEWER_ZONE = 'Europe/Zurich';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let server: Awaited<ReturnType<typeof startDemoServer>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;

type Created = { requestId: string; reference: string; manageToken: string };
type Slot = { start: string; end: string };
type Person = { id: string; name: string };

let hector: Person;
let kasia: Person;
let aiko: Person;
let kasiaFirst: Slot;
/** A reporter in New York proposed three of Aiko's times (no chosen slot). */
let proposals: Created;
let proposedStarts: string[];
let booked: Created;
let clashing: Created;
let declineMe: Created;
let reassignMe: Created;
/** Two proposed times from the reporter: the desk books the second. */
let choose: Created;
let chooseStarts: string[];

function trpc(path: string, input: unknown, method: 'GET' | 'POST' = 'GET') {
  return callProcedure(server.base, path, input, method);
}

/** Free slots as the console's picker asks for them: from the current whole hour, 14 days, in Zurich. */
async function freeSlots(spokespersonId: string): Promise<{ days: { date: string; slots: Slot[] }[] }> {
  const from = new Date(Math.floor(Date.now() / HOUR) * HOUR).toISOString();
  return trpc('availability.slots', { spokespersonId, from, to: new Date(Date.parse(from) + 14 * DAY).toISOString(), timeZone: VIEWER_ZONE, duration: 30 });
}

function createRequest(options: { spokespersonId: string; start?: string; proposedStarts?: string[]; deadlineHours: number; reporter: Record<string, string>; extra?: Record<string, unknown> }): Promise<Created> {
  return trpc(
    'requests.create',
    {
      idempotencyKey: randomUUID(),
      spokespersonId: options.spokespersonId,
      ...(options.start ? { start: options.start } : { proposedStarts: options.proposedStarts }),
      durationMinutes: 30,
      format: 'video',
      language: 'en',
      attribution: 'on_record',
      topic: 'Cluster munitions report',
      reporter: { timeZone: 'America/New_York', ...options.reporter },
      deadline: new Date(Date.now() + options.deadlineHours * HOUR).toISOString(),
      ...options.extra,
    },
    'POST',
  );
}

/** The same words the console uses for an instant in a zone (en-GB, as the browser context). */
function dateTime(iso: string, timeZone: string) {
  return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(new Date(iso));
}

const queueList = () => page.getByRole('list', { name: /^Open requests/ });
const card = (reference: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: new RegExp(`^${reference}:`) }) });
/** The slot buttons of one day (YYYY-MM-DD) in a picker, whose group is named by the date in words. */
function slotButtons(scope: ReturnType<Page['locator']>, date: string) {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${date}T00:00:00Z`));
  return scope.getByRole('group', { name, exact: true }).getByRole('button');
}
const status = () => page.getByRole('status').filter({ hasText: 'done' });

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
  context = await browser.newContext({ timezoneId: VIEWER_ZONE, locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await page.goto(`${server.base}/desk`);
  await page.getByLabel('Email').fill('jared.bloch@example.org');
  await page.getByLabel('Password').fill(demoPassword());
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Request queue' }).waitFor();

  hector = await trpc('spokespeople.get', { id: 'hector-guerra' });
  kasia = await trpc('spokespeople.get', { id: 'kasia-derlicka-rosenbauer' });
  // A spokesperson in Tokyo, so the viewer's (Zurich) and the spokesperson's times differ.
  // Created with the press officer's session (the page's cookies), as the console would.
  const response = await page.request.post(`${server.base}/trpc/spokespeople.create`, {
    headers: { origin: server.base },
    data: {
      name: 'Aiko Tanaka',
      title: 'Regional adviser',
      email: 'aiko.tanaka@example.org',
      languages: ['en', 'ja'],
      topics: ['cluster munitions'],
      timeZone: 'Asia/Tokyo',
      formats: ['video', 'phone'],
      allowedDurations: [30],
      minimumNoticeMinutes: 60,
      weeklyRules: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '07:00', end: '22:00' })),
    },
  });
  expect(response.ok()).toBe(true);
  aiko = (await response.json()).result.data;

  const aikoDays = (await freeSlots(aiko.id)).days;
  proposedStarts = [aikoDays[1]!.slots[0]!.start, aikoDays[2]!.slots[3]!.start, aikoDays[3]!.slots[6]!.start];
  // Across days: the first day may be nearly over. At least 8 hours ahead, so
  // every deadline below (2 to 7 hours) lies before its slot, as requests.create requires.
  const later = (slot: { start: string }) => Date.parse(slot.start) > Date.now() + 8 * HOUR;
  const kasiaSlots = (await freeSlots(kasia.id)).days.flatMap((day) => day.slots).filter(later);
  kasiaFirst = kasiaSlots[0]!;
  const hectorFirst = (await freeSlots(hector.id)).days.flatMap((day) => day.slots).filter(later)[0]!;

  // Deadlines 2 to 6 hours away: the queue order is this one.
  proposals = await createRequest({
    spokespersonId: aiko.id,
    proposedStarts,
    deadlineHours: 2,
    reporter: { name: 'Nora Diaz', email: 'nora.diaz@example.org', outlet: 'Example Daily', role: 'Defence correspondent', phone: '+1 202 555 0142', whatsapp: '+1 202 555 0143' },
    extra: { attribution: 'background', topic: 'Stockpiles in the region', questions: 'How many states still hold stockpiles?' },
  });
  booked = await createRequest({ spokespersonId: kasia.id, start: kasiaFirst.start, deadlineHours: 3, reporter: { name: 'Omar Haddad', email: 'omar@example.org', outlet: 'Radio Example' } });
  // Kasia holds no slots, so a second request for the same time is accepted and then clashes.
  clashing = await createRequest({ spokespersonId: kasia.id, start: kasiaFirst.start, deadlineHours: 4, reporter: { name: 'Lea Keller', email: 'lea@example.org', outlet: 'Lakeside Tribune' } });
  declineMe = await createRequest({ spokespersonId: hector.id, start: hectorFirst.start, deadlineHours: 5, reporter: { name: 'Sam Lee', email: 'sam@example.org', outlet: 'Example Wire' } });
  reassignMe = await createRequest({ spokespersonId: kasia.id, start: kasiaSlots[8]!.start, deadlineHours: 6, reporter: { name: 'Ines Costa', email: 'ines@example.org', outlet: 'Example Post' } });
  chooseStarts = [aikoDays[4]!.slots[1]!.start, aikoDays[5]!.slots[2]!.start];
  choose = await createRequest({ spokespersonId: aiko.id, proposedStarts: chooseStarts, deadlineHours: 7, reporter: { name: 'Yuki Mori', email: 'yuki@example.org', outlet: 'Example Shimbun', timeZone: 'Asia/Tokyo' } });
  await page.reload();
  await queueList().waitFor();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('request queue', () => {
  it('lists open requests by deadline with the time left, names conflicts and filters by status', async () => {
    const headings = await queueList().getByRole('heading', { level: 2 }).allInnerTexts();
    expect(headings).toEqual([
      `${proposals.reference}: Nora Diaz, Example Daily`,
      `${booked.reference}: Omar Haddad, Radio Example`,
      `${clashing.reference}: Lea Keller, Lakeside Tribune`,
      `${declineMe.reference}: Sam Lee, Example Wire`,
      `${reassignMe.reference}: Ines Costa, Example Post`,
      `${choose.reference}: Yuki Mori, Example Shimbun`,
    ]);
    expect(await card(proposals.reference).innerText()).toMatch(/Due soon: 1 hour \d+ minutes? left/);
    expect(await card(declineMe.reference).innerText()).toMatch(/4 hours \d+ minutes? left/);

    await card(booked.reference).getByRole('button', { name: `Approve ${booked.reference}` }).click();
    // Nothing is booked until the confirm step is confirmed.
    await card(booked.reference).getByRole('button', { name: /^Confirm and book/ }).click();
    await page.getByText(`Approve ${booked.reference}: done.`).waitFor();
    // The approved request left the open list; the clash is named, with its time in Zurich.
    const clash = card(clashing.reference);
    await clash.getByText('Conflict:').waitFor();
    expect(await queueList().getByRole('heading', { name: new RegExp(`^${booked.reference}:`) }).count()).toBe(0);
    const clashText = await clash.innerText();
    expect(clashText).toContain(`the booked interview ${booked.reference} (Omar Haddad, Radio Example)`);
    const range = new Intl.DateTimeFormat('en-GB', { timeZone: VIEWER_ZONE, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).formatRange(new Date(kasiaFirst.start), new Date(kasiaFirst.end));
    expect(clashText).toContain(`the booked interview ${booked.reference} (Omar Haddad, Radio Example), ${range}`);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'queue-1280.png'), fullPage: true });

    // Approving the clashing request fails with the server's own message.
    await clash.getByRole('button', { name: `Approve ${clashing.reference}` }).click();
    // The confirm step says so before anything is tried…
    await clash.getByRole('status').filter({ hasText: 'already has an interview or a held request at that time' }).waitFor();
    await clash.getByRole('button', { name: /^Confirm and book/ }).click();
    // …and the server refuses it with the same message.
    await expect.poll(() => clash.getByRole('alert').innerText()).toContain('Kasia Derlicka-Rosenbauer already has an interview or a held request at that time');

    // Approved only: the booked one, with its interview time.
    const filters = page.getByRole('group', { name: 'Show requests that are' });
    await filters.getByRole('checkbox', { name: 'Pending' }).uncheck();
    await filters.getByRole('checkbox', { name: /^Proposed/ }).uncheck();
    await filters.getByRole('checkbox', { name: 'Approved' }).check();
    const approvedList = page.getByRole('list', { name: /^Requests: approved/ });
    await approvedList.waitFor();
    expect(await approvedList.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual([`${booked.reference}: Omar Haddad, Radio Example`]);
    expect(await approvedList.innerText()).toContain('Approved: the interview is booked');
    expect(page.url()).toContain('status=approved');
    await page.getByRole('button', { name: 'Open requests only' }).click();
    await queueList().waitFor();
    expect(await queueList().getByRole('heading', { level: 2 }).count()).toBe(5);

    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'queue-375.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('shows a request in full, each proposed time in the viewer’s and the spokesperson’s zones', async () => {
    const item = card(proposals.reference);
    // Approve would book the reporter's first proposal unless another is chosen.
    const choice = item.getByRole('group', { name: /^Time to book/ });
    expect(await choice.getByRole('radio').count()).toBe(3);
    expect(await choice.getByRole('radio').first().isChecked()).toBe(true);

    await item.getByRole('button', { name: `Details of ${proposals.reference}` }).click();
    const detail = item.getByRole('region', { name: `Details of ${proposals.reference}` });
    await detail.waitFor();
    expect(page.url()).toContain(`request=${proposals.requestId}`);
    const text = await detail.innerText();
    for (const expected of ['Nora Diaz', 'Example Daily', 'Defence correspondent', 'nora.diaz@example.org', '+12025550142', '+12025550143', 'Video call', 'English', 'Background', 'Stockpiles in the region', 'How many states still hold stockpiles?', 'New York (America/New_York)']) {
      expect(text).toContain(expected);
    }
    expect(await detail.getByRole('link', { name: 'nora.diaz@example.org' }).getAttribute('href')).toBe('mailto:nora.diaz@example.org');
    const times = detail.getByRole('table');
    expect(await times.getByRole('columnheader').allInnerTexts()).toEqual(['What', 'Your time (Zurich)', 'Spokesperson’s time', 'Reporter’s time (New York)']);
    for (const [index, start] of proposedStarts.entries()) {
      const row = times.getByRole('row', { name: new RegExp(`^Reporter’s proposal ${index + 1} of 3`) });
      expect(await row.getByRole('cell').allInnerTexts()).toEqual([dateTime(start, VIEWER_ZONE), `${dateTime(start, 'Asia/Tokyo')} (Tokyo)`, dateTime(start, 'America/New_York')]);
    }
    expect(await times.getByRole('rowheader').first().innerText()).toMatch(/^Deadline \(Due soon: 1 hour \d+ minutes? left\)$/);

    await page.screenshot({ path: join(SCREENSHOT_DIR, 'queue-detail-1280.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // The same view from a link.
    await page.goto(`${server.base}/desk?request=${proposals.requestId}`);
    await page.getByRole('region', { name: `Details of ${proposals.reference}` }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`${proposals.reference}: Nora Diaz, Example Daily`);
    await card(proposals.reference).getByRole('button', { name: `Details of ${proposals.reference}` }).click();
    expect(await page.getByRole('region', { name: /^Details of/ }).count()).toBe(0);
  });

  it('declining needs a reason: the server’s message shows beside the field; with one, the reporter sees it', async () => {
    const item = card(declineMe.reference);
    await item.getByRole('button', { name: `Decline ${declineMe.reference}` }).click();
    const reason = item.getByRole('textbox', { name: 'Reason for the reporter' });
    await reason.waitFor();
    expect(await reason.evaluate((element) => element === document.activeElement)).toBe(true);
    await item.getByRole('button', { name: 'Send the decline' }).click();
    const error = item.locator('.field-error');
    await error.waitFor();
    expect(await error.innerText()).toBe('Give the reporter a reason');
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect((await reason.getAttribute('aria-describedby'))!.split(' ')).toContain(await error.getAttribute('id'));
    expect((await trpc('requests.get', { reference: declineMe.reference, token: declineMe.manageToken })).status).toBe('pending');

    const why = 'Hector is travelling all week; please ask again next month.';
    await reason.fill(why);
    await item.getByRole('button', { name: 'Send the decline' }).click();
    await status().getByText(`Decline ${declineMe.reference}: done.`).waitFor();
    const view = await trpc('requests.get', { reference: declineMe.reference, token: declineMe.manageToken });
    expect(view).toMatchObject({ status: 'declined', statusReason: why });
    // It left the open list, and focus moved to the next request down.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(`${reassignMe.reference}: Ines Costa, Example Post`);
    expect(await queueList().getByRole('heading', { name: new RegExp(`^${declineMe.reference}:`) }).count()).toBe(0);
  });

  it('proposes free times of another spokesperson; the reporter is offered exactly those', async () => {
    const item = card(proposals.reference);
    await item.getByRole('button', { name: `Propose other times for ${proposals.reference}` }).click();
    const form = item.getByRole('form', { name: `Propose other times for ${proposals.reference}` });
    await form.getByLabel('Spokesperson').selectOption(kasia.id);
    const kasiaDays = (await freeSlots(kasia.id)).days;
    const firstDay = slotButtons(form, kasiaDays[0]!.date);
    await firstDay.first().waitFor();
    // The picker shows live availability: the slot booked above is not offered.
    expect(await firstDay.count()).toBe(kasiaDays[0]!.slots.length);
    expect(kasiaDays[0]!.slots.map((slot) => slot.start)).not.toContain(kasiaFirst.start);
    // The first two free times, whichever days they fall on.
    const firstTwo = kasiaDays.flatMap((day) => day.slots.map((slot, index) => ({ date: day.date, index, slot }))).slice(0, 2);
    for (const pick of firstTwo) await slotButtons(form, pick.date).nth(pick.index).click();
    expect(await slotButtons(form, firstTwo[0]!.date).nth(firstTwo[0]!.index).getAttribute('aria-pressed')).toBe('true');
    await form.getByRole('heading', { name: 'Times to offer (2 of 3)' }).waitFor();
    await form.getByLabel('Message to the reporter (optional)').fill('Kasia follows the stockpile figures closely.');
    await item.screenshot({ path: join(SCREENSHOT_DIR, 'queue-propose-1280.png') });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Send 2 proposed times' }).click();
    await status().getByText(`Propose times for ${proposals.reference}: done.`).waitFor();

    const view = await trpc('requests.get', { reference: proposals.reference, token: proposals.manageToken });
    expect(view.status).toBe('proposed');
    expect(view.proposalMessage).toBe('Kasia follows the stockpile figures closely.');
    const offered = view.proposals.filter((proposal: { by: string }) => proposal.by === 'desk');
    expect(offered.map((proposal: { spokespersonId: string; start: { utc: string } }) => [proposal.spokespersonId, Date.parse(proposal.start.utc)])).toEqual(firstTwo.map((pick) => [kasia.id, Date.parse(pick.slot.start)]));
    // Still open (waiting for the reporter), so it keeps focus and says what was offered.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(`${proposals.reference}: Nora Diaz, Example Daily`);
    expect(await item.innerText()).toContain('Proposed: waiting for the reporter');
    expect(await item.innerText()).toContain('(with Kasia Derlicka-Rosenbauer)');
  });

  it('approves the reporter’s proposal chosen among several, after the confirm step', async () => {
    const item = card(choose.reference);
    const choice = item.getByRole('group', { name: /^Time to book/ });
    expect(await choice.getByRole('radio').first().isChecked()).toBe(true);
    await choice.getByRole('radio', { name: new RegExp(`^${dateTime(chooseStarts[1]!, VIEWER_ZONE)}`) }).check();
    await item.getByRole('button', { name: `Approve ${choose.reference}` }).click();
    await item.getByRole('button', { name: /^Confirm and book/ }).click();
    await status().getByText(`Approve ${choose.reference}: done. Interview booked for ${dateTime(chooseStarts[1]!, VIEWER_ZONE)}`).waitFor();
    const view = await trpc('requests.get', { reference: choose.reference, token: choose.manageToken });
    expect(view.status).toBe('approved');
    expect(Date.parse(view.interview.start.utc)).toBe(Date.parse(chooseStarts[1]!));
  });

  it('reassigns a request to another spokesperson at one of their free times', async () => {
    const item = card(reassignMe.reference);
    await item.getByRole('button', { name: `Reassign ${reassignMe.reference}` }).click();
    const form = item.getByRole('form', { name: `Reassign ${reassignMe.reference}` });
    await form.getByLabel('Reassign to').selectOption(aiko.id);
    const aikoDay = (await freeSlots(aiko.id)).days[1]!;
    const target = aikoDay.slots[2]!;
    await slotButtons(form, aikoDay.date).nth(2).click();
    expect(await form.innerText()).toContain(`${dateTime(target.start, VIEWER_ZONE)} · ${dateTime(target.start, 'Asia/Tokyo')} for Aiko in Tokyo`);
    await form.getByRole('button', { name: `Reassign ${reassignMe.reference} to Aiko Tanaka` }).click();
    await status().getByText(`Reassign ${reassignMe.reference}: done.`).waitFor();

    const view = await trpc('requests.get', { reference: reassignMe.reference, token: reassignMe.manageToken });
    expect(view.status).toBe('pending');
    expect(view.spokesperson).toMatchObject({ id: aiko.id, name: 'Aiko Tanaka', timeZone: 'Asia/Tokyo' });
    expect(Date.parse(view.requested.start.utc)).toBe(Date.parse(target.start));
    await expect.poll(() => item.innerText()).toContain('With: Aiko Tanaka');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
