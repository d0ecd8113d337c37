// On SQLite all statements share one connection; server/db-sqlite-serial.ts
// keeps a statement made outside a transaction out of any open transaction.
// (On PostgreSQL each runs on its own pooled connection anyway.)
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

describe('statements outside a transaction', () => {
  it('are not rolled back with another request’s failed transaction, and never see its uncommitted rows', async () => {
    const failing = database.prisma.$transaction(async (tx) => {
      await tx.setting.create({ data: { key: 'uncommitted', value: 1 } });
      await sleep(100);
      throw new Error('this transaction fails');
    });
    await sleep(20);
    const [seen] = await Promise.all([
      database.prisma.setting.findUnique({ where: { key: 'uncommitted' } }),
      database.prisma.setting.create({ data: { key: 'independent', value: 2 } }),
    ]);
    await expect(failing).rejects.toThrow('this transaction fails');
    expect(seen).toBeNull();
    expect(await database.prisma.setting.findUnique({ where: { key: 'independent' } })).toMatchObject({ value: 2 });
    expect(await database.prisma.setting.findUnique({ where: { key: 'uncommitted' } })).toBeNull();
  });
});
