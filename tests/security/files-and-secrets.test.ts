// What lies on disk and where the server secret lives: database, WAL and
// outbox files readable by their owner only; the secret in DATA_DIR/secret.key
// (0600) or SECRET_KEY, never in the database; an old install's key moved out
// of the database with every manage link still working; rotation that keeps
// old links and erasures.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { makeTestConfig, silentLogger } from '../support/context';
import { makeBookableSpokesperson, publicCaller, requestInput, workflowConfig } from '../support/workflow';
import { loadConfig } from '../../server/env';
import { startServer } from '../../server/start-server';
import { getServerKeys, prepareServerSecrets, rotateKeyFile, SECRET_FILE, useServerKeys } from '../../server/secrets';
import { deriveManageToken } from '../../server/requests/manage-token';
import { erasedHash, findErasedValues } from '../../server/contacts/contact-record';
import { callOver } from './http';

const modeOf = (file: string) => statSync(file).mode & 0o777;

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

describe('files on disk', () => {
  it.skipIf(inject('databaseKind') === 'postgres')('a fresh install writes its database, WAL, key, demo password and outbox files as 0600', { timeout: 120_000 }, async () => {
    const folder = mkdtempSync(join(tmpdir(), 'desk-modes-'));
    const config = loadConfig({ DATABASE_URL: `file:${join(folder, 'desk.db')}`, DATA_DIR: folder, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000', REQUEST_LIMIT_PER_IP: '1000' });
    const running = await startServer({ config: { ...config, port: 0 }, logger: silentLogger, buildClient: false, announce: () => {} });
    try {
      const person = await makeBookableSpokesperson({ prisma: running.database.prisma } as TestDatabase, { holdSlots: false });
      const start = new Date(Math.ceil(Date.now() / 86_400_000) * 86_400_000 + 2 * 86_400_000 + 9 * 3_600_000).toISOString();
      const created = await callOver(running.url, 'requests.create', requestInput(person.id, start, { deadline: start }));
      expect(created.status).toBe(200);
      const outbox = join(folder, 'outbox');
      await expect.poll(() => (existsSync(outbox) ? readdirSync(outbox).filter((name) => name.endsWith('.eml')).length : 0), { timeout: 30_000, interval: 250 }).toBeGreaterThan(0);
      const files = ['desk.db', 'desk.db-wal', 'desk.db-shm', SECRET_FILE, 'demo-password', ...readdirSync(outbox).map((name) => join('outbox', name))];
      for (const file of files) expect(modeOf(join(folder, file)).toString(8), file).toBe('600');
      expect(modeOf(outbox).toString(8)).toBe('700');
    } finally {
      await running.close();
    }
  });

  it.skipIf(inject('databaseKind') === 'postgres')('files an older version left world-readable are tightened at start', { timeout: 120_000 }, async () => {
    const folder = mkdtempSync(join(tmpdir(), 'desk-modes-old-'));
    const config = loadConfig({ DATABASE_URL: `file:${join(folder, 'desk.db')}`, DATA_DIR: folder, LOG_LEVEL: 'silent', DESK_DEMO: '0' });
    await (await startServer({ config: { ...config, port: 0 }, logger: silentLogger, buildClient: false, announce: () => {} })).close();
    chmodSync(join(folder, 'desk.db'), 0o644);
    chmodSync(join(folder, SECRET_FILE), 0o644);
    await (await startServer({ config: { ...config, port: 0 }, logger: silentLogger, buildClient: false, announce: () => {} })).close();
    expect(modeOf(join(folder, 'desk.db')).toString(8)).toBe('600');
    expect(modeOf(join(folder, SECRET_FILE)).toString(8)).toBe('600');
  });
});

describe('the server secret', () => {
  it('an old install’s key moves from the database to the key file, and the manage links it made keep working', async () => {
    const legacyKey = randomBytes(32);
    const person = await makeBookableSpokesperson(database);
    // A request made by the old version: its token derived from the key in the database.
    useServerKeys([legacyKey]);
    const created = await (await publicCaller(database)).requests.create(requestInput(person.id, '2027-03-16T09:00:00Z'));
    expect(created.manageToken).toBe(deriveManageToken(legacyKey, created.requestId));
    await database.prisma.setting.create({ data: { key: 'secret.manageTokenKey', value: legacyKey.toString('base64') } });

    const dataDir = mkdtempSync(join(tmpdir(), 'desk-secret-'));
    const result = await prepareServerSecrets({ db: database.prisma, config: makeTestConfig(database.target, { DATA_DIR: dataDir }) });
    expect(result).toMatchObject({ source: 'file', movedFromDatabase: true });
    // Out of the database entirely…
    expect(await database.prisma.setting.findUnique({ where: { key: 'secret.manageTokenKey' } })).toBeNull();
    expect(JSON.stringify(await database.prisma.setting.findMany())).not.toContain(legacyKey.toString('base64'));
    // …and into a private file, as the current key (a new process reads this file).
    const file = join(dataDir, SECRET_FILE);
    expect(modeOf(file).toString(8)).toBe('600');
    expect(readFileSync(file, 'utf8').split('\n').find((line) => line && !line.startsWith('#'))).toBe(legacyKey.toString('base64'));
    expect(getServerKeys().current.equals(legacyKey)).toBe(true);
    // The link still opens the request.
    const view = await (await publicCaller(database)).requests.get({ reference: created.reference, token: created.manageToken });
    expect(view.reference).toBe(created.reference);
    // A second start finds nothing more to move.
    expect(await prepareServerSecrets({ db: database.prisma, config: makeTestConfig(database.target, { DATA_DIR: dataDir }) })).toMatchObject({ movedFromDatabase: false });
  });

  it('SECRET_KEY takes precedence and no key file is written', async () => {
    const key = randomBytes(32);
    const dataDir = mkdtempSync(join(tmpdir(), 'desk-secret-env-'));
    const result = await prepareServerSecrets({ db: database.prisma, config: makeTestConfig(database.target, { DATA_DIR: dataDir, SECRET_KEY: key.toString('base64') }) });
    expect(result.source).toBe('environment');
    expect(existsSync(join(dataDir, SECRET_FILE))).toBe(false);
    expect(getServerKeys().current.equals(key)).toBe(true);
    expect(() => loadConfig({ SECRET_KEY: 'too-short' })).toThrow(/SECRET_KEY: must be at least 32 random bytes/);
  });

  it('after a rotation, new requests use the new key while old links, retries and erasures still work', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'desk-secret-rotate-'));
    const config = makeTestConfig(database.target, { DATA_DIR: dataDir });
    await prepareServerSecrets({ db: database.prisma, config });
    const oldKey = getServerKeys().current;
    const person = await makeBookableSpokesperson(database);
    const caller = await publicCaller(database, { config: workflowConfig(database, { DATA_DIR: dataDir }) });
    const input = requestInput(person.id, '2027-03-17T09:00:00Z');
    const before = await caller.requests.create(input);
    await database.prisma.erasedContact.create({ data: { kind: 'email', valueHash: erasedHash(oldKey, 'email', 'gone@example.org'), erasedAt: new Date() } });

    rotateKeyFile(dataDir);
    await prepareServerSecrets({ db: database.prisma, config });
    const newKey = getServerKeys().current;
    expect(newKey.equals(oldKey)).toBe(false);
    expect(modeOf(join(dataDir, SECRET_FILE)).toString(8)).toBe('600');

    // A retry of the old create call answers the same link; the link still works.
    expect((await caller.requests.create(input)).manageToken).toBe(before.manageToken);
    expect((await caller.requests.get({ reference: before.reference, token: before.manageToken })).reference).toBe(before.reference);
    // A new request's token comes from the new key.
    const after = await caller.requests.create(requestInput(person.id, '2027-03-17T10:00:00Z'));
    expect(after.manageToken).toBe(deriveManageToken(newKey, after.requestId));
    // Someone erased under the old key stays erased.
    expect(await findErasedValues(database.prisma, newKey, { emails: ['gone@example.org'], phones: [] })).toEqual(new Set(['gone@example.org']));
  });
});
