// The webhooks console: the admin adds an endpoint (a real receiver on
// 127.0.0.1, allowed by WEBHOOKS_ALLOW_PRIVATE), sees its secret once, sends a
// test event, and sees the delivery in the log; the receiver verifies the
// signature with standardwebhooks.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { browserSuite, demoPassword, SCREENSHOT_DIR, seriousAccessibilityViolations } from './support';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';
import { afterAll, beforeAll } from 'vitest';

const suite = browserSuite({ env: { WEBHOOKS_ALLOW_PRIVATE: '1' } });
let hook: WebhookReceiver;
beforeAll(async () => {
  hook = await startWebhookReceiver();
});
afterAll(() => hook?.close());

describe('webhooks console', () => {
  it('creates an endpoint, shows its secret once, sends a test event and logs the delivery', async () => {
    const context = await suite.browser.newContext({ timezoneId: 'Europe/Zurich', locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${suite.server.base}/desk/webhooks`);
      await page.getByLabel('Email').fill('admin@example.org');
      await page.getByLabel('Password').fill(demoPassword());
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
      await page.getByLabel('Endpoint URL').fill(`${hook.url}/desk-events`);
      await page.getByLabel('Description').fill('Newsroom CRM');
      await page.getByRole('button', { name: 'Add the endpoint' }).click();
      const secretBox = page.getByTestId('webhook-secret');
      await secretBox.waitFor();
      const secret = (await secretBox.textContent())!;
      expect(secret).toMatch(/^whsec_/);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'I have saved it' }).click();
      await secretBox.waitFor({ state: 'detached' });
      await page.reload();
      await page.getByRole('heading', { name: /\/desk-events$/ }).waitFor();
      expect(await page.content()).not.toContain(secret.slice(6));

      await page.getByRole('button', { name: 'Send test event to Newsroom CRM' }).click();
      const log = page.getByRole('region', { name: /Deliveries to/ });
      // The server's outbox worker polls every 2 s; the log refreshes every 5 s.
      await log.getByText('Delivered', { exact: true }).first().waitFor({ timeout: 30_000 });
      await log.getByText('HTTP 204').waitFor();
      await log.getByText('webhook.test').waitFor();
      expect(hook.received).toHaveLength(1);
      expect(new Webhook(secret).verify(hook.received[0]!.body, hook.received[0]!.headers)).toMatchObject({ type: 'webhook.test' });
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'webhooks-1280.png'), fullPage: true });
      await page.setViewportSize({ width: 375, height: 800 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    } finally {
      await context.close();
    }
  });
});
