import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../server/db';
import { resolveDatabaseUrl } from '../server/db-url';
import { applyMigrations } from '../server/migrate';
const t = resolveDatabaseUrl(`file:${join(mkdtempSync(join(tmpdir(), 'q-')), 'q.db')}`);
await applyMigrations(t);
const db = await openDatabase(t);
const p = db.prisma;
async function time(name: string, fn: (i: number) => Promise<unknown>, n = 1000) {
  for (let i = 0; i < 100; i++) await fn(i);
  const s = performance.now();
  for (let i = 0; i < n; i++) await fn(i + 100);
  console.log(name.padEnd(30), ((performance.now() - s) / n * 1000).toFixed(0), 'µs');
}
await time('raw SELECT 1', () => p.$queryRawUnsafe('SELECT 1'));
await time('setting.findUnique', () => p.setting.findUnique({ where: { key: 'x' } }));
await time('rateLimitEvent.count', () => p.rateLimitEvent.count({ where: { bucket: 'a', key: 'b', createdAt: { gt: new Date() } } }));
await time('rateLimitEvent.create', () => p.rateLimitEvent.create({ data: { bucket: 'a', key: 'b' } }));
await time('$transaction 2 creates', () => p.$transaction(async (tx) => { await tx.rateLimitEvent.create({ data: { bucket: 'a', key: 'b' } }); await tx.rateLimitEvent.create({ data: { bucket: 'a', key: 'c' } }); }), 300);
await db.close();
