import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/seed-demo';
import { loadConfig } from '../../server/env';
import { startServer, type RunningServer } from '../../server/start-server';
import { createLogger } from '../../server/logger';

/** Where screenshots go (kept as test artifacts). */
export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');

export interface TestServerOptions {
  /** false: an empty office (DESK_DEMO=0). */
  demo?: boolean;
  /** The first-run admin (DESK_ADMIN_EMAIL / DESK_ADMIN_PASSWORD). */
  admin?: { email: string; password: string };
  /** The server's clock (default: the real one); a test moves it to cross an embargo. */
  now?: () => Date;
}

/**
 * The real server on a fresh SQLite file and a free port: with the demo press
 * office by default, or empty with a first-run admin. Without SMTP_URL, mail is
 * written as .eml files to `dataDir`/outbox.
 */
export async function startDemoServer(options: TestServerOptions = {}): Promise<RunningServer & { base: string; dataDir: string }> {
  const folder = mkdtempSync(join(tmpdir(), 'desk-browser-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const base = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    DATABASE_URL: `file:${join(folder, 'desk.db')}`,
    LOG_LEVEL: 'silent',
    DATA_DIR: folder,
    PORT: String(port),
    PUBLIC_URL: base,
    DESK_DEMO: options.demo === false ? '0' : '1',
    ...(options.admin ? { DESK_ADMIN_EMAIL: options.admin.email, DESK_ADMIN_PASSWORD: options.admin.password } : {}),
  });
  const running = await startServer({ config, logger: createLogger('silent'), announce: () => {}, now: options.now });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return { ...running, base, dataDir: folder };
}

/** Debian's Chromium, headless, with the flags this machine needs (no background network). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** axe-core's serious and critical violations on the page as it is now (rule id: first offending target). */
export async function seriousAccessibilityViolations(page: import('playwright-core').Page): Promise<string[]> {
  const { createRequire } = await import('node:module');
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
    return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(' ')}`);
  });
  return violations;
}

/** Calls a tRPC procedure over plain HTTP (queries as GET, mutations as POST), as any client could. */
export async function callProcedure(base: string, path: string, input: unknown, method: 'GET' | 'POST' = 'GET') {
  const response =
    method === 'GET'
      ? await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`)
      : await fetch(`${base}/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error.message);
  return body.result.data;
}

export type DemoServer = Awaited<ReturnType<typeof startDemoServer>>;

/**
 * One demo server and one Chromium for a test file: started before its tests,
 * stopped after. Read `suite.server` and `suite.browser` inside tests (they are
 * set once beforeAll has run).
 */
export function browserSuite(options: TestServerOptions = {}) {
  const suite = {
    server: undefined as unknown as DemoServer,
    browser: undefined as unknown as Browser,
    /** A tRPC call over plain HTTP against this suite's server. */
    trpc: (path: string, input: unknown, method: 'GET' | 'POST' = 'GET') => callProcedure(suite.server.base, path, input, method),
  };
  beforeAll(async () => {
    suite.server = await startDemoServer(options);
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/** Fills the console's sign-in form on `page` (already showing it) as a demo user; the press officer by default. */
export async function signIn(page: Page, email = 'jared.bloch@example.org') {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
