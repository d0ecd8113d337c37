// The strict Content-Security-Policy (server/app.ts) in real Chromium: the
// reporter's home, a booking page and the signed-in console render, and the
// browser reports no CSP violation on any of them; nor does the API reference,
// which an admin opens from Settings.
import { describe, expect, it } from 'vitest';
import { browserSuite, seriousAccessibilityViolations, signIn } from './support';

const suite = browserSuite();

describe('Content-Security-Policy', () => {
  it('every page renders with no policy violation', async () => {
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(`${suite.server.base}/`);
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.goto(`${suite.server.base}/book/hector-guerra`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.goto(`${suite.server.base}/desk`);
    await signIn(page);
    await page.getByRole('heading', { name: 'Request queue' }).waitFor();
    await page.goto(`${suite.server.base}/desk/planner`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(violations).toEqual([]);
    await page.getByRole('button', { name: /sign out/i }).click();
    await signIn(page, 'admin@example.org');
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'API reference' }).click();
    await page.getByRole('heading', { name: 'GET /trpc/availability.slots' }).waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.method')!).color)).toBe('rgb(255, 255, 255)');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(violations).toEqual([]);
    // The control: an inline script an injection might add is blocked, and reported.
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => violations.length).toBe(1);
    await context.close();
  });
});
