// The demo office (published logins, sample data) only where it is safe: a
// PUBLIC_URL on this machine, or DESK_DEMO=1 asked for explicitly. Its
// password is made per install, kept in DATA_DIR (0600) and printed at every start.
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { makeTestConfig, silentLogger } from '../support/context';
import { loadConfig } from '../../server/env';
import { startServer } from '../../server/start-server';
import { seedDemo } from '../../server/demo/seed-demo';
import { DEMO_PASSWORD_FILE } from '../../server/demo/demo-password';
import { callOver, outcomeOf } from './http';

const databases: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(databases.splice(0).map((database) => database.destroy()));
});

/** Starts the real server on a fresh database with these settings; answers what it printed and holds. */
async function start(overrides: Record<string, string>, prepare?: (database: TestDatabase) => Promise<void>) {
  const database = await createTestDatabase();
  databases.push(database);
  await prepare?.(database);
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-demo-'));
  const lines: string[] = [];
  // makeTestConfig switches the demo off; an empty DESK_DEMO counts as unset, so PUBLIC_URL decides.
  const config = makeTestConfig(database.target, { DATA_DIR: dataDir, DESK_DEMO: '', ...overrides });
  const running = await startServer({ config: { ...config, port: 0 }, logger: silentLogger, buildClient: false, announce: (line) => lines.push(line) });
  const counts = { users: await database.prisma.user.count(), spokespeople: await database.prisma.spokesperson.count() };
  return { running, lines, counts, dataDir, database };
}

describe('demo safety', { timeout: 120_000 }, () => {
  it('a public https PUBLIC_URL starts empty and says how to create the first admin', async () => {
    const { running, lines, counts, dataDir } = await start({ PUBLIC_URL: 'https://desk.example.org' });
    try {
      expect(counts).toEqual({ users: 0, spokespeople: 0 });
      expect(running.demoPassword).toBeUndefined();
      expect(existsSync(join(dataDir, DEMO_PASSWORD_FILE))).toBe(false);
      expect(lines.join('\n')).toMatch(/No demo press office: PUBLIC_URL \(https:\/\/desk\.example\.org\) is not this machine/);
      expect(lines.join('\n')).toMatch(/No staff account yet.*DESK_ADMIN_EMAIL and DESK_ADMIN_PASSWORD/);
      const signIn = await callOver(running.url, 'auth.login', { email: 'admin@example.org', password: 'demo-press-office' });
      expect(outcomeOf(signIn)).toBe('UNAUTHENTICATED');
    } finally {
      await running.close();
    }
  });

  it('a plain-http public address is not this machine either', () => {
    expect(loadConfig({ PUBLIC_URL: 'http://desk.internal.example:8080' }).demo).toBe(false);
    expect(loadConfig({ PUBLIC_URL: 'http://10.1.2.3:3000' }).demo).toBe(false);
    for (const url of ['http://localhost:3000', 'http://127.0.0.1:4000', 'http://[::1]:3000']) expect(loadConfig({ PUBLIC_URL: url }).demo, url).toBe(true);
    expect(loadConfig({}).demo).toBe(true);
  });

  it('on localhost the demo runs with a password made for this install, printed and kept 0600, and the published one does not work', async () => {
    const { running, lines, counts, dataDir } = await start({ PUBLIC_URL: 'http://localhost:3000' });
    try {
      expect(counts.spokespeople).toBe(2);
      const password = running.demoPassword!;
      expect(password).toMatch(/^demo-[A-Za-z0-9_-]{16}$/);
      expect(lines.join('\n')).toContain(`password "${password}"`);
      expect((statSync(join(dataDir, DEMO_PASSWORD_FILE)).mode & 0o777).toString(8)).toBe('600');
      expect(outcomeOf(await callOver(running.url, 'auth.login', { email: 'admin@example.org', password: 'demo-press-office' }))).toBe('UNAUTHENTICATED');
      expect(outcomeOf(await callOver(running.url, 'auth.login', { email: 'admin@example.org', password }))).toBe('ok');
    } finally {
      await running.close();
    }
  });

  it('DESK_DEMO=1 seeds the demo even on a public address', async () => {
    const { running, counts } = await start({ PUBLIC_URL: 'https://desk.example.org', DESK_DEMO: '1' });
    await running.close();
    expect(counts.spokespeople).toBe(2);
  });

  it('a demo seeded by an older version with the published password gets this install’s own', async () => {
    const { running } = await start({ PUBLIC_URL: 'http://localhost:3000' }, async (database) => {
      await seedDemo({ db: database.prisma, now: new Date(), password: 'demo-press-office' });
    });
    try {
      expect(outcomeOf(await callOver(running.url, 'auth.login', { email: 'jared.bloch@example.org', password: 'demo-press-office' }))).toBe('UNAUTHENTICATED');
      expect(outcomeOf(await callOver(running.url, 'auth.login', { email: 'jared.bloch@example.org', password: running.demoPassword! }))).toBe('ok');
    } finally {
      await running.close();
    }
  });
});
