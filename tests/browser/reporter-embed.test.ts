// The booking widget on a page served from another origin (the press
// office's own website): one script tag, a frame sized to its content, the
// whole booking inside it, and no other page of the desk frameable.
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, SCREENSHOT_DIR, signIn } from './support';

const suite = browserSuite();
let site: Server;
let siteBase = '';
let topicSnippet = '';
let releaseSnippet = '';

beforeAll(async () => {
  // The office's website: another port, so another origin.
  // One page per widget kind: /topic and /release carry the snippets the console shows, pasted as they are.
  site = createServer((request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    const widget = request.url === '/topic' ? topicSnippet : request.url === '/release' ? releaseSnippet : `<script src="${suite.server.base}/embed.js" data-spokesperson="hector-guerra" data-language="es" data-title="Solicitar una entrevista" async></script>`;
    response.end(`<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Coalition news</title></head>
<body><h1>Talk to our director</h1>
${widget}
<p id="after">Footer of the office's page</p></body></html>`);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const address = site.address();
  siteBase = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => site.close(() => resolve())));

describe('booking widget', () => {
  it('books from inside another site’s page, in the language the site asked for, in a frame sized to its content', async () => {
    const context = await suite.browser.newContext({ timezoneId: 'America/Bogota', locale: 'en-US', viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(siteBase);
    const frameElement = page.locator('iframe[title="Solicitar una entrevista"]');
    const frame = page.frameLocator('iframe[title="Solicitar una entrevista"]');
    await frame.getByRole('heading', { name: 'Solicitar una entrevista con Hector Guerra' }).waitFor();
    await frame.locator('.slot').first().waitFor();
    expect(new URL((await frameElement.getAttribute('src'))!).origin).toBe(suite.server.base);
    expect(new URL(page.url()).origin).not.toBe(suite.server.base);
    // No site header inside the widget.
    expect(await frame.locator('.site-header').count()).toBe(0);

    // The frame grows to its content: nothing scrolls inside it.
    const fits = async () => {
      const inner = await frame.locator('html').evaluate((element) => element.scrollHeight);
      const outer = await frameElement.evaluate((element) => element.getBoundingClientRect().height);
      return Math.abs(inner - outer) <= 2 && outer > 640;
    };
    await expect.poll(fits, { timeout: 10_000 }).toBe(true);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'widget-es-375.png'), fullPage: true });

    await frame.locator('.slot').first().click();
    await frame.getByRole('heading', { name: /^Su solicitud: / }).waitFor();
    await frame.getByLabel('Su nombre', { exact: true }).fill('Camila Periodista');
    await frame.getByLabel('Correo electrónico', { exact: true }).fill('camila@example.org');
    await frame.getByLabel('Medio', { exact: true }).fill('Ejemplo Noticias');
    await frame.getByLabel('Tema', { exact: true }).fill('Municiones en racimo');
    await frame.getByRole('button', { name: 'Solicitar la entrevista' }).click();
    await frame.getByRole('heading', { name: /^Solicitud de entrevista IR-/ }).waitFor();
    const stored = await suite.server.database.prisma.interviewRequest.findFirstOrThrow({ where: { reporterEmail: 'camila@example.org' }, select: { reporterLocale: true, reporterTimeZone: true, status: true } });
    expect(stored).toEqual({ reporterLocale: 'es', reporterTimeZone: 'America/Bogota', status: 'pending' });
    // The frame follows the shorter confirmation page.
    await expect.poll(fits, { timeout: 10_000 }).toBe(true);
    await context.close();
  });

  it('only the widget’s pages may be framed', async () => {
    const widget = await fetch(`${suite.server.base}/embed/book/hector-guerra`);
    expect(widget.headers.get('x-frame-options')).toBeNull();
    // Framed anywhere, but the rest of the policy holds inside the frame: own scripts (and the first view's, by hash), own API.
    const policy = new Map((widget.headers.get('content-security-policy') ?? '').split(';').map((directive) => directive.trim().split(/\s+/)).map(([name, ...values]) => [name!, values.join(' ')]));
    expect(policy.get('frame-ancestors')).toBe('*');
    expect(policy.get('script-src')).toMatch(/^'self' 'sha256-[A-Za-z0-9+/]+=*'$/);
    expect(policy.get('connect-src')).toBe("'self'");
    for (const path of ['/book/hector-guerra', '/manage/IR-AAAA', '/desk', '/']) {
      const response = await fetch(`${suite.server.base}${path}`);
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });

  it('the console shows a copy-paste snippet per spokesperson, topic and release, and each works on another site', async () => {
    const context = await suite.browser.newContext({ timezoneId: 'Europe/Zurich', locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.base });
    const desk = await context.newPage();
    await desk.goto(`${suite.server.base}/desk/spokespeople`);
    await signIn(desk);
    await desk.getByRole('list', { name: 'Spokespeople' }).getByRole('link', { name: 'Hector Guerra', exact: true }).click();
    const personSnippet = desk.getByLabel('Snippet for Hector Guerra');
    expect(await personSnippet.inputValue()).toBe(`<script src="${suite.server.base}/embed.js" data-spokesperson="hector-guerra" async></script>`);
    await desk.getByRole('button', { name: 'Copy the snippet for Hector Guerra' }).click();
    await desk.getByRole('status').filter({ hasText: 'Snippet copied.' }).waitFor();
    expect(await desk.evaluate(() => navigator.clipboard.readText())).toBe(await personSnippet.inputValue());

    await desk.getByRole('link', { name: 'All spokespeople' }).click();
    const topic = desk.getByLabel('Topic for a booking widget');
    await topic.selectOption('Convention on Cluster Munitions');
    topicSnippet = await desk.getByLabel('Snippet for the topic “Convention on Cluster Munitions”').inputValue();
    expect(topicSnippet).toBe(`<script src="${suite.server.base}/embed.js" data-topic="Convention on Cluster Munitions" async></script>`);

    const release = (await suite.trpc('releases.list', undefined))[0] as { slug: string; title: string };
    await desk.goto(`${suite.server.base}/desk/releases`);
    await desk.getByRole('link', { name: release.title }).first().click();
    releaseSnippet = await desk.getByLabel(`Snippet for “${release.title}”`).inputValue();
    expect(releaseSnippet).toBe(`<script src="${suite.server.base}/embed.js" data-release="${release.slug}" async></script>`);
    await desk.getByRole('button', { name: `Copy the snippet for “${release.title}”` }).waitFor();

    // The topic's widget lists who is free on it; a name opens their booking page inside the frame.
    const site = await context.newPage();
    await site.goto(`${siteBase}/topic`);
    const topicFrame = site.frameLocator('iframe[title="Request an interview"]');
    const results = topicFrame.getByRole('list', { name: 'Spokespeople, soonest free first' });
    await results.getByRole('link', { name: 'Hector Guerra', exact: true }).click();
    await topicFrame.getByRole('heading', { name: 'Request an interview with Hector Guerra' }).waitFor();
    await topicFrame.locator('.slot').first().waitFor();
    expect(new URL((await site.locator('iframe').getAttribute('src'))!).pathname).toBe('/embed/topic/Convention%20on%20Cluster%20Munitions');

    // The release's widget lists its spokespeople; booking one links the request to the release.
    await site.goto(`${siteBase}/release`);
    const releaseFrame = site.frameLocator('iframe[title="Request an interview"]');
    await releaseFrame.getByRole('heading', { name: release.title, level: 1 }).waitFor();
    await releaseFrame.getByRole('link', { name: /^Request an interview with / }).first().click();
    await releaseFrame.locator('.slot').first().waitFor();
    expect(await releaseFrame.locator('body').evaluate(() => location.pathname.startsWith('/embed/book/') && new URLSearchParams(location.search).has('release'))).toBe(true);
    await context.close();
  });
});
