// insertRows (server/db-insert.ts) writes rows by raw SQL for the hot intake
// path. Prisma must read them back exactly as if it had written them itself,
// and its filters must treat them the same, on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRows, jsonColumn } from '../../server/db-insert';
import { sortableId } from '../../server/common/sortable-id';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

describe('insertRows', () => {
  it('rows written by raw SQL read back like Prisma’s own: dates to the millisecond, JSON of every shape, NULLs', async () => {
    const at = new Date('2027-03-14T07:59:59.123Z');
    const id = sortableId();
    await insertRows(database.prisma, 'AuditEvent', [
      { id, actorType: 'system', actorId: undefined, action: 'test.raw', entityType: 'test', entityId: 'e1', before: jsonColumn({ list: [1, { nested: null }], text: 'Zoë "quoted" \\ back' }), after: jsonColumn('just a string'), ip: null, createdAt: at },
    ]);
    const row = await database.prisma.auditEvent.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ actorType: 'system', actorId: null, action: 'test.raw', ip: null, before: { list: [1, { nested: null }], text: 'Zoë "quoted" \\ back' }, after: 'just a string' });
    expect(row.createdAt.toISOString()).toBe('2027-03-14T07:59:59.123Z');
  });

  it('date filters and ordering treat raw rows and Prisma rows alike', async () => {
    const at = new Date('2027-05-01T10:00:00.500Z');
    await database.prisma.rateLimitEvent.create({ data: { bucket: 'raw-test', key: 'prisma', createdAt: at } });
    await insertRows(database.prisma, 'RateLimitEvent', [{ id: sortableId(), bucket: 'raw-test', key: 'raw', createdAt: at }]);
    const count = (where: object) => database.prisma.rateLimitEvent.count({ where: { bucket: 'raw-test', ...where } });
    expect(await count({ createdAt: { gte: at } })).toBe(2);
    expect(await count({ createdAt: { gt: at } })).toBe(0);
    expect(await count({ createdAt: { lt: new Date(at.getTime() + 1) } })).toBe(2);
    expect(await count({ createdAt: { gt: new Date(at.getTime() - 1) } })).toBe(2);
  });

  it('many rows go in one call, in order, with sortable ids', async () => {
    const now = new Date('2027-06-01T00:00:00Z');
    const rows = Array.from({ length: 1200 }, (_, index) => ({ id: sortableId(now.getTime()), bucket: 'raw-bulk', key: `k${index}`, createdAt: now }));
    await insertRows(database.prisma, 'RateLimitEvent', rows);
    const stored = await database.prisma.rateLimitEvent.findMany({ where: { bucket: 'raw-bulk' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { key: true } });
    expect(stored.map((row) => row.key)).toEqual(rows.map((row) => row.key));
  });

  it('refuses an identifier that is not a plain name', async () => {
    await expect(insertRows(database.prisma, 'AuditEvent"; DROP TABLE "AuditEvent', [{ id: 'x' }])).rejects.toThrow(/Not a plain identifier/);
  });
});
