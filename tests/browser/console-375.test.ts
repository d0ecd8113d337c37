// Every console section, as each role sees it, on a 375 px phone: nothing
// scrolls sideways, each page names itself in <title>, and axe finds nothing
// serious. The sections are read from the role's own navigation, so a section
// added later is walked too.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, pageScrollWidth, seriousAccessibilityViolations, signIn } from './support';

const suite = browserSuite();

const logins = [
  { role: 'admin', email: 'admin@example.org' },
  { role: 'press_officer', email: 'jared.bloch@example.org' },
  { role: 'spokesperson', email: 'hector.guerra@example.org' },
] as const;

async function phonePage(email: string): Promise<Page> {
  const context = await suite.browser.newContext({ viewport: { width: 375, height: 800 }, timezoneId: 'Asia/Kathmandu', locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${suite.server.base}/desk`);
  await signIn(page, email);
  await page.getByRole('navigation', { name: 'Press office console' }).waitFor();
  return page;
}

describe('the console at 375 px', () => {
  for (const login of logins) {
    it(`every section a ${login.role.replace('_', ' ')} can open fits the screen, has its own title and no serious axe finding`, async () => {
      const page = await phonePage(login.email);
      const nav = page.getByRole('navigation', { name: 'Press office console' });
      const mine = await nav.getByRole('link').evaluateAll((links) => links.map((link) => ({ path: new URL((link as HTMLAnchorElement).href).pathname, label: link.textContent!.trim() })));
      expect(mine.length).toBeGreaterThan(2);
      const titles = new Set<string>();
      for (const section of mine) {
        await page.goto(`${suite.server.base}${section.path}`);
        await page.getByRole('navigation', { name: 'Press office console' }).waitFor();
        // Wait for the section's own content: its heading, and no loading line left.
        await page.locator('main h1').first().waitFor();
        await page.waitForFunction(() => !document.querySelector('main [role="status"]')?.textContent?.startsWith('Loading'), undefined, { timeout: 15_000 }).catch(() => {});
        await expect.poll(() => page.title(), { message: section.path }).toContain(section.label);
        titles.add(await page.title());
        expect(await pageScrollWidth(page), `${section.path} scrolls sideways`).toBeLessThanOrEqual(375);
        expect(await seriousAccessibilityViolations(page), section.path).toEqual([]);
      }
      expect(titles.size).toBe(mine.length);
      await page.context().close();
    });
  }
});
