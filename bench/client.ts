/**
 * The web client: JavaScript shipped (gzipped) and how long the slot picker
 * takes to show slots after navigation, measured in Debian's Chromium against
 * the real server on localhost.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { clientDistDir } from '../server/client-build';
import { launchChromium, startDemoServer } from '../tests/browser/support';

export async function runClientBench() {
  const server = await startDemoServer();
  const browser = await launchChromium();
  try {
    const assets = join(clientDistDir(), 'assets');
    const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
    const gzipKb = Math.round(scripts.reduce((sum, name) => sum + gzipSync(readFileSync(join(assets, name))).length, 0) / 102.4) / 10;
    const times: number[] = [];
    for (let run = 0; run < 7; run++) {
      const context = await browser.newContext({ timezoneId: 'America/New_York', viewport: { width: 375, height: 800 } });
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${server.base}/book/hector-guerra`);
      await page.locator('.slot').first().waitFor();
      if (run > 1) times.push(performance.now() - started); // the first runs warm the server's caches
      await context.close();
    }
    times.sort((a, b) => a - b);
    return { gzipKb, renderMedianMs: Math.round(times[Math.floor(times.length / 2)]!), renderMaxMs: Math.round(times.at(-1)!) };
  } finally {
    await browser.close();
    await server.close();
  }
}
