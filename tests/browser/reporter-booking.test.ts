// A reporter in New York books a Zurich spokesperson in real Chromium: the
// slot picker shows New York times with Zurich beside them, a validation error
// lands next to its field, and the request is confirmed on the manage page.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSuite, SCREENSHOT_DIR, seriousAccessibilityViolations } from './support';

const suite = browserSuite();

describe('reporter booking', () => {
  it('books Hector Guerra from New York, with both zones shown and field errors inline', async () => {
    const context = await suite.browser.newContext({ timezoneId: 'America/New_York', locale: 'en-US', viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${suite.server.base}/`);
    await page.getByRole('heading', { name: 'Our spokespeople' }).waitFor();
    await page.getByText('Hector Guerra').first().waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // "Anyone on a topic": only Kasia covers treaty accession.
    await page.getByLabel('Topic', { exact: true }).fill('treaty accession');
    await page.getByRole('button', { name: 'Find who is free' }).click();
    const found = page.getByRole('list', { name: 'Spokespeople, soonest free first' }).getByRole('listitem');
    await found.first().waitFor();
    expect(await found.allInnerTexts()).toEqual([expect.stringMatching(/^Kasia Derlicka-Rosenbauer: free from .+ \(New York\)$/)]);
    await page.getByRole('link', { name: 'Request an interview with Hector Guerra' }).click();
    expect(await page.getByLabel('Your time zone').inputValue()).toBe('America/New_York');
    await page.getByRole('heading', { name: 'Free times, New York time' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'slot-picker-375.png') });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Every slot: New York time first, Zurich time beside it, 6 hours apart in winter.
    const first = page.locator('.slot').first();
    const [newYork, zurich] = (await first.innerText()).split('\n');
    const hours = (text: string) => Number(/(\d{1,2}):\d{2}\s*(AM|PM)/.exec(text)![1]) % 12 + (/PM/.test(text) ? 12 : 0);
    expect(zurich).toMatch(/in Zurich$/);
    expect((hours(zurich!) - hours(newYork!) + 24) % 24).toBe(6);

    await first.click();
    await page.getByLabel('Your name').fill('Dana Reporter');
    await page.getByLabel('Email').fill('dana@example.org');
    await page.getByLabel('Outlet').fill('Example Wire');
    await page.getByLabel('Topic').fill('Cluster munitions');
    await page.getByLabel('Format').selectOption('phone');
    await page.getByRole('button', { name: 'Request an interview' }).click();
    // A phone interview without a number: the server's message, next to the phone field.
    const phone = page.getByLabel('Phone, with country code');
    await page.locator('.field-error').first().waitFor();
    const describedBy = await phone.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).innerText()).toBe('A phone interview needs your phone number');

    await page.getByLabel('Phone, with country code').fill('+1 (202) 555-0104');
    await page.getByRole('button', { name: 'Request an interview' }).click();
    await page.getByRole('heading', { name: /^Interview request IR-/ }).waitFor();
    expect(await page.getByText('Waiting for the press office').isVisible()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'confirmation-375.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(page.url()).toMatch(/\/manage\/IR-[0-9A-Z]{4}\?token=[A-Za-z0-9_-]{43}&new=1$/);
    await context.close();
  });
});
