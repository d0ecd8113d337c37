/**
 * Issue #13's budgets for the reporter's booking page, in Debian's Chromium
 * against the real server (demo office) on localhost at 375 px:
 * - first slot on screen: from the start of navigation (the page's own
 *   performance.timeOrigin) to the first slot button laid out with a size (at
 *   375 px the day's slots sit under the month calendar, so it may be below the fold),
 *   recorded inside the page by a MutationObserver installed before any
 *   script runs; 11 runs per language in fresh browser contexts, the first 2
 *   warming the server, median and slowest of the other 9;
 * - the JavaScript the page loads with one language: every script fetched
 *   until the network is quiet and the first view's inline script, gzipped at level 9, for an English, a French
 *   and a Spanish browser (English is bundled; French and Spanish add their
 *   catalogue chunk).
 *
 * Part of `npm run bench` (`npm run bench -- --only=reporter`); on its own,
 * `node --import tsx bench/reporter-booking.ts --write` replaces the
 * "## Reporter booking page (#13)" section of BENCHMARKS.md, leaving the others.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { ensureClientBuild } from '../server/client-build';
import { createLogger } from '../server/logger';
import { launchChromium, startDemoServer } from '../tests/browser/support';

export const REPORTER_BOOKING_BUDGETS = { firstSlotMedianMs: 400, oneLanguageGzipKb: 120 };
const RUNS = 11;
const WARM_UP = 2;
export const REPORTER_BOOKING_TITLE = 'Reporter booking page (#13): first slot on screen and JavaScript with one language';

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Runs in the page before its scripts: the moment (ms since navigation start) the first slot button is visible. */
const FIRST_SLOT_OBSERVER = `(() => {
  const visible = () => [...document.querySelectorAll('.slot')].some((slot) => { const box = slot.getBoundingClientRect(); return box.width > 0 && box.height > 0; });
  const observer = new MutationObserver(() => {
    if (window.__firstSlotMs === undefined && visible()) { window.__firstSlotMs = performance.now(); observer.disconnect(); }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;

async function measureLanguage(browser: Browser, base: string, locale: string) {
  const times: number[] = [];
  let gzipBytes = 0;
  const scripts: string[] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ timezoneId: 'America/New_York', locale, viewport: { width: 375, height: 800 } });
    await context.addInitScript(FIRST_SLOT_OBSERVER);
    const page = await context.newPage();
    const bodies: Promise<void>[] = [];
    if (run === 0) {
      page.on('response', (response) => {
        // The first view's script is inline in the booking page's HTML: counted too.
        if (response.request().resourceType() === 'document') {
          bodies.push(
            response.text().then((html) => {
              for (const [, inline] of html.matchAll(/<script>([^]*?)<\/script>/g)) {
                scripts.push('(inline first view)');
                gzipBytes += gzipSync(inline!, { level: 9 }).length;
              }
            }),
          );
          return;
        }
        if (response.request().resourceType() !== 'script') return;
        scripts.push(new URL(response.url()).pathname);
        bodies.push(response.body().then((body) => void (gzipBytes += gzipSync(body, { level: 9 }).length)));
      });
    }
    await page.goto(`${base}/book/hector-guerra`);
    await page.waitForFunction(() => (window as unknown as { __firstSlotMs?: number }).__firstSlotMs !== undefined, undefined, { timeout: 30_000 });
    if (run === 0) {
      await page.waitForLoadState('networkidle');
      await Promise.all(bodies);
    }
    const firstSlotMs = await page.evaluate(() => (window as unknown as { __firstSlotMs: number }).__firstSlotMs);
    if (run >= WARM_UP) times.push(firstSlotMs);
    await context.close();
  }
  return { locale, gzipKb: kb(gzipBytes), scripts, medianMs: Math.round(median(times)), maxMs: Math.round(Math.max(...times)), runs: times.map(Math.round) };
}

export async function runReporterBookingBench() {
  await ensureClientBuild(createLogger('silent'));
  const server = await startDemoServer();
  const browser = await launchChromium();
  try {
    const results = [];
    for (const locale of ['en-US', 'fr-FR', 'es-ES']) results.push(await measureLanguage(browser, server.base, locale));
    return { results, chromium: browser.version() };
  } finally {
    await browser.close();
    await server.close();
  }
}

type ReporterBookingResult = Awaited<ReturnType<typeof runReporterBookingBench>>;

/** The section's lines (after its heading) for BENCHMARKS.md. */
export function reporterBookingSectionLines(result: ReporterBookingResult, check: (ok: boolean) => string): string[] {
  const b = REPORTER_BOOKING_BUDGETS;
  const name = (path: string) => `\`${path.replace(/^\/assets\//, '').replace(/-[A-Za-z0-9_-]{8}\.js$/, '.js')}\``;
  return [
    '',
    `Chromium ${result.chromium} on localhost, the demo office, \`/book/hector-guerra\` at 375 × 800 px, a reporter in New York. First slot: from the start of navigation to the first slot button laid out (rendered with a size; at 375 px it may sit below the fold, under the month), timed inside the page; ${RUNS} runs per language in fresh contexts, the first ${WARM_UP} warming the server, median and slowest of the other ${RUNS - WARM_UP}. JavaScript: every script the page loads, the first view's inline script included, gzipped at level 9. bench/reporter-booking.ts.`,
    '',
    '| browser language | first slot, median | slowest | runs (ms) | JavaScript, gzipped | scripts | targets |',
    '|---|---|---|---|---|---|---|',
    ...result.results.map(
      (row) =>
        `| ${row.locale} | ${row.medianMs} ms | ${row.maxMs} ms | ${row.runs.join(', ')} | ${row.gzipKb} KB | ${row.scripts.map(name).join(', ')} | ≤ ${b.firstSlotMedianMs} ms: ${check(row.medianMs <= b.firstSlotMedianMs)}; ≤ ${b.oneLanguageGzipKb} KB: ${check(row.gzipKb <= b.oneLanguageGzipKb)} |`,
    ),
    '',
  ];
}

// `node --import tsx bench/reporter-booking.ts [--write]`
if (import.meta.url === `file://${process.argv[1]}`) {
  const check = (ok: boolean) => (ok ? 'met' : '**not met**');
  const loadAtStart = loadavg();
  const result = await runReporterBookingBench();
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
  const load = (values: number[]) => values.map((value) => value.toFixed(1)).join(', ');
  const section = [
    `## ${REPORTER_BOOKING_TITLE}`,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}, load average (1, 5, 15 min) ${load(loadAtStart)} at the start and ${load(loadavg())} at the end (a shared machine: other sessions were running), by \`node --import tsx bench/reporter-booking.ts --write\`.`,
    ...reporterBookingSectionLines(result, check),
  ];
  console.log(section.join('\n'));
  if (process.argv.includes('--write')) {
    const file = new URL('../BENCHMARKS.md', import.meta.url);
    const text = readFileSync(file, 'utf8');
    const heading = '## Reporter booking page (#13)';
    const start = text.indexOf(heading);
    let next: string;
    if (start >= 0) {
      const end = text.indexOf('\n## ', start + heading.length);
      next = `${text.slice(0, start)}${section.join('\n')}\n${end >= 0 ? text.slice(end) : ''}`;
    } else {
      // Before the previous run's copy, so it reads as part of the current figures.
      const previous = text.indexOf('## Previous run');
      next = previous >= 0 ? `${text.slice(0, previous)}${section.join('\n')}\n\n${text.slice(previous)}` : `${text.trimEnd()}\n\n${section.join('\n')}\n`;
    }
    writeFileSync(file, next);
  }
}
