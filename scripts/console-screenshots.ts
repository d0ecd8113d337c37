// `node --import tsx scripts/console-screenshots.ts`: screenshots of the main
// console pages at 375 px and 1280 px into docs/screenshots/console/, from the
// demo office on a fresh database (a few requests made first, one approved, so
// the pages have something to show). Viewport-sized PNGs, to keep them small.
// Run again after a visible change to the console.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { callProcedure, demoPassword, launchChromium, startDemoServer } from '../tests/browser/support';

const OUT = join(process.cwd(), 'docs', 'screenshots', 'console');
const WIDTHS = [{ width: 1280, height: 800 }, { width: 375, height: 740 }];

/** Press office pages (signed in as the demo admin), then a spokesperson's home: path, file name, what shows the page has its data. */
const OFFICE_PAGES: { path: string | (() => string); name: string; ready: (page: Page) => Promise<unknown> }[] = [
  { path: '/desk', name: 'queue', ready: (page) => page.getByRole('list', { name: /^Open requests/ }).getByRole('heading', { level: 2 }).first().waitFor() },
  { path: () => interviewPath, name: 'interview', ready: (page) => page.getByRole('heading', { level: 1, name: /^Interview IR-/ }).waitFor() },
  { path: '/desk/planner', name: 'planner', ready: (page) => page.getByRole('heading', { level: 1, name: 'Planner' }).waitFor() },
  { path: '/desk/contacts', name: 'media-contacts', ready: (page) => page.getByRole('link', { name: 'Camille Dufour' }).waitFor() },
  { path: '/desk/spokespeople', name: 'spokespeople', ready: (page) => page.getByRole('list', { name: 'Spokespeople' }).waitFor() },
  { path: '/desk/users', name: 'users', ready: (page) => page.getByRole('list', { name: 'Staff accounts' }).waitFor() },
  // The sections below show their data once the page's own queries are in (networkidle, in shoot).
  { path: '/desk/availability', name: 'availability', ready: (page) => page.getByRole('heading', { level: 1 }).first().waitFor() },
  { path: '/desk/releases', name: 'releases', ready: (page) => page.getByRole('heading', { level: 1 }).first().waitFor() },
  { path: '/desk/calendars', name: 'calendars', ready: (page) => page.getByRole('heading', { level: 1 }).first().waitFor() },
  { path: '/desk/outbox', name: 'outbox', ready: (page) => page.getByRole('heading', { level: 1 }).first().waitFor() },
  { path: '/desk/press-contacts', name: 'press-contacts', ready: (page) => page.getByRole('heading', { level: 1 }).first().waitFor() },
  { path: '/desk/settings', name: 'settings', ready: (page) => page.getByRole('heading', { level: 1 }).first().waitFor() },
  { path: '/desk/webhooks', name: 'webhooks', ready: (page) => page.getByRole('heading', { level: 1 }).first().waitFor() },
];

let interviewPath = '';

async function requestsToShow(base: string) {
  const hector = await callProcedure(base, 'spokespeople.get', { id: 'hector-guerra' });
  const from = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
  const slots = await callProcedure(base, 'availability.slots', { spokespersonId: hector.id, from, to: new Date(Date.parse(from) + 14 * 86_400_000).toISOString(), timeZone: 'UTC' });
  const starts: string[] = slots.days.flatMap((day: { slots: { start: string }[] }) => day.slots.map((slot) => slot.start));
  const reporters = [
    { name: 'Dana Whitfield', email: 'dana.whitfield@example.org', outlet: 'Example Wire', timeZone: 'America/New_York' },
    { name: 'Yuki Mori', email: 'yuki.mori@example.org', outlet: 'Example Shimbun', timeZone: 'Asia/Tokyo' },
    { name: 'Léa Fontaine', email: 'lea.fontaine@example.org', outlet: 'Le Temps Exemple', timeZone: 'Europe/Zurich' },
  ];
  const created = [];
  for (const [index, reporter] of reporters.entries()) {
    const start = starts[index * 6 + 2]!;
    created.push(await callProcedure(base, 'requests.create', {
      idempotencyKey: randomUUID(), spokespersonId: hector.id, start, durationMinutes: 30, format: 'video', language: 'en', attribution: 'on_record', topic: 'Cluster munitions report',
      reporter: { ...reporter, phone: '+12025550104' }, deadline: start,
    }, 'POST'));
  }
  return created as { requestId: string; reference: string }[];
}

async function shoot(browser: Browser, base: string, email: string, pages: typeof OFFICE_PAGES, approve?: string) {
  for (const viewport of WIDTHS) {
    const context = await browser.newContext({ timezoneId: 'Europe/Zurich', locale: 'en-GB', viewport });
    const page = await context.newPage();
    await page.goto(`${base}/desk`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(demoPassword());
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Press office console' }).waitFor();
    if (approve && !interviewPath) {
      // One interview booked the way a press officer books it, for the interview page.
      const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: new RegExp(`^${approve}:`) }) });
      await card.getByRole('button', { name: `Approve ${approve}` }).click();
      await card.getByLabel('Video link').fill('https://meet.example.org/cluster-report');
      await card.getByRole('button', { name: /^Confirm and book/ }).click();
      await page.getByText(`Approve ${approve}: done.`).waitFor();
      await page.goto(`${base}/desk/interviews`);
      await page.getByRole('link', { name: new RegExp(`^${approve}:`) }).click();
      await page.getByRole('heading', { level: 1, name: /^Interview IR-/ }).waitFor();
      interviewPath = new URL(page.url()).pathname;
    }
    for (const entry of pages) {
      await page.goto(`${base}${typeof entry.path === 'string' ? entry.path : entry.path()}`);
      await entry.ready(page);
      await page.waitForLoadState('networkidle');
      const file = join(OUT, `${entry.name}-${viewport.width}.png`);
      await page.screenshot({ path: file });
      console.log(file);
    }
    await context.close();
  }
}

mkdirSync(OUT, { recursive: true });
const server = await startDemoServer();
const browser = await launchChromium();
try {
  const [first] = await requestsToShow(server.base);
  await shoot(browser, server.base, 'admin@example.org', OFFICE_PAGES, first!.reference);
  await shoot(browser, server.base, 'hector.guerra@example.org', [
    { path: '/desk/my-interviews', name: 'spokesperson-my-interviews', ready: (page) => page.getByRole('list', { name: 'Upcoming interviews' }).getByRole('listitem').first().waitFor() },
  ]);
} finally {
  await browser.close();
  await server.close();
}
