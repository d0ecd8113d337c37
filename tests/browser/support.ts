import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../server/env';
import { startServer, type RunningServer } from '../../server/start-server';
import { createLogger } from '../../server/logger';

/** Where screenshots go (kept as test artifacts). */
export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');

let currentDemoPassword: string | undefined;

/** The demo password the running demo server generated for its install (printed at its start). */
export function demoPassword(): string {
  if (!currentDemoPassword) throw new Error('No demo server is running: call startDemoServer() first.');
  return currentDemoPassword;
}

export interface TestServerOptions {
  /** false: an empty office (DESK_DEMO=0). */
  demo?: boolean;
  /** The first-run admin (DESK_ADMIN_EMAIL / DESK_ADMIN_PASSWORD). */
  admin?: { email: string; password: string };
  /** More environment variables (e.g. VIDEO_ROOM_BASE_URL). */
  env?: Record<string, string>;
  /** An injected clock for the tRPC procedures (tests move time forward). */
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
    ...options.env,
  });
  const running = await startServer({ config, logger: createLogger('silent'), announce: () => {}, now: options.now });
  if (running.demoPassword) currentDemoPassword = running.demoPassword;
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
  // Evaluated through the DevTools protocol, not added as an inline <script>: the
  // app's Content-Security-Policy (rightly) blocks inline scripts.
  const { readFileSync } = await import('node:fs');
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
    return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(' ')}`);
  });
  return violations;
}

/** Calls a tRPC procedure over plain HTTP (queries as GET, mutations as POST), as any client could. */
export async function callProcedure(base: string, path: string, input: unknown, method: 'GET' | 'POST' = 'GET') {
  input = withDeadlineAtStart(path, input);
  const response =
    method === 'GET'
      ? await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`)
      : await fetch(`${base}/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error.message);
  return body.result.data;
}

/**
 * Set-up requests made over the API: a deadline after the requested start is
 * refused (holds never outlive the slot), so a later one is brought back to
 * the start. The browser tests that set requests up this way test what the
 * desk does with them, not the deadline rule (tests/security/hold-squatting).
 */
function withDeadlineAtStart(path: string, input: unknown): unknown {
  if (path !== 'requests.create' || typeof input !== 'object' || input === null) return input;
  const { start, deadline } = input as { start?: string; deadline?: string };
  if (!start || !deadline || Date.parse(deadline) <= Date.parse(start)) return input;
  return { ...input, deadline: start };
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
  await page.getByLabel('Password').fill(demoPassword());
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The page's width in CSS pixels, to check nothing scrolls sideways (a 375 px phone). */
export function pageScrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}
