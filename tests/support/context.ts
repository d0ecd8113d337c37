import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../server/env';
import { createContextInner, type ContextInnerOptions } from '../../server/context';
import { createCallerFactory } from '../../server/trpc';
import { appRouter } from '../../server/routers/_app';
import { createLogger } from '../../server/logger';
import type { Database } from '../../server/db';
import type { DatabaseTarget } from '../../server/db-url';

export const silentLogger = createLogger('silent');

let dataDir: string | undefined;

/** A valid configuration for tests: demo off, logs off, this database, a private DATA_DIR (one per test worker). */
export function makeTestConfig(target: DatabaseTarget, overrides: Record<string, string> = {}): Config {
  dataDir ??= mkdtempSync(join(tmpdir(), 'desk-test-data-'));
  return loadConfig({ DATABASE_URL: target.url, DESK_DEMO: '0', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://desk.test', DATA_DIR: dataDir, ...overrides });
}

/** Records what a procedure did to the session cookie. */
export function makeCookieRecorder() {
  const recorder = {
    token: null as string | null,
    expiresAt: null as Date | null,
    cleared: false,
    setSession(token: string, expiresAt: Date) {
      recorder.token = token;
      recorder.expiresAt = expiresAt;
    },
    clearSession() {
      recorder.cleared = true;
      recorder.token = null;
    },
  };
  return recorder;
}

const createCaller = createCallerFactory(appRouter);

/** Calls procedures in-process, as the HTTP adapter would, with the given request facts. */
export async function makeCaller(
  database: Database & { target: DatabaseTarget },
  options: Omit<Partial<ContextInnerOptions>, 'database'> = {},
) {
  const cookies = options.cookies ?? makeCookieRecorder();
  const ctx = await createContextInner({
    database,
    logger: silentLogger,
    ip: '203.0.113.10',
    ...options,
    config: options.config ?? makeTestConfig(database.target),
    cookies,
  });
  return createCaller(ctx);
}
