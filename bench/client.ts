/**
 * The web client, measured in Debian's Chromium against the real server on
 * localhost: the JavaScript a reporter's booking page loads (gzipped, in
 * English and with one other language), how long it takes to show slots, the
 * press-office console's chunk, and the console's first screen after sign-in
 * (submitting the form to the request queue shown with its requests).
 *
 * Part of `npm run bench` (`npm run bench -- --only=client`); on its own,
 * `node --import tsx bench/client.ts` prints the section and `--write`
 * replaces the "Web client" section of BENCHMARKS.md, leaving the others.
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { clientDistDir, ensureClientBuild } from '../server/client-build';
import { createLogger } from '../server/logger';
import { callProcedure, demoPassword, launchChromium, startDemoServer } from '../tests/browser/support';

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Budgets: #11 (reporter pages ≤ 100 KB, console first screen ≤ 1 s) and #13 (booking page ≤ 120 KB with one language, first slot ≤ 400 ms). */
export const CLIENT_BUDGETS = { reporterGzipKb: 100, reporterOneLanguageGzipKb: 120, slotsMs: 400, consoleFirstScreenMs: 1000 };

/**
 * Every script the page fetches until the network is quiet, each gzipped here
 * (Chromium hands over the decoded body). Only what this page loads counts:
 * chunks it never imports, such as the press-office console, are not shipped to it.
 */
async function loadedScripts(page: Page, load: () => Promise<void>): Promise<{ name: string; gzipBytes: number }[]> {
  const bodies: Promise<{ name: string; gzipBytes: number }>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    bodies.push(response.body().then((body) => ({ name: new URL(response.url()).pathname, gzipBytes: gzipSync(body, { level: 9 }).length })));
  });
  await load();
  await page.waitForLoadState('networkidle');
  return Promise.all(bodies);
}

/** The booking page's scripts in a browser whose language is `locale`, and the time to its first slot over 7 runs (the first 2 warm caches). */
async function bookingPage(browser: Browser, base: string, locale: string) {
  let scripts: { name: string; gzipBytes: number }[] = [];
  const times: number[] = [];
  for (let run = 0; run < 7; run++) {
    const context = await browser.newContext({ timezoneId: 'America/New_York', locale, viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const started = performance.now();
    const load = async () => {
      await page.goto(`${base}/book/hector-guerra`);
      await page.locator('.slot').first().waitFor();
      if (run > 1) times.push(performance.now() - started);
    };
    if (run === 0) scripts = await loadedScripts(page, load);
    else await load();
    await context.close();
  }
  return { gzipKb: kb(scripts.reduce((sum, script) => sum + script.gzipBytes, 0)), scripts: scripts.map((script) => script.name), slotsMedianMs: Math.round(median(times)), slotsMaxMs: Math.round(Math.max(...times)) };
}

/** Five open requests, so the queue's first screen has something to show (the demo office starts with none); slots apart, clear of each other's buffers. */
async function fillQueue(base: string) {
  const hector = await callProcedure(base, 'spokespeople.get', { id: 'hector-guerra' });
  const from = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
  const slots = await callProcedure(base, 'availability.slots', { spokespersonId: hector.id, from, to: new Date(Date.parse(from) + 14 * 86_400_000).toISOString(), timeZone: 'UTC' });
  const starts = slots.days.flatMap((day: { slots: { start: string }[] }) => day.slots).map((slot: { start: string }) => slot.start).filter((_: string, index: number) => index % 6 === 3).slice(0, 5);
  for (const [index, start] of starts.entries()) {
    await callProcedure(base, 'requests.create', {
      idempotencyKey: randomUUID(), spokespersonId: hector.id, start, durationMinutes: 30, format: 'phone', language: 'en', attribution: 'on_record', topic: `Bench request ${index}`,
      reporter: { name: `Bench Reporter ${index}`, email: `bench.${index}@example.org`, outlet: 'Example Wire', phone: '+12025550104', timeZone: 'Europe/Paris' }, deadline: start,
    }, 'POST');
  }
}

/**
 * Sign-in to the console's first screen: from clicking "Sign in" (form filled,
 * the console chunk already loaded by the sign-in page) to the request queue
 * showing its first request. 9 runs in fresh contexts, the first 2 warming the
 * server; also the scripts the console's first screen loads.
 */
/**
 * Runs in the console page before its scripts: the moment the sign-in form is
 * submitted (the user's click, after any time the test driver spends checking
 * the button) and the moment the queue's first request heading is in the
 * document with a size. Timed in the page, so the driver's own round trips
 * (tens of milliseconds each) are not counted.
 */
const FIRST_SCREEN_OBSERVER = `(() => {
  document.addEventListener('submit', () => { window.__submitAt = performance.now(); }, true);
  const shown = () => [...document.querySelectorAll('ol.queue h2')].some((heading) => { const box = heading.getBoundingClientRect(); return box.width > 0 && box.height > 0; });
  const observer = new MutationObserver(() => {
    if (window.__submitAt !== undefined && window.__shownAt === undefined && shown()) { window.__shownAt = performance.now(); observer.disconnect(); }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;

async function consoleFirstScreen(browser: Browser, base: string) {
  const times: number[] = [];
  // From the sign-in answer (the password check, scrypt N=2^15 by design) to the queue shown: the console's own part.
  const afterSignIn: number[] = [];
  let scripts: { name: string; gzipBytes: number }[] = [];
  for (let run = 0; run < 9; run++) {
    const context = await browser.newContext({ timezoneId: 'Europe/Zurich', locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    await context.addInitScript(FIRST_SCREEN_OBSERVER);
    const page = await context.newPage();
    const signIn = async () => {
      await page.goto(`${base}/desk`);
      await page.getByLabel('Email').fill('jared.bloch@example.org');
      await page.getByLabel('Password').fill(demoPassword());
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('list', { name: /^Open requests/ }).getByRole('heading', { level: 2 }).first().waitFor();
      // Read inside the page: the moments of the submit, the sign-in answer and the first request shown.
      const moments = await page.evaluate(() => {
        const marks = window as unknown as { __submitAt: number; __shownAt: number };
        const login = performance.getEntriesByType('resource').find((entry) => entry.name.includes('/trpc/auth.login')) as PerformanceResourceTiming;
        return { submitted: marks.__submitAt, answered: login.responseEnd, shown: marks.__shownAt };
      });
      if (run > 1) {
        times.push(moments.shown - moments.submitted);
        afterSignIn.push(moments.shown - moments.answered);
      }
    };
    if (run === 0) scripts = await loadedScripts(page, signIn);
    else await signIn();
    await context.close();
  }
  return { gzipKb: kb(scripts.reduce((sum, script) => sum + script.gzipBytes, 0)), scripts: scripts.map((script) => script.name), medianMs: Math.round(median(times)), maxMs: Math.round(Math.max(...times)), runs: times.map(Math.round), afterSignInMedianMs: Math.round(median(afterSignIn)) };
}

export async function runClientBench() {
  await ensureClientBuild(createLogger('silent'));
  const server = await startDemoServer();
  const browser = await launchChromium();
  try {
    const assets = join(clientDistDir(), 'assets');
    const allScripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
    const gzipOf = (name: string) => gzipSync(readFileSync(join(assets, name)), { level: 9 }).length;
    const allAssetsGzipKb = kb(allScripts.reduce((sum, name) => sum + gzipOf(name), 0));
    const consoleChunkGzipKb = kb(allScripts.filter((name) => name.startsWith('console-')).reduce((sum, name) => sum + gzipOf(name), 0));
    const english = await bookingPage(browser, server.base, 'en-US');
    const french = await bookingPage(browser, server.base, 'fr-FR');
    await fillQueue(server.base);
    const desk = await consoleFirstScreen(browser, server.base);
    return { english, french, allAssetsGzipKb, consoleChunkGzipKb, desk };
  } finally {
    await browser.close();
    await server.close();
  }
}

type ClientResult = Awaited<ReturnType<typeof runClientBench>>;

/** The "Web client" section's lines for BENCHMARKS.md. */
export function clientSectionLines(client: ClientResult, check: (ok: boolean) => string): string[] {
  const b = CLIENT_BUDGETS;
  const list = (names: string[]) => names.map((name) => `\`${name.replace(/^\/assets\//, '').replace(/-[A-Za-z0-9_-]{8}\.js$/, '.js')}\``).join(', ');
  return [
    '',
    'Chromium on localhost, the demo office; scripts gzipped at level 9 as loaded by the page (chunks a page never imports are not counted). bench/client.ts. Sizes are exact; times stretch with the machine\'s load (2 cores shared by several sessions: see the load average), so compare them only with figures measured at a similar load.',
    '',
    '| page | JavaScript, gzipped | scripts | time | target |',
    '|---|---|---|---|---|',
    `| reporter booking page, English | ${client.english.gzipKb} KB | ${list(client.english.scripts)} | first slot ${client.english.slotsMedianMs} ms median, slowest ${client.english.slotsMaxMs} ms (375 px, 5 warm runs) | ≤ ${b.reporterGzipKb} KB: ${check(client.english.gzipKb <= b.reporterGzipKb)}; ≤ ${b.slotsMs} ms: ${check(client.english.slotsMedianMs <= b.slotsMs)} |`,
    `| reporter booking page, French browser (one more language) | ${client.french.gzipKb} KB | ${list(client.french.scripts)} | first slot ${client.french.slotsMedianMs} ms median | ≤ ${b.reporterOneLanguageGzipKb} KB: ${check(client.french.gzipKb <= b.reporterOneLanguageGzipKb)} |`,
    `| console, first screen after sign-in | ${client.desk.gzipKb} KB (the console chunk alone: ${client.consoleChunkGzipKb} KB) | ${list(client.desk.scripts)} | ${client.desk.medianMs} ms median, slowest ${client.desk.maxMs} ms (7 warm runs: ${client.desk.runs.join(', ')} ms); from the sign-in answer to the queue shown: ${client.desk.afterSignInMedianMs} ms median | ≤ ${b.consoleFirstScreenMs} ms: ${check(client.desk.medianMs <= b.consoleFirstScreenMs)} |`,
    '',
    `Console first screen: from the sign-in form's submit event (the click, form filled) until the request queue shows its first request (five open requests, 1280 px, a fresh browser context each run), both moments taken inside the page (performance.now(); the sign-in answer from its resource timing), so the test driver's own round trips are not counted. Most of it is the password check (scrypt, N = 2^15, r = 8: about 180 ms on one idle core of this machine, slow on purpose), which stretches with the machine's load; the rest is the console's own part (the login answers who signed in, so the queue and the spokespeople follow in one batched request, then rendering). All chunks built, every language and the zone data included: ${client.allAssetsGzipKb} KB.`,
    '',
  ];
}

// `node --import tsx bench/client.ts [--write]`
if (import.meta.url === `file://${process.argv[1]}`) {
  const check = (ok: boolean) => (ok ? 'met' : '**not met**');
  const result = await runClientBench();
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
  const section = ['## Web client', '', `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}, load average ${loadavg().map((value) => value.toFixed(1)).join(', ')} at the end, by \`node --import tsx bench/client.ts --write\`.`, ...clientSectionLines(result, check)];
  console.log(section.join('\n'));
  if (process.argv.includes('--write')) {
    const file = new URL('../BENCHMARKS.md', import.meta.url);
    const text = readFileSync(file, 'utf8');
    // The first "## Web client" section (the current run), up to the next section.
    const replaced = text.replace(/## Web client\n[\s\S]*?(?=\n## )/, `${section.join('\n')}\n`);
    if (replaced === text) throw new Error('BENCHMARKS.md has no "## Web client" section to replace');
    writeFileSync(file, replaced);
  }
}
