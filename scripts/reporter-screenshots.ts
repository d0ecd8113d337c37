// `node --import tsx scripts/reporter-screenshots.ts`: the reporter's booking
// page (/book/hector-guerra, the demo office) at 375 px and 1280 px, in
// English, French and Spanish, light and dark (prefers-color-scheme), into
// docs/screenshots/reporter/book-<language>-<theme>-<width>.png. Each page in
// the language a link asks for (?lang=), a reporter in New York; the first
// day with free times chosen, as a reporter lands. Viewport-sized PNGs, to keep
// them small. Run again after a visible change to the booking page.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, startDemoServer } from '../tests/browser/support';

const OUT = join(process.cwd(), 'docs', 'screenshots', 'reporter');
const VIEWPORTS = [{ width: 375, height: 800 }, { width: 1280, height: 800 }];
const LANGUAGES = [
  { language: 'en', locale: 'en-US' },
  { language: 'fr', locale: 'fr-CH' },
  { language: 'es', locale: 'es-ES' },
] as const;

mkdirSync(OUT, { recursive: true });
const server = await startDemoServer();
const browser = await launchChromium();
try {
  for (const { language, locale } of LANGUAGES) {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const viewport of VIEWPORTS) {
        const context = await browser.newContext({ timezoneId: 'America/New_York', locale, colorScheme, viewport });
        const page = await context.newPage();
        await page.goto(`${server.base}/book/hector-guerra?lang=${language}`);
        await page.locator('.slot').first().waitFor();
        await page.waitForLoadState('networkidle');
        const file = join(OUT, `book-${language}-${colorScheme}-${viewport.width}.png`);
        await page.screenshot({ path: file });
        console.log(file);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
