/**
 * The web client: the JavaScript a reporter's slot-picker page loads (gzipped)
 * and how long it takes to show slots after navigation, measured in Debian's
 * Chromium against the real server on localhost.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { clientDistDir } from '../server/client-build';
import { launchChromium, startDemoServer } from '../tests/browser/support';

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/**
 * Every script the page fetches until the network is quiet, each gzipped here
 * (Chromium hands over the decoded body). Only what this page loads counts:
 * chunks it never imports, such as the press-office console, are not shipped to it.
 */
async function loadedScripts(page: Page, load: () => Promise<void>): Promise<{ name: string; gzipBytes: number }[]> {
  const bodies: Promise<{ name: string; gzipBytes: number }>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    bodies.push(response.body().then((body) => ({ name: new URL(response.url()).pathname, gzipBytes: gzipSync(body).length })));
  });
  await load();
  await page.waitForLoadState('networkidle');
  return Promise.all(bodies);
}

export async function runClientBench() {
  const server = await startDemoServer();
  const browser = await launchChromium();
  try {
    const assets = join(clientDistDir(), 'assets');
    const allScripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
    const allAssetsGzipKb = kb(allScripts.reduce((sum, name) => sum + gzipSync(readFileSync(join(assets, name))).length, 0));
    let reporterScripts: { name: string; gzipBytes: number }[] = [];
    const times: number[] = [];
    for (let run = 0; run < 7; run++) {
      const context = await browser.newContext({ timezoneId: 'America/New_York', viewport: { width: 375, height: 800 } });
      const page = await context.newPage();
      const started = performance.now();
      const load = async () => {
        await page.goto(`${server.base}/book/hector-guerra`);
        await page.locator('.slot').first().waitFor();
        if (run > 1) times.push(performance.now() - started); // the first runs warm the server's caches
      };
      if (run === 0) reporterScripts = await loadedScripts(page, load);
      else await load();
      await context.close();
    }
    times.sort((a, b) => a - b);
    return {
      gzipKb: kb(reporterScripts.reduce((sum, script) => sum + script.gzipBytes, 0)),
      scripts: reporterScripts.map((script) => script.name),
      allAssetsGzipKb,
      renderMedianMs: Math.round(times[Math.floor(times.length / 2)]!),
      renderMaxMs: Math.round(times.at(-1)!),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
