// Starting on SQLite: a line of progress for each step that does work, and a
// restart with nothing to do does none of it (no migration, no seeding).
// PostgreSQL never migrates at start (a deployment step), so SQLite only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../server/start-server';
import { resolveDatabaseUrl } from '../../server/db-url';
import { listMigrations } from '../../server/migrate';
import { makeTestConfig, silentLogger } from '../support/context';
import { testDatabaseKind } from '../support/test-env';

describe.skipIf(testDatabaseKind() !== 'sqlite')('starting on an empty SQLite database, then restarting', () => {
  it('announces migrating and seeding the first time, and neither on a restart that has nothing to do', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'desk-start-'));
    try {
      const config = { ...makeTestConfig(resolveDatabaseUrl(`file:${join(folder, 'desk.db')}`), { DESK_DEMO: '1' }), port: 0 };
      const first: string[] = [];
      let running = await startServer({ config, logger: silentLogger, buildClient: false, announce: (line) => first.push(line) });
      expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
      await running.close();
      const count = listMigrations('sqlite').length;
      expect(first).toContain(`Migrating the database (${count} migration${count === 1 ? '' : 's'} to apply)…`);
      expect(first.some((line) => /^Database migrated in \d+\.\d s\.$/.test(line))).toBe(true);
      expect(first).toContain('Seeding the demo press office…');
      expect(first.indexOf('Seeding the demo press office…')).toBeGreaterThan(first.findIndex((line) => line.startsWith('Migrating')));

      const second: string[] = [];
      running = await startServer({ config, logger: silentLogger, buildClient: false, announce: (line) => second.push(line) });
      const health = await (await fetch(`${running.url}/healthz`)).json();
      await running.close();
      expect(health.database.pendingMigrations).toEqual([]);
      expect(second.some((line) => /Migrating|Seeding|Building/.test(line))).toBe(false);
      expect(second.some((line) => line.startsWith('Interview Desk is running'))).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
